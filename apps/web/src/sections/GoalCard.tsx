import { GOAL_STATUSES, type GoalStatus } from '@samplan/plan-model';
import { DateField } from '../fields/DateField.tsx';
import { enumOptions } from '../fields/optionHooks.ts';
import { SelectField } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { formatDate, nb, nbItems } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemExcerpt } from '../items/ItemExcerpt.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import type { Milestone } from '../planDoc/derivedHooks.ts';
import type { EvaluationDue } from '../planDoc/evaluationDueOfDoc.ts';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { GoalMilestones } from './GoalMilestones.tsx';

export interface GoalCardProps {
  id: string;
  /** '1' for a hovedmål, '1.2' for a delmål. */
  number: string;
  isSub: boolean;
  siblings: readonly string[];
  milestones: readonly Milestone[];
  measureCount: number;
  /** When it is due or overdue for evaluation by the plan's interval (none: not soon). */
  evaluation?: EvaluationDue | undefined;
  /** Only for a hovedmål: its delmål, rendered inside it. */
  children?: React.ReactNode;
  onAddSub?(): void;
}

const STATUS_OPTIONS = enumOptions(GOAL_STATUSES, nb.goalStatus);

export function GoalCard({
  id,
  number,
  isSub,
  siblings,
  milestones,
  measureCount,
  evaluation,
  children,
  onAddSub,
}: GoalCardProps) {
  const actions = usePlanActions();
  const item = useItemMap('goals', id);
  const title = useField('goals', item, 'title');
  const titleText = useFieldText('goals', item, 'title');
  const description = useField('goals', item, 'description');
  const expressedBy = useField('goals', item, 'expressedBy');
  const expressedByText = useFieldText('goals', item, 'expressedBy');
  const status = useField('goals', item, 'status');
  const targetDate = useField('goals', item, 'targetDate');
  if (!item) return null;

  const kicker = isSub ? nb.goals.subGoalNumber(number) : nb.goals.mainGoalNumber(Number(number));
  return (
    <ItemCard
      collection="goals"
      id={id}
      title={titleText.trim() || nbItems.untitled}
      kicker={kicker}
      className={isSub ? 'goal goal--sub' : 'goal'}
      nested={isSub}
      data={{ 'data-goal-id': id }}
      siblings={siblings}
      removeLabel={nb.goals.removeLabel(titleText || kicker)}
      removeWhat={nb.goals.deletedWhat}
      badges={
        <>
          <StatusBadge status={status} label={nb.goalStatus[status]} />
          {evaluation && (
            <StatusBadge
              status={evaluation.overdue ? 'overtid' : 'snart'}
              label={evaluation.overdue ? nb.goals.evaluationOverdue : nb.goals.evaluationSoon}
            />
          )}
          <span className="muted item-card__meta">{nb.goals.measuresFor(measureCount)}</span>
        </>
      }
      editor={() => (
        <>
          <YTextInput text={title} label={nb.goals.title} multiline autoFocus className="field--title" />
          <div className="field-row">
            <SelectField
              label={nb.common.status}
              value={status}
              options={STATUS_OPTIONS}
              onChange={(value) => value && actions.update('goals', id, { status: value as GoalStatus })}
              className="goal-status"
            />
            <DateField
              label={nb.goals.targetDate}
              value={targetDate}
              onChange={(value) => actions.update('goals', id, { targetDate: value })}
            />
            <YTextInput text={expressedBy} label={nb.goals.expressedBy} className="field--grow" />
          </div>
          <RichTextField fragment={description} label={nb.goals.description} className="goal-description" />
        </>
      )}
      after={
        <>
          <GoalMilestones milestones={milestones} />
          {!isSub && (
            <div className="subgoals">
              {children}
              {onAddSub && <AddButton label={nb.goals.addSub} variant="secondary" onClick={onAddSub} />}
            </div>
          )}
        </>
      }
    >
      <ItemFacts
        facts={[
          { label: nb.goals.targetDate, value: targetDate ? formatDate(targetDate) : null },
          {
            label: nb.goals.evaluation,
            value: evaluation
              ? (evaluation.overdue ? nb.goals.evaluationOverdueSince : nb.goals.evaluationBy)(
                  formatDate(evaluation.dueDate),
                )
              : null,
          },
          { label: nb.goals.expressedBy, value: expressedByText },
        ]}
      />
      <ItemExcerpt text={description} label={nb.goals.description} />
    </ItemCard>
  );
}
