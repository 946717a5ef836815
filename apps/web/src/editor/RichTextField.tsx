import { richTextEditable, richTextToJSON } from '@samplan/plan-model';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type * as Y from 'yjs';
import { jsonEqual, useYValue } from '../hooks/useYValue.ts';
import { nb } from '../i18n/index.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { editorMountQueue } from './editorMountQueue.ts';
import { RichTextHeader } from './RichTextHeader.tsx';
import { isEmptyRichText, RichTextView } from './RichTextView.tsx';
import { useRichTextEditor } from './useRichTextEditor.ts';

export interface RichTextFieldProps {
  fragment: Y.XmlFragment | undefined;
  label: string;
  hint?: string;
  className?: string;
}

const MOUNT_MARGIN = '400px 0px';

/**
 * A rich-text field whose Tiptap editor exists only while the field is on screen (or focused). Off screen it is
 * plain HTML, so a plan with hundreds of fields stays fast; on screen the others' carets show live. Editors that
 * come into view start one at a time (editorMountQueue), after the editor's code has loaded (useRichTextEditor);
 * a click or Tab into the field starts its editor as soon as it can.
 */
export function RichTextField({ fragment, label, hint, className }: RichTextFieldProps) {
  // The editor's binding deletes what its schema cannot hold: such text is shown, and never opened in the editor.
  const editable = useYValue(fragment, () => (fragment ? richTextEditable(fragment) : true), [], { deep: true });
  const canEdit = useCanEdit(fragment) && editable;
  const labelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [visibleTurn, setVisibleTurn] = useState(false);
  const [focusRequested, setFocusRequested] = useState(false);
  const [hasFocus, setHasFocus] = useState(false);
  const wanted = Boolean(fragment) && editable && (visible || focusRequested || hasFocus);
  const Editor = useRichTextEditor(wanted);
  const mounted =
    editable && Boolean(Editor) && Boolean(fragment) && ((visible && visibleTurn) || focusRequested || hasFocus);

  useEffect(() => {
    const element = container.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) setVisible(entry.isIntersecting);
      },
      { rootMargin: MOUNT_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!visible || !Editor) {
      setVisibleTurn(false);
      return;
    }
    return editorMountQueue.enqueue(() => setVisibleTurn(true));
  }, [visible, Editor]);

  // While the editor is mounted it shows the content itself; only the static view needs the JSON.
  const shown = mounted ? undefined : fragment;
  const doc = useYValue(shown, () => (shown ? richTextToJSON(shown) : null), [], {
    deep: true,
    equals: jsonEqual,
  });

  const requestEditor = (): void => {
    if (canEdit) setFocusRequested(true);
  };
  const onPlaceholderKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      requestEditor();
    }
  };

  return (
    <div
      ref={container}
      className={`field rich-text ${className ?? ''}`}
      onFocus={() => setHasFocus(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
          setHasFocus(false);
          setFocusRequested(false);
        }
      }}
    >
      {mounted && Editor && fragment ? (
        // Editor is the one module-level component from useRichTextEditor, not created per render.
        // eslint-disable-next-line react-hooks/static-components
        <Editor fragment={fragment} labelId={labelId} label={label} hint={hint} focusOnMount={focusRequested} />
      ) : (
        <>
          <RichTextHeader labelId={labelId} label={label} hint={hint} />
          {!editable && <p className="hint rich-text__kept">{nb.common.notEditableHere}</p>}
          <div
            className="rich-text__static"
            role="textbox"
            aria-multiline="true"
            aria-readonly={!canEdit}
            aria-labelledby={labelId}
            tabIndex={0}
            onFocus={requestEditor}
            onClick={requestEditor}
            onKeyDown={onPlaceholderKey}
          >
            {doc && !isEmptyRichText(doc) ? (
              <RichTextView doc={doc} />
            ) : (
              <p className="rich-text__empty">{canEdit ? nb.common.emptyEditable : nb.common.empty}</p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
