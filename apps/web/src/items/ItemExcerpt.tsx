import { richTextToJSON, richTextToPlain } from '@samplan/plan-model';
import * as Y from 'yjs';
import { useYValue } from '../hooks/useYValue.ts';

const MAX_CHARS = 280;

/**
 * The first words of a text, cut at a word boundary. Its lines stay lines (an agenda's points, shown with
 * `white-space: pre-line`); spaces within a line and empty lines between are folded.
 */
export function excerptOf(text: string, max = MAX_CHARS): string {
  const flat = text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('\n'));
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/** A short text of an item in the reading view: the start of a rich-text field, or a short text field. */
export function ItemExcerpt({ text, label }: { text: Y.XmlFragment | Y.Text | undefined; label: string }) {
  const plain = useYValue(
    text,
    () => {
      if (text instanceof Y.Text) return text.toString();
      return text ? richTextToPlain(richTextToJSON(text)) : '';
    },
    [text],
    { deep: true },
  );
  const short = excerptOf(plain);
  if (!short) return null;
  return (
    <div className="item-excerpt">
      <p className="item-excerpt__label">{label}</p>
      <p className="item-excerpt__text">{short}</p>
    </div>
  );
}
