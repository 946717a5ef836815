import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { partOfType } from '@samplan/plan-model';
import type * as Y from 'yjs';
import { applyTextChange } from '../collab/applyTextChange.ts';
import { diffText, transformPosition, type TextDelta } from '../collab/textDiff.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { fieldKeyOf } from '../planDoc/fieldKeyOf.ts';
import { nbItems } from '../i18n/index.ts';
import { OthersNote } from './OthersNote.tsx';
import { undoKeyOf } from './undoKeys.ts';

export interface YTextInputProps {
  text: Y.Text | undefined;
  label: string;
  hint?: string;
  /** A textarea that grows with its content, for sentences such as a goal. */
  multiline?: boolean;
  /** Visually hide the label (it is still read by screen readers). */
  hideLabel?: boolean;
  className?: string;
  autoFocus?: boolean;
  inputMode?: 'text' | 'email' | 'tel';
}

/**
 * A short text field bound to a Y.Text: each keystroke becomes the smallest insert/delete, and other people's
 * edits are merged in while keeping this user's caret where it was.
 */
export function YTextInput({
  text,
  label,
  hint,
  multiline,
  hideLabel,
  className,
  autoFocus,
  inputMode,
}: YTextInputProps) {
  const { connection } = usePlan();
  const canEdit = useCanEdit();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const fieldKey = text ? fieldKeyOf(text) : null;
  const part = text?.doc ? partOfType(text) : null;
  // A field that goes away (the item closed, another page) is left too: it fires no blur then.
  useEffect(() => () => void (fieldKey && connection.leaveField(fieldKey)), [connection, fieldKey]);

  useEffect(() => {
    const element = ref.current;
    if (!element || !text) return;
    element.value = text.toString();
    const onChange = (event: Y.YTextEvent): void => {
      const value = text.toString();
      if (element.value === value) return;
      const focused = document.activeElement === element;
      const { selectionStart, selectionEnd, selectionDirection } = element;
      element.value = value;
      if (focused && selectionStart !== null && selectionEnd !== null) {
        const delta = event.delta as TextDelta;
        element.setSelectionRange(
          transformPosition(selectionStart, delta),
          transformPosition(selectionEnd, delta),
          selectionDirection ?? undefined,
        );
      }
    };
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);

  const onInput = (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    const element = event.currentTarget;
    if (!text) return;
    const change = diffText(text.toString(), element.value, element.selectionEnd);
    if (!change) return;
    connection.transact(() => applyTextChange(text, change));
    // The others see who is typing here, from the first keystroke until the field is left.
    if (fieldKey) connection.setTypingIn(fieldKey);
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const action = undoKeyOf(event);
    if (!action) return;
    // The browser's own undo would fight with other people's edits; use this user's plan-wide undo instead.
    event.preventDefault();
    if (action === 'undo') connection.undo();
    else connection.redo();
  };

  const common = {
    id,
    ref,
    className: multiline ? 'input input--multiline' : 'input',
    'aria-describedby': hintId,
    readOnly: !canEdit || !text,
    autoFocus,
    onInput,
    onKeyDown,
    onFocus: () => connection.undoManager.stopCapturing(),
    onBlur: () => fieldKey && connection.leaveField(fieldKey),
    spellCheck: true,
    autoComplete: 'off',
    inputMode,
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {multiline ? <textarea rows={1} {...common} /> : <input type="text" {...common} />}
      {fieldKey && part && (
        <OthersNote kind="field" at={fieldKey} part={part} say={nbItems.othersTyping} className="field__presence" />
      )}
    </div>
  );
}
