import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { nb } from '../i18n/index.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { RichTextHeader } from './RichTextHeader.tsx';
import { richTextStarterKit } from './richTextStarterKit.ts';
import { editorUndoManager } from './editorUndoManager.ts';
import { SafeLinks } from './safeLinks.ts';

export interface RichTextEditorProps {
  fragment: Y.XmlFragment;
  labelId: string;
  label: string;
  hint?: string;
  /** Put the caret in the editor once it exists (the user clicked or tabbed into the field). */
  focusOnMount: boolean;
}

/** A Tiptap editor on one field's Y.XmlFragment, with the others' carets and this user's plan-wide undo. */
export function RichTextEditor({ fragment, labelId, label, hint, focusOnMount }: RichTextEditorProps) {
  const { connection } = usePlan();
  const canEdit = useCanEdit(fragment);
  const undoManager = useMemo(() => editorUndoManager(connection.undoManager), [connection]);
  const editor = useEditor(
    {
      extensions: [
        richTextStarterKit(),
        SafeLinks,
        Collaboration.configure({ fragment, yUndoOptions: { undoManager } }),
        CollaborationCaret.configure({
          provider: connection.provider,
          user: { name: connection.user.name, color: connection.user.color },
        }),
      ],
      editable: canEdit,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          class: 'rich-text__editor',
          'data-placeholder': nb.common.emptyEditableShort,
          spellcheck: 'true',
        },
      },
      onFocus: () => connection.undoManager.stopCapturing(),
    },
    [fragment, canEdit, undoManager],
  );

  useEffect(() => {
    if (editor && focusOnMount) editor.commands.focus('end');
  }, [editor, focusOnMount]);

  if (!editor) return null;
  return (
    <div className="rich-text__mounted">
      <RichTextHeader labelId={labelId} label={label} hint={hint}>
        {canEdit && <EditorToolbar editor={editor} />}
      </RichTextHeader>
      <EditorContent editor={editor} />
    </div>
  );
}
