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
export type RichTextNodeName = (typeof RICH_TEXT_NODES)[number];
export type RichTextMarkName = (typeof RICH_TEXT_MARKS)[number];

/**
 * The kind of value a node's or mark's attribute holds, as Tiptap reads it from pasted HTML; null (not set) is always
 * allowed. 'number': any number (an ordered list's start is parseInt of the HTML's, NaN for `<ol start="">`).
 * 'html': an HTML attribute Tiptap reads with no parser of its own, which it turns into a number or a boolean when
 * it reads as one (a link's title="2024" or title="true").
 */
type AttributeKind = 'string' | 'number' | 'html';
type AttributeSpecs = Readonly<Record<string, AttributeKind>>;

/**
 * The attributes each node and mark may carry: those Tiptap's have (the web's editorSchema test keeps the two equal).
 * y-prosemirror stores a node's attributes that are set on its XmlElement, and a mark's attributes, all of them, as
 * the value of its format.
 */
export const RICH_TEXT_NODE_ATTRIBUTES: Readonly<Record<RichTextNodeName, AttributeSpecs>> = {
  paragraph: {},
  blockquote: {},
  bulletList: {},
  orderedList: { start: 'number', type: 'string' },
  listItem: {},
  hardBreak: {},
};
export const RICH_TEXT_MARK_ATTRIBUTES: Readonly<Record<RichTextMarkName, AttributeSpecs>> = {
  bold: {},
  italic: {},
  strike: {},
  underline: {},
  link: { href: 'string', target: 'html', rel: 'html', class: 'html', title: 'html' },
};

const specOf = <T extends string>(specs: Readonly<Record<T, AttributeSpecs>>, name: string): AttributeSpecs | null =>
  Object.hasOwn(specs, name) ? specs[name as T] : null;

const fits = (kind: AttributeKind | undefined, value: unknown): boolean =>
  value === null ||
  (kind === 'string' && typeof value === 'string') ||
  (kind === 'number' && typeof value === 'number') ||
  (kind === 'html' && ['string', 'number', 'boolean'].includes(typeof value));

/** Whether `value` may be stored as attribute `name` of an element of node `node` (its own attributes only). */
export function isNodeAttribute(node: string | null, name: string, value: unknown): boolean {
  const specs = node === null ? null : specOf(RICH_TEXT_NODE_ATTRIBUTES, node);
  return specs !== null && Object.hasOwn(specs, name) && fits(specs[name], value);
}

/**
 * Whether `value` may be stored as the value of a format of `mark`: null (where the mark ends), an object of the
 * mark's own attributes, or `true` for a mark without attributes (as other Yjs programs write bold).
 */
export function isMarkValue(mark: string, value: unknown): boolean {
  const specs = specOf(RICH_TEXT_MARK_ATTRIBUTES, mark);
  if (specs === null) return false;
  if (value === null) return true;
  if (value === true) return Object.keys(specs).length === 0;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  return Object.entries(value).every(([name, attribute]) => Object.hasOwn(specs, name) && fits(specs[name], attribute));
}

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
