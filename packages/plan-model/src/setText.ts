import type * as Y from 'yjs';
import { toWellFormed } from './toWellFormed.ts';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

// Replaces only the changed middle of the text, so a peer typing elsewhere in the same field keeps its edits.
export function setText(ytext: Y.Text, input: string): void {
  const value = toWellFormed(input);
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
