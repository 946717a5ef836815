import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useCanEdit } from '../planDoc/PartScope.tsx';

export type DraftResult<T> = { value: T } | { error: string };

export interface DraftFieldProps<T> {
  label: string;
  hint?: string;
  /** The plan's value, as the field shows it. */
  shown: string;
  /** What the typed text means: the value to write, or why it cannot be written. Empty text is `null`. */
  parse(text: string): DraftResult<T | null>;
  /** Called with a value that differs from the plan's. */
  onCommit(value: T | null): void;
  current: T | null;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'url';
  type?: 'text' | 'url';
  className?: string;
}

/**
 * A plain value typed as text (a time, a place, a link). Like DateField, the plan gets it once it is complete and
 * valid, when the user leaves the field or presses Enter; a half-typed value never reaches the others, and one typed
 * wrongly stays in the field with its message until it is put right (or Escape brings the plan's value back).
 */
export function DraftField<T>({
  label,
  hint,
  shown,
  parse,
  onCommit,
  current,
  placeholder,
  inputMode,
  type = 'text',
  className,
}: DraftFieldProps<T>) {
  const canEdit = useCanEdit();
  const id = useId();
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) {
      setDraft(shown);
      setError(null);
    }
  }, [shown]);

  const commit = (): void => {
    const result = parse(draft.trim());
    if ('error' in result) {
      setError(result.error);
      return;
    }
    setError(null);
    if (result.value !== current) onCommit(result.value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(shown);
      setError(null);
    }
  };
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');

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
        type={type}
        inputMode={inputMode}
        className="input"
        placeholder={placeholder}
        autoComplete="off"
        value={draft}
        readOnly={!canEdit}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onFocus={() => {
          editing.current = true;
        }}
        onBlur={() => {
          editing.current = false;
          commit();
        }}
        onKeyDown={onKeyDown}
        onChange={(event) => setDraft(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
