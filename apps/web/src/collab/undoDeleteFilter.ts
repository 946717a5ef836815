import * as Y from 'yjs';

/** Rich-text nodes an undo must not remove while they hold content (ProseMirror needs them to keep the text). */
const PROTECTED_NODES: ReadonlySet<string> = new Set(['paragraph']);

/**
 * The plan's UndoManager `deleteFilter`: undoing an insertion may delete what was inserted, except a text, or a
 * paragraph, that others have since written into. Same rule as Tiptap's undo plugin applies to its own
 * transactions, kept here so the plan's undo works before the editor code has loaded.
 */
export function undoDeleteFilter(item: Y.Item): boolean {
  if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentType)) return true;
  const type = item.content.type;
  const isProtected = type instanceof Y.Text || (type instanceof Y.XmlElement && PROTECTED_NODES.has(type.nodeName));
  return !isProtected || type._length === 0;
}
