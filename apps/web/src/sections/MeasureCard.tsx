import { MEASURE_STATUSES, type MeasureStatus } from '@samplan/plan-model';
import { CheckboxField } from '../fields/CheckboxField.tsx';
import { DateField } from '../fields/DateField.tsx';
import { enumOptions, optionLabel, type GoalOption } from '../fields/optionHooks.ts';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { formatDate, nb, nbItems } from '../i18n/index.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemExcerpt } from '../items/ItemExcerpt.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { GoalLinks } from './GoalLinks.tsx';
import { responsibleLine } from '../items/responsibleLine.ts';

export interface MeasureCardProps {
  id: string;
  number: number;
  siblings: readonly string[];
  goals: readonly GoalOption[];
  participants: readonly SelectOption[];
}

const STATUS_OPTIONS = enumOptions(MEASURE_STATUSES, nb.measureStatus);

export function MeasureCard({ id, number, siblings, goals, participants }: MeasureCardProps) {
  const actions = usePlanActions();
  const item = useItemMap('measures', id);
  const title = useField('measures', item, 'title');
  const titleText = useFieldText('measures', item, 'title');
  const status = useField('measures', item, 'status');
  const periodStart = useField('measures', item, 'periodStart');
  const periodEnd = useField('measures', item, 'periodEnd');
  const responsibleId = useField('measures', item, 'responsibleId');
  const targetsFamily = useField('measures', item, 'targetsFamily');
  const goalIds = useField('measures', item, 'goalIds');
  const scope = useField('measures', item, 'scope');
  const scopeText = useFieldText('measures', item, 'scope');
  const responsible = useField('measures', item, 'responsible');
  const responsibleText = useFieldText('measures', item, 'responsible');
  const periodText = useField('measures', item, 'periodText');
  const periodTextValue = useFieldText('measures', item, 'periodText');
  const implementation = useField('measures', item, 'implementation');
  if (!item) return null;

  const kicker = `${nb.sections.tiltak} ${number}`;
  const period =
    nbItems.periodOf(periodStart && formatDate(periodStart), periodEnd && formatDate(periodEnd)) ?? periodTextValue;
  const linkedGoals = goals.filter((goal) => goalIds.includes(goal.value)).map((goal) => goal.label);
  return (
    <ItemCard
      collection="measures"
      id={id}
      title={titleText.trim() || nbItems.untitled}
      kicker={kicker}
      className="measure"
      data={{ 'data-measure-id': id }}
      siblings={siblings}
      removeLabel={nb.measures.removeLabel(titleText || kicker)}
      removeWhat={nb.measures.deletedWhat}
      badges={<StatusBadge status={status} label={nb.measureStatus[status]} />}
      editor={() => (
        <>
          <YTextInput text={title} label={nb.measures.title} multiline autoFocus className="field--title" />
          <GoalLinks measureId={id} goals={goals} />
          <CheckboxField
            label={nb.measures.targetsFamily}
            checked={targetsFamily}
            onChange={(checked) => actions.update('measures', id, { targetsFamily: checked })}
          />
          <div className="field-row">
            <YTextInput text={scope} label={nb.measures.scope} className="field--grow" />
            <SelectField
              label={nb.common.status}
              value={status}
              options={STATUS_OPTIONS}
              onChange={(value) => value && actions.update('measures', id, { status: value as MeasureStatus })}
            />
          </div>
          <div className="field-row">
            <SelectField
              label={nb.measures.responsibleParticipant}
              value={responsibleId}
              options={participants}
              emptyLabel={nb.common.chooseNone}
              onChange={(value) => actions.update('measures', id, { responsibleId: value })}
            />
            <YTextInput
              text={responsible}
              label={nb.measures.responsibleText}
              hint={nb.measures.responsibleHint}
              className="field--grow"
            />
          </div>
          <div className="field-row">
            <DateField
              label={nb.measures.periodStart}
              value={periodStart}
              onChange={(value) => actions.update('measures', id, { periodStart: value })}
            />
            <DateField
              label={nb.measures.periodEnd}
              value={periodEnd}
              onChange={(value) => actions.update('measures', id, { periodEnd: value })}
            />
            <YTextInput text={periodText} label={nb.measures.periodText} className="field--grow" />
          </div>
          <RichTextField fragment={implementation} label={nb.measures.implementation} />
        </>
      )}
    >
      <ItemFacts
        facts={[
          { label: nb.measures.scope, value: scopeText },
          {
            label: nbItems.responsible,
            value: responsibleLine(responsibleText, optionLabel(participants, responsibleId)),
          },
          { label: nbItems.period, value: period },
          { label: nbItems.goals, value: linkedGoals },
          { label: nbItems.familyNeeds, value: targetsFamily ? nb.common.yes : null },
        ]}
      />
      <ItemExcerpt text={implementation} label={nb.measures.implementationShort} />
    </ItemCard>
  );
}
