/** Longest section, item or field key a presence state may name (the web app's are far shorter). */
const KEY_CHARS = 200;

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
const isId = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  isCount((value as { client?: unknown }).client) &&
  isCount((value as { clock?: unknown }).clock);

const isAbsent = (value: unknown): boolean => value === undefined || value === null;

/**
 * A Yjs relative position as `Y.relativePositionToJSON` writes it, which `Y.createRelativePositionFromJSON` reads:
 * it names an item, a type or a root type's name (`Y.createAbsolutePositionFromRelativePosition` throws on a
 * position that names none, in every peer's editor).
 */
function isRelativePosition(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { type, tname, item, assoc } = value as Record<string, unknown>;
  return (
    !(isAbsent(type) && isAbsent(tname) && isAbsent(item)) &&
    (isAbsent(type) || isId(type)) &&
    (isAbsent(tname) || (typeof tname === 'string' && tname.length <= KEY_CHARS)) &&
    (isAbsent(item) || isId(item)) &&
    (assoc === undefined || (typeof assoc === 'number' && Number.isInteger(assoc)))
  );
}

/** A caret as the editor's collaboration caret writes it: null, or an anchor and a head. */
function isCursor(value: unknown): boolean {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const { anchor, head } = value as Record<string, unknown>;
  return isRelativePosition(anchor) && isRelativePosition(head);
}

const isKey = (value: unknown): boolean =>
  value === null || (typeof value === 'string' && value.length > 0 && value.length <= KEY_CHARS);

/**
 * What of a peer's presence state is passed on: where they are (`section`, `item`, `field`) and their caret
 * (`cursor`), each only in the shape the web app writes and reads; anything else is dropped. Every peer's editor
 * reads the others' carets without checking them (a `cursor: {}` made every member's rich-text editor throw on
 * every change), so what a state holds is the server's to check, as its `user` is.
 */
export function presenceState(state: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of ['section', 'item', 'field'] as const) if (isKey(state[key])) kept[key] = state[key];
  if (isCursor(state.cursor)) kept.cursor = state.cursor;
  return kept;
}
