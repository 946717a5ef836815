import { DateField } from '../fields/DateField.tsx';
import { PlainTextField } from '../fields/PlainTextField.tsx';
import { nb } from '../i18n/index.ts';
import { useMetaValue } from '../plan/planHooks.ts';
import { SectionHeading } from '../plan/SectionHeading.tsx';
import { usePlanActions } from '../plan/usePlanActions.ts';

export function PeriodSection() {
  const actions = usePlanActions();
  const periodStart = useMetaValue<string>('periodStart');
  const periodEnd = useMetaValue<string>('periodEnd');
  const nextRevision = useMetaValue<string>('nextRevision');
  const interval = useMetaValue<string>('evaluationInterval');
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="planinfo" />
      <div className="card stack">
        <div className="field-row">
          <DateField
            label={nb.period.start}
            value={periodStart}
            onChange={(value) => actions.updateMeta({ periodStart: value })}
          />
          <DateField
            label={nb.period.end}
            value={periodEnd}
            onChange={(value) => actions.updateMeta({ periodEnd: value })}
          />
          <DateField
            label={nb.period.nextRevision}
            value={nextRevision}
            onChange={(value) => actions.updateMeta({ nextRevision: value })}
          />
        </div>
        <PlainTextField
          label={nb.period.interval}
          hint={nb.period.intervalHint}
          value={interval}
          onChange={(value) => actions.updateMeta({ evaluationInterval: value })}
        />
      </div>
    </section>
  );
}
