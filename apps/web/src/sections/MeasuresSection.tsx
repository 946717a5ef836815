import { getCollection } from '@samplan/plan-model';
import { useState } from 'react';
import * as Y from 'yjs';
import { useGoalOptions, useParticipantOptions } from '../fields/optionHooks.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { jsonEqual, useYValue } from '../hooks/useYValue.ts';
import { nb } from '../i18n/index.ts';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { useItemIds } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
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
  const openNew = useOpenNewItem();
  const ids = useItemIds('measures');
  const goals = useGoalOptions();
  const participants = useParticipantOptions();
  const [filter, setFilter] = useState<string | null>(null);
  const activeFilter = filter !== null && goals.some((goal) => goal.value === filter) ? filter : null;
  const shown = useMeasuresForGoal(activeFilter, ids);

  const add = (): void => openNew('measures', actions.add('measures', activeFilter ? { goalIds: [activeFilter] } : {}));

  return (
    <ItemListSection
      section="tiltak"
      add={{ label: nb.measures.add, onAdd: add }}
      ids={shown}
      listLabel={nb.measures.list}
      empty={activeFilter ? nb.measures.emptyFiltered : nb.measures.empty}
      tools={
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
      }
      renderItem={(id) => (
        <MeasureCard
          key={id}
          id={id}
          number={ids.indexOf(id) + 1}
          siblings={ids}
          goals={goals}
          participants={participants}
        />
      )}
    />
  );
}
