import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatDate, nb, parseNorwegianDate } from '../i18n/index.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';

export interface DateFieldProps {
  label: string;
  /** ISO date or null. */
  value: string | null;
  onChange(value: string | null): void;
  className?: string;
}

/**
 * A date written the Norwegian way (dd.mm.åååå) in every browser. The plan gets the date once it is complete and
 * valid (when the user leaves the field or presses Enter); a half-typed date never reaches the others.
 */
export function DateField({ label, value, onChange, className }: DateFieldProps) {
  const canEdit = useCanEdit();
  const id = useId();
  const [draft, setDraft] = useState(formatDate(value));
  const editing = useRef(false);
  const [invalid, setInvalid] = useState(false);
  // The plan's date is shown when it changes (someone else set it) unless the field is being typed in. Leaving the
  // field does not bring it back: a date typed wrongly stays, with the message, until it is put right (or Escape).
  useEffect(() => {
    if (!editing.current) {
      setDraft(formatDate(value));
      setInvalid(false);
    }
  }, [value]);

  const commit = (): void => {
    const text = draft.trim();
    if (text === '') {
      setInvalid(false);
      if (value !== null) onChange(null);
      return;
    }
    const parsed = parseNorwegianDate(text);
    if (!parsed) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft(formatDate(parsed));
    if (parsed !== value) onChange(parsed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setDraft(formatDate(value));
      setInvalid(false);
    }
  };

  return (
    <div className={`field field--date ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        className="input input--date"
        placeholder={nb.common.dateHint}
        autoComplete="off"
        value={draft}
        readOnly={!canEdit}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
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
      {invalid && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {nb.common.dateInvalid}
        </p>
      )}
    </div>
  );
}
