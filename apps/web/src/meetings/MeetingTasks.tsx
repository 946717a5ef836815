import type { PlanJSON } from '@samplan/plan-model';
import { useId } from 'react';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { formatDate, nb, todayIso } from '../i18n/index.ts';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { PartScope, useCanEdit } from '../planDoc/PartScope.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';

/** The tasks given out at this meeting: what, who and by when, ticked off when done. */
export function MeetingTasks({ plan, meetingId }: { plan: PlanJSON; meetingId: string }) {
  return (
    <PartScope part="oppgaver">
      <TaskList plan={plan} meetingId={meetingId} />
    </PartScope>
  );
}

function TaskList({ plan, meetingId }: { plan: PlanJSON; meetingId: string }) {
  const { info } = usePlan();
  const id = useId();
  const taskIds = plan.tasks.filter((task) => task.meetingId === meetingId).map((task) => task.id);
  return (
    <div className="meeting-tasks">
      <h3 id={`${id}-title`}>{t.tasksTitle}</h3>
      {taskIds.length === 0 ? (
        <p className="muted">{t.tasksNone}</p>
      ) : (
        <ul className="meeting-tasks__list" aria-labelledby={`${id}-title`}>
          {taskIds.map((taskId) => (
            <MeetingTask key={taskId} taskId={taskId} names={plan.participants} />
          ))}
        </ul>
      )}
      <p>
        <Link to={paths.plan(info.id, 'oppgaver')}>{t.toTasks}</Link>
      </p>
    </div>
  );
}

/** One task, live: ticking it done shows at once. */
function MeetingTask({ taskId, names }: { taskId: string; names: PlanJSON['participants'] }) {
  const actions = usePlanActions();
  const canEdit = useCanEdit();
  const item = useItemMap('tasks', taskId);
  const title = useFieldText('tasks', item, 'title').trim() || nb.plan.untitled;
  const responsibleId = useField('tasks', item, 'responsibleId');
  const dueDate = useField('tasks', item, 'dueDate');
  const done = useField('tasks', item, 'done');
  if (!item) return null;
  const who = names.find((p) => p.id === responsibleId);
  return (
    <li className="meeting-task" data-task-id={taskId}>
      <p className="meeting-task__title">{title}</p>
      <p className="meeting-task__facts">
        <span>
          {t.taskWho}: <strong>{who ? who.name.trim() || nb.participants.unnamed : t.nobody}</strong>
        </span>
        <span>
          {t.taskWhen}: <strong>{formatDate(dueDate) || t.taskNoDate}</strong>
        </span>
        {!done && dueDate !== null && dueDate < todayIso() && <StatusBadge status="overtid" label={nb.tasks.overdue} />}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={done}
          disabled={!canEdit}
          onChange={(event) => actions.update('tasks', taskId, { done: event.target.checked })}
        />
        {t.taskDone}
        <span className="visually-hidden">: {title}</span>
      </label>
    </li>
  );
}
