import { useId } from 'react';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { useDraft, type DraftOptions } from './useDraft.ts';

export interface DraftFieldProps<T> extends Omit<DraftOptions<T>, 'format'> {
  label: string;
  hint?: string;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'url';
  type?: 'text' | 'url';
  className?: string;
}

/** A plain value typed as text (a time, a place, a link), written to the plan as useDraft says. */
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
  const { error, input } = useDraft({ shown, parse, current, onCommit });
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
        readOnly={!canEdit}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
