import { useState } from 'react';
import { useProgressiveCount } from '../hooks/useProgressiveCount.ts';
import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { useMeasureCountByGoal, useMilestones, type Milestone } from '../planDoc/derivedHooks.ts';
import { useGoalTree } from '../planDoc/planHooks.ts';
import { SectionHeading } from '../items/SectionHeading.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { GoalCard } from './GoalCard.tsx';

export function GoalsSection() {
  const actions = usePlanActions();
  const tree = useGoalTree();
  const milestones = useMilestones();
  const measureCounts = useMeasureCountByGoal();
  const [focusId, setFocusId] = useState<string | null>(null);

  const byGoal = new Map<string, Milestone[]>();
  for (const milestone of milestones) {
    if (milestone.targetType !== 'goal' || !milestone.targetId) continue;
    byGoal.set(milestone.targetId, [...(byGoal.get(milestone.targetId) ?? []), milestone]);
  }
  const top = tree.filter((goal) => goal.parentId === null).map((goal) => goal.id);
  const shownCount = useProgressiveCount(top.length);
  const childrenOf = (id: string): string[] => tree.filter((goal) => goal.parentId === id).map((goal) => goal.id);

  const addMain = (): void => setFocusId(actions.add('goals', {}));
  const addSub = (parentId: string): void => setFocusId(actions.add('goals', { parentId }));

  return (
    <section aria-labelledby="section-heading" className="plan-section">
      <SectionHeading section="maal">
        <AddButton label={nb.goals.addMain} onClick={addMain} />
      </SectionHeading>
      {top.length === 0 ? (
        <p className="card empty-state">{nb.goals.empty}</p>
      ) : (
        <ol className="item-list goal-list" aria-label={nb.goals.list}>
          {top.slice(0, shownCount).map((id, i) => {
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
                autoFocus={focusId === id}
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
                        autoFocus={focusId === subId}
                      />
                    ))}
                  </ol>
                )}
              </GoalCard>
            );
          })}
        </ol>
      )}
      {top.length > 0 && (
        <div className="section-footer">
          <AddButton label={nb.goals.addMain} variant="secondary" onClick={addMain} />
        </div>
      )}
    </section>
  );
}
