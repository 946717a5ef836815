import * as Y from 'yjs';
import type { RichTextDoc, RichTextMark, RichTextNode } from './richTextSchema.ts';

/** The end of a mark's attribute name when y-prosemirror keeps overlapping marks of one kind: `--` and 8 of base64. */
const MARK_HASH = /^--[a-zA-Z0-9+/=]{8}$/;
const MARK_HASH_LENGTH = 10;

/**
 * The ProseMirror mark an XmlText attribute stands for: y-prosemirror stores overlapping marks under `name--hash`.
 * Linear in the name's length, which an update chooses (a backtracking pattern over it held the event loop for
 * seconds per 30,000 characters, quadratically).
 */
export function richTextMarkName(attributeName: string): string {
  const hashAt = attributeName.length - MARK_HASH_LENGTH;
  return hashAt >= 0 && MARK_HASH.test(attributeName.slice(hashAt)) ? attributeName.slice(0, hashAt) : attributeName;
}
const markName = richTextMarkName;

/**
 * Rich text nested deeper than this is not read (it stays in the document): a plan written before the server
 * checked nesting could otherwise overflow the stack of whoever reads it.
 */
export const RICH_TEXT_READ_DEPTH = 64;

// Sorted keys: the same Yjs state must serialize to the same JSON string on every peer.
function sortedAttrs(attrs: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(attrs)
    .filter((key) => key !== 'ychange' && attrs[key] !== null && attrs[key] !== undefined)
    .sort();
  if (keys.length === 0) return undefined;
  const sorted: Record<string, unknown> = {};
  for (const key of keys) sorted[key] = attrs[key];
  return sorted;
}

interface DeltaOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

function textNodes(text: Y.XmlText): RichTextNode[] {
  const nodes: RichTextNode[] = [];
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string' || op.insert.length === 0) continue;
    const node: RichTextNode = { type: 'text', text: op.insert };
    const marks: RichTextMark[] = Object.entries(op.attributes ?? {})
      .filter(([name, attrs]) => name !== 'ychange' && attrs !== null && attrs !== undefined)
      .map(([name, attrs]) => {
        const mark: RichTextMark = { type: markName(name) };
        const markAttrs = typeof attrs === 'object' ? sortedAttrs(attrs as Record<string, unknown>) : undefined;
        if (markAttrs) mark.attrs = markAttrs;
        return mark;
      })
      .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    if (marks.length > 0) node.marks = marks;
    nodes.push(node);
  }
  return nodes;
}

function childNodes(parent: Y.XmlFragment, depth = 0): RichTextNode[] {
  const nodes: RichTextNode[] = [];
  if (depth > RICH_TEXT_READ_DEPTH) return nodes;
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const node: RichTextNode = { type: child.nodeName };
      const attrs = sortedAttrs(child.getAttributes() as Record<string, unknown>);
      if (attrs) node.attrs = attrs;
      const content = childNodes(child, depth + 1);
      if (content.length > 0) node.content = content;
      nodes.push(node);
    } else if (child instanceof Y.XmlText) {
      nodes.push(...textNodes(child));
    }
  }
  return nodes;
}

// The ProseMirror JSON that Tiptap would show for this fragment.
export function richTextToJSON(fragment: Y.XmlFragment): RichTextDoc {
  return { type: 'doc', content: childNodes(fragment) };
}
