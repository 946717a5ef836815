import { useEditorState, type Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { nb } from '../i18n/index.ts';

// List icons are drawn, not written: a visible "1." would have to be part of the button's spoken name.
const listIcon = (marker: (y: number, i: number) => ReactNode): ReactNode => (
  <svg width="18" height="16" viewBox="0 0 18 16" aria-hidden="true" focusable="false">
    {[3, 8, 13].map((y, i) => (
      <g key={y}>
        {marker(y, i)}
        <rect x="7" y={y - 1} width="11" height="2" rx="1" fill="currentColor" />
      </g>
    ))}
  </svg>
);
const bulletIcon = listIcon((y) => <circle cx="2.5" cy={y} r="1.8" fill="currentColor" />);
const orderedIcon = listIcon((y, i) => (
  <rect x="0.5" y={y - 2} width={1.5 + i * 1.6} height="4" rx="0.5" fill="currentColor" />
));

/** Formatting buttons for one editor; reachable by Tab, states announced with aria-pressed. */
export function EditorToolbar({ editor }: { editor: Editor }) {
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
      glyph: bulletIcon,
    },
    {
      key: 'orderedList',
      label: nb.editor.orderedList,
      run: () => editor.chain().focus().toggleOrderedList().run(),
      glyph: orderedIcon,
    },
  ] as const;
  return (
    <div className="editor-toolbar" role="toolbar" aria-label={nb.editor.toolbar}>
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
