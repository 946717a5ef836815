import type * as Y from 'yjs';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Replaces only the changed middle of the text, so a peer typing elsewhere in the same field keeps its edits.
export function setText(ytext: Y.Text, input: string): void {
  // Updates travel as UTF-8, where a lone surrogate becomes U+FFFD on the other peers but not here: the copies
  // would differ forever. Replace it before it is written.
  const value = input.replace(LONE_SURROGATE, '\uFFFD');
  const current = ytext.toString();
  if (current === value) return;
  const max = Math.min(current.length, value.length);
  let prefix = 0;
  while (prefix < max && current.charCodeAt(prefix) === value.charCodeAt(prefix)) prefix++;
  // Never split a surrogate pair: the diff would delete half an emoji.
  if (prefix > 0 && isHighSurrogate(current.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    current.charCodeAt(current.length - 1 - suffix) === value.charCodeAt(value.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(current.charCodeAt(current.length - suffix))) suffix--;
  const deleteCount = current.length - prefix - suffix;
  const insert = value.slice(prefix, value.length - suffix);
  const apply = (): void => {
    if (deleteCount > 0) ytext.delete(prefix, deleteCount);
    if (insert.length > 0) ytext.insert(prefix, insert);
  };
  if (ytext.doc) ytext.doc.transact(apply);
  else apply();
}
