import { useEffect, useId, useState } from 'react';
import { formatDate } from '../i18n/index.ts';
import { usePlan } from '../plan/PlanContext.tsx';

export interface DateFieldProps {
  label: string;
  /** ISO date or null. */
  value: string | null;
  onChange(value: string | null): void;
  className?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date picker that writes only complete dates, so half-typed dates never reach the plan. */
export function DateField({ label, value, onChange, className }: DateFieldProps) {
  const { canEdit } = usePlan();
  const id = useId();
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="input input--date"
        value={draft}
        readOnly={!canEdit}
        title={formatDate(value)}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          if (next === '') onChange(null);
          else if (ISO_DATE.test(next)) onChange(next);
        }}
      />
    </div>
  );
}
