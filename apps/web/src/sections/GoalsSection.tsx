import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { useMeasureCountByGoal, useMilestones, type Milestone } from '../planDoc/derivedHooks.ts';
import { useProgressSummary } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { useGoalTree } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { GoalCard } from './GoalCard.tsx';

export function GoalsSection() {
  const actions = usePlanActions();
  const tree = useGoalTree();
  const milestones = useMilestones();
  const measureCounts = useMeasureCountByGoal();
  const evaluationDue = useProgressSummary(usePlan().connection)?.evaluationDue ?? {};
  const openNew = useOpenNewItem();

  const byGoal = new Map<string, Milestone[]>();
  for (const milestone of milestones) {
    if (milestone.targetType !== 'goal' || !milestone.targetId) continue;
    byGoal.set(milestone.targetId, [...(byGoal.get(milestone.targetId) ?? []), milestone]);
  }
  const top = tree.filter((goal) => goal.parentId === null).map((goal) => goal.id);
  const childrenOf = (id: string): string[] => tree.filter((goal) => goal.parentId === id).map((goal) => goal.id);

  const addMain = (): void => openNew('goals', actions.add('goals', {}));
  const addSub = (parentId: string): void => openNew('goals', actions.add('goals', { parentId }));

  return (
    <ItemListSection
      section="maal"
      add={{ label: nb.goals.addMain, onAdd: addMain }}
      ids={top}
      listLabel={nb.goals.list}
      listClassName="goal-list"
      empty={nb.goals.empty}
      footer={
        top.length > 0 && (
          <div className="section-footer">
            <AddButton label={nb.goals.addMain} variant="secondary" onClick={addMain} />
          </div>
        )
      }
      renderItem={(id, i) => {
        const subs = childrenOf(id);
        return (
          <GoalCard
            key={id}
            id={id}
            number={String(i + 1)}
            isSub={false}
            siblings={top}
            milestones={byGoal.get(id) ?? []}
            measureCount={measureCounts.get(id) ?? 0}
            evaluation={evaluationDue[id]}
            onAddSub={() => addSub(id)}
          >
            {subs.length > 0 && (
              <ol className="item-list subgoal-list" aria-label={nb.goals.subGoal}>
                {subs.map((subId, j) => (
                  <GoalCard
                    key={subId}
                    id={subId}
                    number={`${i + 1}.${j + 1}`}
                    isSub
                    siblings={subs}
                    milestones={byGoal.get(subId) ?? []}
                    measureCount={measureCounts.get(subId) ?? 0}
                    evaluation={evaluationDue[subId]}
                  />
                ))}
              </ol>
            )}
          </GoalCard>
        );
      }}
    />
  );
}
