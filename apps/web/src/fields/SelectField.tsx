import { useId } from 'react';
import { useCanEdit } from '../planDoc/PartScope.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  label: string;
  value: string | null;
  options: readonly SelectOption[];
  /** Offer an empty choice with this label (value null). */
  emptyLabel?: string;
  onChange(value: string | null): void;
  className?: string;
  hint?: string;
  /** Defaults to read-only members' state; a filter is never disabled. */
  disabled?: boolean;
}

export function SelectField({
  label,
  value,
  options,
  emptyLabel,
  onChange,
  className,
  hint,
  disabled,
}: SelectFieldProps) {
  const canEdit = useCanEdit();
  const id = useId();
  const known = value === null || options.some((option) => option.value === value);
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
      <select
        id={id}
        className="select"
        value={value ?? ''}
        disabled={disabled ?? !canEdit}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value === '' ? null : event.target.value)}
      >
        {(emptyLabel !== undefined || value === null) && <option value="">{emptyLabel ?? ''}</option>}
        {!known && value !== null && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
