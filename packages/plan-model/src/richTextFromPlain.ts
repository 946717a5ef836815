import type { RichTextDoc } from './richTextSchema.ts';

// One paragraph per line; blank lines become empty paragraphs, as if typed.
export function richTextFromPlain(text: string): RichTextDoc {
  if (text === '') return { type: 'doc', content: [] };
  return {
    type: 'doc',
    content: text
      .split(/\r?\n/)
      .map((line) =>
        line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] },
      ),
  };
}
