import * as Y from 'yjs';
import { richTextFromPlain } from './richTextFromPlain.ts';
import { toWellFormed } from './toWellFormed.ts';
import { RichTextDocSchema, type RichTextDoc, type RichTextNode } from './richTextSchema.ts';

type YNode = Y.XmlElement | Y.XmlText;

// Runs of text nodes share one Y.XmlText, as y-prosemirror writes them, so Tiptap does not rewrite them on load.
function toYNodes(nodes: readonly RichTextNode[]): YNode[] {
  const out: YNode[] = [];
  let run: RichTextNode[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(
      run.map((node) => {
        const attributes: Record<string, unknown> = {};
        for (const mark of node.marks ?? []) attributes[mark.type] = mark.attrs ?? {};
        return Object.keys(attributes).length > 0
          ? { insert: toWellFormed(node.text ?? ''), attributes }
          : { insert: toWellFormed(node.text ?? '') };
      }),
      { sanitize: false },
    );
    out.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.text) run.push(node);
      continue;
    }
    flush();
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      if (value !== null && value !== undefined) element.setAttribute(key, value as string);
    }
    element.insert(0, toYNodes(node.content ?? []));
    out.push(element);
  }
  flush();
  return out;
}

// Replaces the whole content. Meant for seeding and imports; live edits go through the Tiptap binding.
export function writeRichText(fragment: Y.XmlFragment, content: RichTextDoc | string): void {
  replaceRichText(
    fragment,
    typeof content === 'string' ? richTextFromPlain(content) : RichTextDocSchema.parse(content),
  );
}

// For callers that validated already.
export function replaceRichText(fragment: Y.XmlFragment, content: RichTextDoc): void {
  const apply = (): void => {
    if (fragment.length > 0) fragment.delete(0, fragment.length);
    const nodes = toYNodes(content.content);
    if (nodes.length > 0) fragment.insert(0, nodes);
  };
  if (fragment.doc) fragment.doc.transact(apply);
  else apply();
}

/**
 * Adds content after what a rich-text field already holds, in one transaction: what others are typing there stays,
 * and the Tiptap editors bound to it show the new paragraphs live.
 */
export function appendRichText(fragment: Y.XmlFragment, content: RichTextDoc): void {
  const nodes = toYNodes(RichTextDocSchema.parse(content).content);
  if (nodes.length === 0) return;
  const apply = (): void => fragment.insert(fragment.length, nodes);
  if (fragment.doc) fragment.doc.transact(apply);
  else apply();
}
