import type { RichTextDoc, RichTextNode } from './richTextSchema.ts';

// Small builders for seeded content; the shapes Tiptap StarterKit produces.

export const paragraph = (text: string): RichTextNode =>
  text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] };

export const bulletList = (items: readonly string[]): RichTextNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

export const richDoc = (...content: RichTextNode[]): RichTextDoc => ({ type: 'doc', content });
