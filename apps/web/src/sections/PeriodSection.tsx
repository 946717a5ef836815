import { parseEvaluationInterval } from '@samplan/plan-model';
import { Alert } from '../components/Alert.tsx';
import { DateField } from '../fields/DateField.tsx';
import { IntervalField } from '../fields/IntervalField.tsx';
import { formatDate, nb, todayIso } from '../i18n/index.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { useMetaValue } from '../planDoc/planHooks.ts';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export function PeriodSection() {
  const actions = usePlanActions();
  const periodStart = useMetaValue<string>('periodStart');
  const periodEnd = useMetaValue<string>('periodEnd');
  const nextRevision = useMetaValue<string>('nextRevision');
  const interval = useMetaValue<string>('evaluationInterval');
  const lastRevision = useMetaValue<string>('lastRevision');
  const canEdit = useCanEdit();
  const today = todayIso();
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="planinfo" />
      <div className="card stack">
        {nextRevision && nextRevision < today && (
          <Alert kind="info">{nb.period.revisionPassed(formatDate(nextRevision))}</Alert>
        )}
        {canEdit ? (
          <>
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
            <IntervalField
              label={nb.period.interval}
              hint={nb.period.intervalHint}
              value={interval}
              onChange={(value) => actions.updateMeta({ evaluationInterval: value })}
            />
          </>
        ) : (
          <ItemFacts
            facts={[
              { label: nb.period.start, value: formatDate(periodStart) },
              { label: nb.period.end, value: formatDate(periodEnd) },
              { label: nb.period.nextRevision, value: formatDate(nextRevision) },
              { label: nb.period.interval, value: nb.period.intervalText(interval, parseEvaluationInterval(interval)) },
            ]}
          />
        )}
        <div className="revision-done">
          <p>
            {nb.period.lastRevision}: <strong>{formatDate(lastRevision) || nb.overview.notSet}</strong>
          </p>
          {canEdit && lastRevision !== today && (
            <>
              <p className="hint" id="revision-done-hint">
                {nb.period.revisionDoneHint}
              </p>
              <button
                type="button"
                className="button button--secondary"
                aria-describedby="revision-done-hint"
                onClick={() => actions.updateMeta({ lastRevision: today })}
              >
                {nb.period.revisionDone}
              </button>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
