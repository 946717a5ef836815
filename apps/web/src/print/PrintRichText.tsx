import type { RichTextDoc } from '@samplan/plan-model';
import { isEmptyRichText, RichTextView } from '../editor/RichTextView.tsx';

/**
 * A rich-text field in the print view, under its label as a heading one level below the item's (h3 in a section,
 * h4 in an item). An empty field is left out, as empty facts are: a printed plan is not a form.
 */
export function PrintRichText({ label, doc, level = 4 }: { label?: string; doc: RichTextDoc; level?: 3 | 4 }) {
  if (isEmptyRichText(doc)) return null;
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <div className="print-field">
      {label && <Heading className="print-field__label">{label}</Heading>}
      <div className="print-field__body">
        <RichTextView doc={doc} />
      </div>
    </div>
  );
}
