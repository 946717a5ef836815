import { CheckboxField } from '../fields/CheckboxField.tsx';
import { DateField } from '../fields/DateField.tsx';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { optionLabel } from '../fields/optionHooks.ts';
import { formatDate, nb, nbItems, todayIso } from '../i18n/index.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

export interface TaskRowProps {
  id: string;
  number: number;
  siblings: readonly string[];
  participants: readonly SelectOption[];
  meetings: readonly SelectOption[];
}

export function TaskRow({ id, number, siblings, participants, meetings }: TaskRowProps) {
  const actions = usePlanActions();
  const item = useItemMap('tasks', id);
  const titleText = useFieldText('tasks', item, 'title');
  const title = useField('tasks', item, 'title');
  const responsibleId = useField('tasks', item, 'responsibleId');
  const dueDate = useField('tasks', item, 'dueDate');
  const done = useField('tasks', item, 'done');
  const meetingId = useField('tasks', item, 'meetingId');
  if (!item) return null;
  const overdue = !done && dueDate !== null && dueDate < todayIso();
  const kicker = `${nb.tasks.title} ${number}`;
  return (
    <ItemCard
      collection="tasks"
      id={id}
      title={titleText.trim() || nbItems.untitled}
      kicker={kicker}
      className={done ? 'task task--done' : 'task'}
      data={{ 'data-task-id': id }}
      siblings={siblings}
      removeLabel={nb.tasks.removeLabel(titleText || kicker)}
      removeWhat={nb.tasks.deletedWhat}
      badges={
        done ? (
          <StatusBadge status="utfort" label={nb.tasks.done} />
        ) : (
          overdue && <StatusBadge status="overtid" label={nb.tasks.overdue} />
        )
      }
      editor={() => (
        <>
          <YTextInput text={title} label={nb.tasks.title} multiline autoFocus />
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
        </>
      )}
    >
      <ItemFacts
        facts={[
          { label: nb.tasks.responsible, value: optionLabel(participants, responsibleId) },
          { label: nb.tasks.dueDate, value: dueDate && formatDate(dueDate) },
          { label: nb.tasks.meeting, value: optionLabel(meetings, meetingId) },
        ]}
      />
    </ItemCard>
  );
}
