import { useState } from 'react';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { nb, todayIso } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { useGoalOptions, useMeasureOptions } from '../fields/optionHooks.ts';
import { useItemIds } from '../planDoc/planHooks.ts';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { EvaluationCard } from './EvaluationCard.tsx';

export function EvaluationsSection() {
  const actions = usePlanActions();
  const ids = useItemIds('evaluations');
  const shownCount = useProgressiveCount(ids.length);
  const goals = useGoalOptions();
  const measures = useMeasureOptions();
  const [focusId, setFocusId] = useState<string | null>(null);
  const add = (): void => setFocusId(actions.add('evaluations', { date: todayIso() }));
  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="evaluering">
        <AddButton label={nb.evaluations.add} onClick={add} />
      </SectionHeading>
      {ids.length === 0 ? (
        <p className="card empty-state">{nb.evaluations.empty}</p>
      ) : (
        <ol className="item-list" aria-label={nb.evaluations.list}>
          {ids.slice(0, shownCount).map((id) => (
            <EvaluationCard
              key={id}
              id={id}
              siblings={ids}
              goals={goals}
              measures={measures}
              autoFocus={focusId === id}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
