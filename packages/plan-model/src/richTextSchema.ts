import { z } from 'zod';

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

export const RichTextMarkSchema: z.ZodType<RichTextMark> = z.object({
  type: z.string().min(1),
  attrs: z.record(z.string(), z.unknown()).optional(),
});

export const RichTextNodeSchema: z.ZodType<RichTextNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(RichTextNodeSchema).optional(),
    text: z.string().optional(),
    marks: z.array(RichTextMarkSchema).optional(),
  }),
);

export const RichTextDocSchema: z.ZodType<RichTextDoc> = z.object({
  type: z.literal('doc'),
  content: z.array(RichTextNodeSchema),
});

export function emptyRichText(): RichTextDoc {
  return { type: 'doc', content: [] };
}
