// Turning an <input>'s new value into the smallest Y.Text change, and keeping a caret in place when someone
// else's change arrives. Pure functions, unit-tested.

export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/** A Y.Text delta as in YTextEvent.delta. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * The change that turns `before` into `after`. `cursor` is the caret after the edit (selectionEnd): it decides
 * where a repeated letter went ("aa" → "aaa" typed at 1 inserts at 1, not at the end), so a peer's concurrent
 * edit elsewhere in the field is not disturbed. Returns null when nothing changed.
 */
export function diffText(before: string, after: string, cursor?: number | null): TextChange | null {
  if (before === after) return null;
  const grow = after.length - before.length;
  if (cursor !== undefined && cursor !== null && cursor >= 0 && cursor <= after.length) {
    if (grow > 0) {
      // Pure insertion ending at the caret.
      const index = cursor - grow;
      if (index >= 0 && after.startsWith(before.slice(0, index)) && after.slice(cursor) === before.slice(index)) {
        if (!splitsPair(before, index)) return { index, remove: 0, insert: after.slice(index, cursor) };
      }
    } else if (grow < 0) {
      // Pure deletion at the caret (Backspace or Delete).
      const removed = -grow;
      if (
        before.slice(0, cursor) === after.slice(0, cursor) &&
        before.slice(cursor + removed) === after.slice(cursor)
      ) {
        if (!splitsPair(before, cursor) && !splitsPair(before, cursor + removed)) {
          return { index: cursor, remove: removed, insert: '' };
        }
      }
    }
  }
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) };
}

/** True when `index` falls between the two halves of a surrogate pair (an emoji). */
function splitsPair(text: string, index: number): boolean {
  return (
    index > 0 &&
    index < text.length &&
    isHighSurrogate(text.charCodeAt(index - 1)) &&
    isLowSurrogate(text.charCodeAt(index))
  );
}

/** Applies a change to a plain string (the same thing applyTextChange does to a Y.Text). */
export function applyChangeToString(text: string, change: TextChange): string {
  return text.slice(0, change.index) + change.insert + text.slice(change.index + change.remove);
}

/**
 * Where a caret at `position` ends up after a remote delta. Text inserted exactly at the caret goes after it, so
 * my next letter still lands where I was typing.
 */
export function transformPosition(position: number, delta: TextDelta): number {
  let oldIndex = 0;
  let result = position;
  for (const op of delta) {
    if (oldIndex > position) break;
    if (op.retain !== undefined) {
      oldIndex += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldIndex < position) result += length;
    } else if (op.delete !== undefined) {
      if (oldIndex < position) result -= Math.min(op.delete, position - oldIndex);
      oldIndex += op.delete;
    }
  }
  return Math.max(0, result);
}
