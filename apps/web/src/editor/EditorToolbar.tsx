import { useEditorState, type Editor } from '@tiptap/react';
import { nb } from '../i18n/index.ts';

/** Formatting buttons for one editor; reachable by Tab, states announced with aria-pressed. */
export function EditorToolbar({ editor, labelId }: { editor: Editor; labelId: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
    }),
  });
  const buttons = [
    { key: 'bold', label: nb.editor.bold, run: () => editor.chain().focus().toggleBold().run(), glyph: 'F' },
    { key: 'italic', label: nb.editor.italic, run: () => editor.chain().focus().toggleItalic().run(), glyph: 'K' },
    {
      key: 'bulletList',
      label: nb.editor.bulletList,
      run: () => editor.chain().focus().toggleBulletList().run(),
      glyph: '•',
    },
    {
      key: 'orderedList',
      label: nb.editor.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
      glyph: '1.',
    },
  ] as const;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={nb.editor.toolbar} aria-controls={undefined} data-for={labelId}>
      {buttons.map((button) => (
        <button
          key={button.key}
          type="button"
          className={`editor-toolbar__button editor-toolbar__button--${button.key}`}
          aria-pressed={state?.[button.key] ?? false}
          aria-label={button.label}
          title={button.label}
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          <span aria-hidden="true">{button.glyph}</span>
        </button>
      ))}
    </div>
  );
}
