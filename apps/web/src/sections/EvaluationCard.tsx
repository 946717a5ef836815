import { ACHIEVEMENTS, type Achievement } from '@samplan/plan-model';
import { useId } from 'react';
import * as Y from 'yjs';
import { DateField } from '../fields/DateField.tsx';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { formatDate, nb } from '../i18n/index.ts';
import { ItemActions } from '../items/ItemActions.tsx';
import { enumOptions, type GoalOption } from '../fields/optionHooks.ts';
import { useItemMap, useItemType, useItemValue } from '../planDoc/planHooks.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export interface EvaluationCardProps {
  id: string;
  siblings: readonly string[];
  goals: readonly GoalOption[];
  measures: readonly SelectOption[];
  autoFocus: boolean;
}

const ACHIEVEMENT_OPTIONS = enumOptions(ACHIEVEMENTS, nb.achievement);

export function EvaluationCard({ id, siblings, goals, measures, autoFocus }: EvaluationCardProps) {
  const actions = usePlanActions();
  const canEdit = useCanEdit();
  const item = useItemMap('evaluations', id);
  const date = useItemValue<string | null>('evaluations', item, 'date');
  const targetType = useItemValue<'goal' | 'measure'>('evaluations', item, 'targetType');
  const targetId = useItemValue<string | null>('evaluations', item, 'targetId');
  const achievement = useItemValue<Achievement | null>('evaluations', item, 'achievement');
  const author = useItemType(item, 'author', Y.Text);
  const note = useItemType(item, 'note', Y.XmlFragment);
  const selectId = useId();
  if (!item) return null;

  const heading = date ? nb.evaluations.heading(formatDate(date)) : nb.evaluations.headingNoDate;
  const headingId = `evaluation-${id}`;
  const index = siblings.indexOf(id);
  const targetValue = targetId ? `${targetType}:${targetId}` : '';
  const targetKnown =
    targetId === null || (targetType === 'goal' ? goals : measures).some((option) => option.value === targetId);

  const setTarget = (value: string): void => {
    if (value === '') {
      actions.update('evaluations', id, { targetId: null });
      return;
    }
    const [type, target] = value.split(':') as ['goal' | 'measure', string];
    actions.update('evaluations', id, { targetType: type, targetId: target });
  };

  return (
    <li data-evaluation-id={id}>
      <article className="item-card" aria-labelledby={headingId}>
        <header className="item-card__header">
          <h3 id={headingId} className="item-card__title">
            {heading}
          </h3>
          {achievement && <StatusBadge status={achievement} label={nb.achievement[achievement]} />}
          <ItemActions
            name={heading}
            removeLabel={nb.evaluations.removeLabel}
            canMoveUp={index > 0}
            canMoveDown={index >= 0 && index < siblings.length - 1}
            onMove={(direction) => actions.move('evaluations', id, siblings, direction)}
            removes={{ collection: 'evaluations', id, what: nb.evaluations.deletedWhat }}
          />
        </header>
        <div className="field-row">
          <DateField
            label={nb.evaluations.date}
            value={date}
            onChange={(value) => actions.update('evaluations', id, { date: value })}
          />
          <div className="field field--grow">
            <label htmlFor={selectId} className="field__label">
              {nb.evaluations.target}
            </label>
            <select
              id={selectId}
              className="select"
              value={targetKnown ? targetValue : 'missing'}
              disabled={!canEdit}
              autoFocus={autoFocus}
              onChange={(event) => setTarget(event.target.value)}
            >
              <option value="">{nb.evaluations.chooseTarget}</option>
              {!targetKnown && <option value="missing">{nb.evaluations.targetMissing}</option>}
              <optgroup label={nb.evaluations.targetGoal}>
                {goals.map((goal) => (
                  <option key={goal.value} value={`goal:${goal.value}`}>
                    {goal.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label={nb.evaluations.targetMeasure}>
                {measures.map((measure) => (
                  <option key={measure.value} value={`measure:${measure.value}`}>
                    {measure.label}
                  </option>
                ))}
              </optgroup>
            </select>
          </div>
          <SelectField
            label={nb.evaluations.achievement}
            value={achievement}
            options={ACHIEVEMENT_OPTIONS}
            emptyLabel={nb.common.chooseNone}
            onChange={(value) => actions.update('evaluations', id, { achievement: value as Achievement | null })}
          />
        </div>
        <RichTextField fragment={note} label={nb.evaluations.note} />
        <YTextInput text={author} label={nb.evaluations.author} />
      </article>
    </li>
  );
}
