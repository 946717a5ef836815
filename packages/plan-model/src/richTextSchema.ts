import { z } from 'zod/mini';

// ProseMirror JSON, as Tiptap's `editor.getJSON()` and `Node.fromJSON` use it.

/**
 * The nodes (besides `doc` and `text`) and marks rich text may hold: one definition for the web editor (which is
 * configured from it and tested against it) and the server (which refuses updates with anything else).
 */
export const RICH_TEXT_NODES = [
  'paragraph',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'hardBreak',
] as const;
export const RICH_TEXT_MARKS = ['bold', 'italic', 'strike', 'underline', 'link'] as const;

/**
 * The addresses a link may point to: web pages, e-mail and phone numbers. Checked on the raw string, from its
 * first character, as browsers drop spaces and tabs from an address («java\tscript:») before reading its scheme.
 */
const SAFE_LINK_HREF = /^(?:https?:|mailto:|tel:)/i;

/** Whether a link mark's address may be stored and shown as a link (the editor, the server and the renderers). */
export function isSafeLinkHref(href: unknown): href is string {
  return typeof href === 'string' && SAFE_LINK_HREF.test(href);
}

export interface RichTextMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: RichTextMark[];
}

export interface RichTextDoc {
  type: 'doc';
  content: RichTextNode[];
}

export const RichTextMarkSchema: z.ZodMiniType<RichTextMark> = z.object({
  type: z.string().check(z.minLength(1)),
  attrs: z.optional(z.record(z.string(), z.unknown())),
});

export const RichTextNodeSchema: z.ZodMiniType<RichTextNode> = z.lazy(() =>
  z.object({
    type: z.string().check(z.minLength(1)),
    attrs: z.optional(z.record(z.string(), z.unknown())),
    content: z.optional(z.array(RichTextNodeSchema)),
    text: z.optional(z.string()),
    marks: z.optional(z.array(RichTextMarkSchema)),
  }),
);

export const RichTextDocSchema: z.ZodMiniType<RichTextDoc> = z.object({
  type: z.literal('doc'),
  content: z.array(RichTextNodeSchema),
});

export function emptyRichText(): RichTextDoc {
  return { type: 'doc', content: [] };
}
