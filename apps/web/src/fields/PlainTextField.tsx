import { useEffect, useId, useState } from 'react';
import { useCanEdit } from '../planDoc/PartScope.tsx';

export interface PlainTextFieldProps {
  label: string;
  hint?: string;
  value: string | null;
  onChange(value: string | null): void;
  className?: string;
}

/**
 * A text input for a plain last-writer-wins value (not a Y.Text). While the user is typing, their draft is shown
 * even if someone else changes the value; the latest write wins.
 */
export function PlainTextField({ label, hint, value, onChange, className }: PlainTextFieldProps) {
  const canEdit = useCanEdit();
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(value ?? '');
  }, [value, editing]);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        className="input"
        value={draft}
        readOnly={!canEdit}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onFocus={() => setEditing(true)}
        onBlur={() => setEditing(false)}
        onChange={(event) => {
          setDraft(event.target.value);
          onChange(event.target.value === '' ? null : event.target.value);
        }}
      />
    </div>
  );
}
