import * as Y from 'yjs';
import { CheckboxField } from '../fields/CheckboxField.tsx';
import { DateField } from '../fields/DateField.tsx';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { nb, todayIso } from '../i18n/index.ts';
import { ItemActions } from '../items/ItemActions.tsx';
import { useItemMap, useItemText, useItemType, useItemValue } from '../planDoc/planHooks.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export interface TaskRowProps {
  id: string;
  number: number;
  siblings: readonly string[];
  participants: readonly SelectOption[];
  meetings: readonly SelectOption[];
  autoFocus: boolean;
}

export function TaskRow({ id, number, siblings, participants, meetings, autoFocus }: TaskRowProps) {
  const actions = usePlanActions();
  const item = useItemMap('tasks', id);
  const titleText = useItemText(item, 'title');
  const title = useItemType(item, 'title', Y.Text);
  const responsibleId = useItemValue<string | null>('tasks', item, 'responsibleId');
  const dueDate = useItemValue<string | null>('tasks', item, 'dueDate');
  const done = useItemValue<boolean>('tasks', item, 'done');
  const meetingId = useItemValue<string | null>('tasks', item, 'meetingId');
  if (!item) return null;
  const overdue = !done && dueDate !== null && dueDate < todayIso();
  const heading = `${nb.tasks.title} ${number}`;
  const headingId = `task-${id}`;
  const index = siblings.indexOf(id);
  return (
    <li data-task-id={id}>
      <article className={`item-card task ${done ? 'task--done' : ''}`} aria-labelledby={headingId}>
        <header className="item-card__header">
          <h3 id={headingId} className="item-card__title">
            {heading}
          </h3>
          {done ? (
            <StatusBadge status="utfort" label={nb.tasks.done} />
          ) : (
            overdue && <StatusBadge status="overtid" label={nb.tasks.overdue} />
          )}
          <ItemActions
            name={heading}
            removeLabel={nb.tasks.removeLabel(titleText || heading)}
            canMoveUp={index > 0}
            canMoveDown={index >= 0 && index < siblings.length - 1}
            onMove={(direction) => actions.move('tasks', id, siblings, direction)}
            removes={{ collection: 'tasks', id, what: nb.tasks.deletedWhat }}
          />
        </header>
        <YTextInput text={title} label={nb.tasks.title} multiline autoFocus={autoFocus} />
        <div className="field-row">
          <SelectField
            label={nb.tasks.responsible}
            value={responsibleId}
            options={participants}
            emptyLabel={nb.common.chooseNone}
            onChange={(value) => actions.update('tasks', id, { responsibleId: value })}
          />
          <DateField
            label={nb.tasks.dueDate}
            value={dueDate}
            onChange={(value) => actions.update('tasks', id, { dueDate: value })}
          />
          <SelectField
            label={nb.tasks.meeting}
            value={meetingId}
            options={meetings}
            emptyLabel={nb.common.chooseNone}
            onChange={(value) => actions.update('tasks', id, { meetingId: value })}
            className="field--grow"
          />
          <CheckboxField
            label={nb.tasks.done}
            checked={done}
            onChange={(checked) => actions.update('tasks', id, { done: checked })}
            className="checkbox--in-row"
          />
        </div>
      </article>
    </li>
  );
}
