import { chunkLoader, useChunk } from '../app/chunkLoader.ts';
import type { RichTextEditor } from './RichTextEditor.tsx';

/**
 * The rich-text editor's code (Tiptap and ProseMirror), a chunk of its own. The plan renders and its short fields
 * take typing without it; rich-text fields show their content as HTML until it is here.
 */
const richTextEditorChunk = chunkLoader(() => import('./RichTextEditor.tsx').then((module) => module.RichTextEditor));

/**
 * The editor component once its code has loaded; asks for it when `wanted`. A failed load leaves the fields as
 * HTML; the next field that wants it asks again.
 */
export function useRichTextEditor(wanted: boolean): typeof RichTextEditor | undefined {
  return useChunk(richTextEditorChunk, wanted).value;
}
