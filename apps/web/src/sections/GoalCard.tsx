import { GOAL_STATUSES, type GoalStatus } from '@samplan/plan-model';
import * as Y from 'yjs';
import { DateField } from '../fields/DateField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { nb } from '../i18n/index.ts';
import { AddButton } from '../items/AddButton.tsx';
import type { Milestone } from '../planDoc/derivedHooks.ts';
import { ItemActions } from '../items/ItemActions.tsx';
import { enumOptions } from '../fields/optionHooks.ts';
import { useItemMap, useItemText, useItemType, useItemValue } from '../planDoc/planHooks.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
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
  autoFocus: boolean;
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
  autoFocus,
  children,
  onAddSub,
}: GoalCardProps) {
  const actions = usePlanActions();
  const item = useItemMap('goals', id);
  const title = useItemType(item, 'title', Y.Text);
  const titleText = useItemText(item, 'title');
  const description = useItemType(item, 'description', Y.XmlFragment);
  const expressedBy = useItemType(item, 'expressedBy', Y.Text);
  const status = useItemValue<GoalStatus>('goals', item, 'status');
  const targetDate = useItemValue<string | null>('goals', item, 'targetDate');
  if (!item) return null;

  const heading = isSub ? nb.goals.subGoalNumber(number) : nb.goals.mainGoalNumber(Number(number));
  const headingId = `goal-${id}`;
  const index = siblings.indexOf(id);
  return (
    <li className={isSub ? 'goal goal--sub' : 'goal'} data-goal-id={id}>
      <article className="item-card" aria-labelledby={headingId}>
        <header className="item-card__header">
          <h3 id={headingId} className="item-card__title">
            {heading}
          </h3>
          <StatusBadge status={status} label={nb.goalStatus[status]} />
          <span className="muted item-card__meta">{nb.goals.measuresFor(measureCount)}</span>
          <ItemActions
            name={heading}
            removeLabel={nb.goals.removeLabel(titleText || heading)}
            canMoveUp={index > 0}
            canMoveDown={index >= 0 && index < siblings.length - 1}
            onMove={(direction) => actions.move('goals', id, siblings, direction)}
            removes={{ collection: 'goals', id, what: nb.goals.deletedWhat }}
          />
        </header>
        <YTextInput text={title} label={nb.goals.title} multiline autoFocus={autoFocus} className="field--title" />
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
        <GoalMilestones milestones={milestones} />
        {!isSub && (
          <div className="subgoals">
            {children}
            {onAddSub && <AddButton label={nb.goals.addSub} variant="secondary" onClick={onAddSub} />}
          </div>
        )}
      </article>
    </li>
  );
}
