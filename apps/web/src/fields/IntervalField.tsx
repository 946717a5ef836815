import { useId } from 'react';
import {
  formatEvaluationInterval,
  MAX_INTERVAL,
  parseEvaluationInterval,
  type IntervalUnit,
} from '@samplan/plan-model';
import { nb } from '../i18n/index.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';

export interface IntervalFieldProps {
  label: string;
  hint?: string;
  /** meta.evaluationInterval: `P3M`, `P6W`, older free text, or null. */
  value: string | null;
  onChange(value: string | null): void;
}

/** Every N weeks or months, as plan-model writes it (`P<n>W`, `P<n>M`); older text is shown and can be replaced. */
export function IntervalField({ label, hint, value, onChange }: IntervalFieldProps) {
  const canEdit = useCanEdit();
  const id = useId();
  const t = nb.period;
  const interval = parseEvaluationInterval(value);
  const oldText = value && !interval ? value : null;
  const set = (count: number, unit: IntervalUnit): void => {
    const clamped = Math.min(Math.max(1, Math.round(count) || 1), MAX_INTERVAL[unit]);
    const next = formatEvaluationInterval({ count: clamped, unit });
    if (next !== value) onChange(next);
  };

  return (
    <fieldset className="field interval-field" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend className="field__label">{label}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {oldText && <p className="hint">{t.intervalOldText(oldText)}</p>}
      {interval ? (
        <div className="interval-field__row">
          <span aria-hidden="true">{t.intervalEvery}</span>
          <label className="visually-hidden" htmlFor={`${id}-count`}>
            {t.intervalCount}
          </label>
          <input
            id={`${id}-count`}
            type="number"
            className="input interval-field__count"
            min={1}
            max={MAX_INTERVAL[interval.unit]}
            value={interval.count}
            readOnly={!canEdit}
            onChange={(e) => set(Number(e.target.value), interval.unit)}
          />
          <label className="visually-hidden" htmlFor={`${id}-unit`}>
            {t.intervalUnit}
          </label>
          <select
            id={`${id}-unit`}
            className="input"
            value={interval.unit}
            disabled={!canEdit}
            onChange={(e) => set(interval.count, e.target.value as IntervalUnit)}
          >
            {(['uker', 'maaneder'] as const).map((unit) => (
              <option key={unit} value={unit}>
                {t.intervalUnits[unit]}
              </option>
            ))}
          </select>
          {canEdit && (
            <button type="button" className="button button--small" onClick={() => onChange(null)}>
              {t.intervalRemove}
            </button>
          )}
        </div>
      ) : (
        <div className="interval-field__row">
          <span>{t.intervalNone}</span>
          {canEdit && (
            <button type="button" className="button button--small button--secondary" onClick={() => set(3, 'maaneder')}>
              {t.intervalSet}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
