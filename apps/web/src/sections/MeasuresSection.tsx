import { getCollection } from '@samplan/plan-model';
import { useState } from 'react';
import * as Y from 'yjs';
import { SelectField } from '../fields/SelectField.tsx';
import { jsonEqual, useYValue } from '../hooks/useYValue.ts';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { useGoalOptions, useParticipantOptions } from '../fields/optionHooks.ts';
import { useItemIds } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { MeasureCard } from './MeasureCard.tsx';

/** Ids of the measures linked to a goal (or all). */
function useMeasuresForGoal(goalId: string | null, ids: readonly string[]): string[] {
  const { doc } = usePlan().connection;
  const measures = getCollection(doc, 'measures');
  return useYValue(
    measures,
    () =>
      goalId === null
        ? [...ids]
        : ids.filter((id) => {
            const links = measures.get(id)?.get('goalIds');
            return links instanceof Y.Map && links.get(goalId) === true;
          }),
    [goalId, ids],
    { deep: true, equals: jsonEqual },
  );
}

export function MeasuresSection() {
  const actions = usePlanActions();
  const ids = useItemIds('measures');
  const goals = useGoalOptions();
  const participants = useParticipantOptions();
  const [filter, setFilter] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const activeFilter = filter !== null && goals.some((goal) => goal.value === filter) ? filter : null;
  const shown = useMeasuresForGoal(activeFilter, ids);
  const shownCount = useProgressiveCount(shown.length);

  const add = (): void => {
    const id = actions.add('measures', activeFilter ? { goalIds: [activeFilter] } : {});
    setFocusId(id);
  };

  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="tiltak">
        <AddButton label={nb.measures.add} onClick={add} />
      </SectionHeading>
      <div className="filter-bar">
        <SelectField
          label={nb.measures.filter}
          value={activeFilter}
          options={goals}
          emptyLabel={nb.measures.filterAll}
          onChange={setFilter}
          disabled={false}
          className="filter-bar__select"
        />
        <p className="muted" role="status">
          {nb.measures.count(shown.length, ids.length)}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="card empty-state">{activeFilter ? nb.measures.emptyFiltered : nb.measures.empty}</p>
      ) : (
        <ol className="item-list" aria-label={nb.measures.list}>
          {shown.slice(0, shownCount).map((id) => (
            <MeasureCard
              key={id}
              id={id}
              number={ids.indexOf(id) + 1}
              siblings={ids}
              goals={goals}
              participants={participants}
              autoFocus={focusId === id}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
