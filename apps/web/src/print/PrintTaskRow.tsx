import type { PlanJSON } from '@samplan/plan-model';
import { formatDate, nb } from '../i18n/index.ts';

/** One task in a printed table: what, who, by when, and done (or overdue); the plan's print and a meeting's record. */
export function PrintTaskRow({
  task,
  names,
  today,
}: {
  task: PlanJSON['tasks'][number];
  names: ReadonlyMap<string, string>;
  today: string;
}) {
  return (
    <tr>
      <td>{task.title || nb.plan.untitled}</td>
      <td data-label={nb.tasks.responsible}>{task.responsibleId ? names.get(task.responsibleId) : ''}</td>
      <td data-label={nb.tasks.dueDate}>{formatDate(task.dueDate)}</td>
      <td data-label={nb.tasks.done}>
        {task.done
          ? nb.common.yes
          : task.dueDate && task.dueDate < today
            ? `${nb.common.no} (${nb.tasks.overdue})`
            : nb.common.no}
      </td>
    </tr>
  );
}
