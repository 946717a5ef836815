import { useId } from 'react';
import { formatDate, nb, parseNorwegianDate } from '../i18n/index.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { useDraft, type DraftResult } from './useDraft.ts';

export interface DateFieldProps {
  label: string;
  /** ISO date or null. */
  value: string | null;
  onChange(value: string | null): void;
  className?: string;
}

/** A date written the Norwegian way (dd.mm.åååå) in every browser, written to the plan as useDraft says. */
export function DateField({ label, value, onChange, className }: DateFieldProps) {
  const canEdit = useCanEdit();
  const id = useId();
  const { error, input } = useDraft<string>({
    shown: formatDate(value),
    parse: parseDate,
    current: value,
    onCommit: onChange,
    format: formatDate,
  });

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
        readOnly={!canEdit}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
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

/** Empty is no date; anything else must be a whole date. */
function parseDate(text: string): DraftResult<string | null> {
  if (text === '') return { value: null };
  const parsed = parseNorwegianDate(text);
  return parsed ? { value: parsed } : { error: nb.common.dateInvalid };
}
