import { useEffect, useState } from 'react';
import type { RichTextEditor } from './RichTextEditor.tsx';

type EditorComponent = typeof RichTextEditor;

let loaded: EditorComponent | undefined;
let loading: Promise<EditorComponent> | undefined;

/**
 * Fetches the rich-text editor's code (Tiptap and ProseMirror, its own chunk) once. The plan renders and its short
 * fields take typing without it; rich-text fields show their content as HTML until it is here.
 */
export function loadRichTextEditor(): Promise<EditorComponent> {
  loading ??= import('./RichTextEditor.tsx').then((module) => (loaded = module.RichTextEditor));
  return loading;
}

/** The editor component once its code has loaded; asks for it when `wanted`. */
export function useRichTextEditor(wanted: boolean): EditorComponent | undefined {
  const [component, setComponent] = useState<EditorComponent | undefined>(() => loaded);
  useEffect(() => {
    if (component || !wanted) return;
    let live = true;
    loadRichTextEditor().then(
      (editor) => live && setComponent(() => editor),
      () => undefined, // a failed chunk load leaves the field as HTML; the next mount asks again
    );
    return () => {
      live = false;
    };
  }, [component, wanted]);
  return component ?? loaded;
}
