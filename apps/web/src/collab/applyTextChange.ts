import type * as Y from 'yjs';
import type { TextChange } from './textDiff.ts';

/** Writes a diff into a Y.Text; the caller wraps it in a transaction with the right origin. */
export function applyTextChange(ytext: Y.Text, change: TextChange): void {
  if (change.remove > 0) ytext.delete(change.index, change.remove);
  if (change.insert.length > 0) ytext.insert(change.index, change.insert);
}
