import { useGoalOptions, useMeasureOptions } from '../fields/optionHooks.ts';
import { nb, todayIso } from '../i18n/index.ts';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { useItemIds } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { EvaluationCard } from './EvaluationCard.tsx';

export function EvaluationsSection() {
  const actions = usePlanActions();
  const { connection } = usePlan();
  const openNew = useOpenNewItem();
  const ids = useItemIds('evaluations');
  const goals = useGoalOptions();
  const measures = useMeasureOptions();
  return (
    <ItemListSection
      section="evaluering"
      add={{
        label: nb.evaluations.add,
        // Dated today and written by whoever adds it; both can be changed.
        onAdd: () =>
          openNew('evaluations', actions.add('evaluations', { date: todayIso(), author: connection.user.name })),
      }}
      ids={ids}
      listLabel={nb.evaluations.list}
      empty={nb.evaluations.empty}
      renderItem={(id) => <EvaluationCard key={id} id={id} siblings={ids} goals={goals} measures={measures} />}
    />
  );
}
