import { ACHIEVEMENTS, type Achievement } from '@samplan/plan-model';
import { useId } from 'react';
import { DateField } from '../fields/DateField.tsx';
import { enumOptions, type GoalOption } from '../fields/optionHooks.ts';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { formatDate, nb } from '../i18n/index.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemExcerpt } from '../items/ItemExcerpt.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export interface EvaluationCardProps {
  id: string;
  siblings: readonly string[];
  goals: readonly GoalOption[];
  measures: readonly SelectOption[];
}

const ACHIEVEMENT_OPTIONS = enumOptions(ACHIEVEMENTS, nb.achievement);

export function EvaluationCard({ id, siblings, goals, measures }: EvaluationCardProps) {
  const actions = usePlanActions();
  const canEdit = useCanEdit();
  const item = useItemMap('evaluations', id);
  const date = useField('evaluations', item, 'date');
  const targetType = useField('evaluations', item, 'targetType');
  const targetId = useField('evaluations', item, 'targetId');
  const achievement = useField('evaluations', item, 'achievement');
  const author = useField('evaluations', item, 'author');
  const authorText = useFieldText('evaluations', item, 'author');
  const note = useField('evaluations', item, 'note');
  const selectId = useId();
  if (!item) return null;

  const heading = date ? nb.evaluations.heading(formatDate(date)) : nb.evaluations.headingNoDate;
  const targetValue = targetId ? `${targetType}:${targetId}` : '';
  const target = targetId ? (targetType === 'goal' ? goals : measures).find((o) => o.value === targetId) : undefined;
  const targetKnown = targetId === null || target !== undefined;

  const setTarget = (value: string): void => {
    if (value === '') {
      actions.update('evaluations', id, { targetId: null });
      return;
    }
    const [type, chosen] = value.split(':') as ['goal' | 'measure', string];
    actions.update('evaluations', id, { targetType: type, targetId: chosen });
  };

  return (
    <ItemCard
      collection="evaluations"
      id={id}
      title={heading}
      data={{ 'data-evaluation-id': id }}
      siblings={siblings}
      removeLabel={nb.evaluations.removeLabel}
      removeWhat={nb.evaluations.deletedWhat}
      badges={achievement && <StatusBadge status={achievement} label={nb.achievement[achievement]} />}
      editor={() => (
        <>
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
                autoFocus
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
        </>
      )}
    >
      <ItemFacts
        facts={[
          { label: nb.evaluations.target, value: targetKnown ? target?.label : nb.evaluations.targetMissing },
          { label: nb.evaluations.author, value: authorText },
        ]}
      />
      <ItemExcerpt text={note} label={nb.evaluations.note} />
    </ItemCard>
  );
}
