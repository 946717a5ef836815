import { MEASURE_STATUSES, type MeasureStatus } from '@samplan/plan-model';
import * as Y from 'yjs';
import { CheckboxField } from '../fields/CheckboxField.tsx';
import { DateField } from '../fields/DateField.tsx';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { nb } from '../i18n/index.ts';
import { ItemActions } from '../items/ItemActions.tsx';
import { enumOptions, type GoalOption } from '../fields/optionHooks.ts';
import { useItemMap, useItemText, useItemType, useItemValue } from '../planDoc/planHooks.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { GoalLinks } from './GoalLinks.tsx';

export interface MeasureCardProps {
  id: string;
  number: number;
  siblings: readonly string[];
  goals: readonly GoalOption[];
  participants: readonly SelectOption[];
  autoFocus: boolean;
}

const STATUS_OPTIONS = enumOptions(MEASURE_STATUSES, nb.measureStatus);

export function MeasureCard({ id, number, siblings, goals, participants, autoFocus }: MeasureCardProps) {
  const actions = usePlanActions();
  const item = useItemMap('measures', id);
  const title = useItemType(item, 'title', Y.Text);
  const titleText = useItemText(item, 'title');
  const status = useItemValue<MeasureStatus>('measures', item, 'status');
  const periodStart = useItemValue<string | null>('measures', item, 'periodStart');
  const periodEnd = useItemValue<string | null>('measures', item, 'periodEnd');
  const responsibleId = useItemValue<string | null>('measures', item, 'responsibleId');
  const targetsFamily = useItemValue<boolean>('measures', item, 'targetsFamily');
  const scope = useItemType(item, 'scope', Y.Text);
  const responsible = useItemType(item, 'responsible', Y.Text);
  const periodText = useItemType(item, 'periodText', Y.Text);
  const implementation = useItemType(item, 'implementation', Y.XmlFragment);
  if (!item) return null;

  const heading = `${nb.sections.tiltak} ${number}`;
  const headingId = `measure-${id}`;
  const index = siblings.indexOf(id);
  return (
    <li className="measure" data-measure-id={id}>
      <article className="item-card" aria-labelledby={headingId}>
        <header className="item-card__header">
          <h3 id={headingId} className="item-card__title">
            {heading}
          </h3>
          <StatusBadge status={status} label={nb.measureStatus[status]} />
          <ItemActions
            name={heading}
            removeLabel={nb.measures.removeLabel(titleText || heading)}
            canMoveUp={index > 0}
            canMoveDown={index >= 0 && index < siblings.length - 1}
            onMove={(direction) => actions.move('measures', id, siblings, direction)}
            removes={{ collection: 'measures', id, what: nb.measures.deletedWhat }}
          />
        </header>
        <YTextInput text={title} label={nb.measures.title} multiline autoFocus={autoFocus} className="field--title" />
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
          <YTextInput text={responsible} label={nb.measures.responsible} className="field--grow" />
          <SelectField
            label={nb.measures.responsibleParticipant}
            value={responsibleId}
            options={participants}
            emptyLabel={nb.common.chooseNone}
            onChange={(value) => actions.update('measures', id, { responsibleId: value })}
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
      </article>
    </li>
  );
}
