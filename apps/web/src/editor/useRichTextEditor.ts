import { chunkLoader, useChunk } from '../hooks/chunkLoader.ts';
import type { RichTextEditor } from './RichTextEditor.tsx';

/**
 * The rich-text editor's code (Tiptap and ProseMirror), in chunks of their own. The plan renders and its short
 * fields take typing without it; rich-text fields show their content as HTML until it is here. Its modules are
 * evaluated in steps, each in a task of its own: in one piece the evaluation held the page for about 100 ms, long
 * enough to be felt when it landed while someone scrolled a large plan just after opening it.
 */
const richTextEditorChunk = chunkLoader(async () => {
  await import('@tiptap/pm/model');
  await import('@tiptap/pm/view');
  await import('@tiptap/core');
  await import('@tiptap/starter-kit');
  return (await import('./RichTextEditor.tsx')).RichTextEditor;
});

/**
 * The editor component once its code has loaded; asks for it when `wanted`. A failed load leaves the fields as
 * HTML; the next field that wants it asks again.
 */
export function useRichTextEditor(wanted: boolean): typeof RichTextEditor | undefined {
  return useChunk(richTextEditorChunk, wanted).value;
}
