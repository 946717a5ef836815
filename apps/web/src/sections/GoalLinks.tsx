import { setLinked } from '@samplan/plan-model';
import { useId, useState } from 'react';
import { nb } from '../i18n/index.ts';
import type { GoalOption } from '../fields/optionHooks.ts';
import { useField, useItemMap } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { useCanEdit } from '../planDoc/PartScope.tsx';

/**
 * The goals a measure serves: the linked ones as a list, and checkboxes for all goals behind a disclosure (only
 * rendered while open, so a plan with hundreds of goals and measures stays light).
 */
export function GoalLinks({ measureId, goals }: { measureId: string; goals: readonly GoalOption[] }) {
  const { connection } = usePlan();
  const canEdit = useCanEdit();
  const item = useItemMap('measures', measureId);
  const linked = useField('measures', item, 'goalIds');
  const [open, setOpen] = useState(false);
  const id = useId();
  const linkedGoals = goals.filter((goal) => linked.includes(goal.value));
  const toggle = (goalId: string, on: boolean): void => {
    connection.transact(() => setLinked(connection.doc, 'measures', measureId, 'goalIds', goalId, on));
  };
  return (
    <div className="goal-links">
      <div className="field__label" id={`${id}-label`}>
        {nb.measures.goals}
      </div>
      {linkedGoals.length === 0 ? (
        <p className="muted">{goals.length === 0 ? nb.measures.noGoalsYet : nb.measures.noLinkedGoals}</p>
      ) : (
        <ul className="goal-links__linked" aria-labelledby={`${id}-label`}>
          {linkedGoals.map((goal) => (
            <li key={goal.value}>{goal.label}</li>
          ))}
        </ul>
      )}
      {canEdit && goals.length > 0 && (
        <details className="goal-links__picker" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary>{nb.measures.chooseGoals}</summary>
          {open && (
            <fieldset>
              <legend className="visually-hidden">{nb.measures.goals}</legend>
              <ul className="goal-links__list">
                {goals.map((goal) => (
                  <li key={goal.value} className={goal.isSub ? 'goal-links__sub' : undefined}>
                    <input
                      id={`${id}-${goal.value}`}
                      type="checkbox"
                      checked={linked.includes(goal.value)}
                      onChange={(event) => toggle(goal.value, event.target.checked)}
                    />
                    <label htmlFor={`${id}-${goal.value}`}>{goal.label}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </details>
      )}
    </div>
  );
}
