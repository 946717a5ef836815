import { attentionItems } from './attention.ts';
import type { MeasureStatus } from './enums.ts';
import { daysBetween } from './evaluationInterval.ts';
import { IsoDateSchema } from './isoDate.ts';
import type { PlanJSON } from './PlanJSONSchema.ts';
import { PlanModelError } from './PlanModelError.ts';
import { progressFacts } from './progressSummary.ts';

/**
 * How far after the meeting a measure's end still puts it on the agenda. An ansvarsgruppe meets every two or three
 * months: what ends before the next meeting is talked about at this one (go on, change, or end it).
 */
export const MEASURE_ENDING_WEEKS = 8;

/** A goal whose evaluation is due by the meeting (attention.ts's rule: overdue, or due within DUE_SOON_DAYS). */
export interface AgendaGoal {
  goalId: string;
  title: string;
  dueDate: string;
  /** Already past due on the agenda's day. */
  overdue: boolean;
}

/** An open task, given out before this meeting. */
export interface AgendaTask {
  taskId: string;
  title: string;
  responsibleId: string | null;
  dueDate: string | null;
  /** Past its due date on the agenda's day (attention.ts's rule). */
  overdue: boolean;
}

/** A measure still running (not fullført or avbrutt) whose period has ended or ends soon after the meeting. */
export interface AgendaMeasure {
  measureId: string;
  title: string;
  periodEnd: string;
  /** Its period ended before the agenda's day. */
  ended: boolean;
}

export interface MeetingAgenda {
  /** The day the agenda is for: the meeting's date, or today when the date has passed or is not set. */
  asOf: string;
  goals: AgendaGoal[];
  tasks: AgendaTask[];
  measures: AgendaMeasure[];
  /** The plan's revision, when it has passed or is due within DUE_SOON_DAYS.revision of the meeting. */
  revision: { date: string; passed: boolean } | null;
}

const RUNNING: readonly MeasureStatus[] = ['ikke_startet', 'pagar'];

const addDays = (date: string, days: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
};

/**
 * What the plan asks the meeting to talk about: goals due for evaluation, open tasks (the overdue first), measures
 * ending, and the revision, all as of the meeting's day (or today, for a meeting whose day has passed). The
 * evaluation, revision and overdue rules are attention.ts's, so the agenda says what Mine planer says. Tasks given
 * out at this meeting are not on its agenda: they are its outcome.
 */
export function meetingAgenda(plan: PlanJSON, meetingId: string, today: string): MeetingAgenda {
  if (!IsoDateSchema.safeParse(today).success) {
    throw new PlanModelError('INVALID_VALUE', `today must be an ISO date (YYYY-MM-DD), got "${today}"`);
  }
  const meeting = plan.meetings.find((candidate) => candidate.id === meetingId);
  if (!meeting) throw new PlanModelError('ITEM_NOT_FOUND', `No item "${meetingId}" in meetings`);
  const asOf = meeting.date !== null && meeting.date > today ? meeting.date : today;
  const attention = attentionItems(progressFacts(plan), asOf);

  const goals: AgendaGoal[] = [];
  const overdueTasks = new Map<string, number>();
  let revision: MeetingAgenda['revision'] = null;
  for (const item of attention) {
    if (item.kind === 'evaluationOverdue' || item.kind === 'evaluationDue') {
      goals.push({
        goalId: item.goalId,
        title: item.title,
        dueDate: item.dueDate,
        overdue: item.kind === 'evaluationOverdue',
      });
    } else if (item.kind === 'taskOverdue') {
      overdueTasks.set(item.taskId, item.days);
    } else if (item.kind === 'revisionPassed' || item.kind === 'revisionDue') {
      revision = { date: item.date, passed: item.kind === 'revisionPassed' };
    }
  }
  // In the plan's goal order (hovedmål, then its delmål), as the meeting reads the plan.
  const goalRank = new Map(plan.goals.map((goal, index) => [goal.id, index]));
  goals.sort((a, b) => (goalRank.get(a.goalId) ?? 0) - (goalRank.get(b.goalId) ?? 0));

  const tasks = plan.tasks
    .map((task, index) => ({ task, index }))
    .filter(({ task }) => !task.done && task.meetingId !== meetingId)
    .sort((a, b) => {
      const overdueA = overdueTasks.get(a.task.id) ?? -1;
      const overdueB = overdueTasks.get(b.task.id) ?? -1;
      if (overdueA !== overdueB) return overdueB - overdueA;
      if ((a.task.dueDate === null) !== (b.task.dueDate === null)) return a.task.dueDate === null ? 1 : -1;
      return (a.task.dueDate ?? '').localeCompare(b.task.dueDate ?? '') || a.index - b.index;
    })
    .map(({ task }) => ({
      taskId: task.id,
      title: task.title,
      responsibleId: task.responsibleId,
      dueDate: task.dueDate,
      overdue: overdueTasks.has(task.id),
    }));

  const horizon = addDays(asOf, MEASURE_ENDING_WEEKS * 7);
  const measures = plan.measures
    .filter((measure) => RUNNING.includes(measure.status) && measure.periodEnd !== null && measure.periodEnd <= horizon)
    .map((measure) => ({
      measureId: measure.id,
      title: measure.title,
      periodEnd: measure.periodEnd as string,
      ended: daysBetween(measure.periodEnd as string, asOf) > 0,
    }))
    .sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));

  return { asOf, goals, tasks, measures, revision };
}

/** Whether the agenda has nothing on it. */
export const isEmptyAgenda = (agenda: MeetingAgenda): boolean =>
  agenda.goals.length + agenda.tasks.length + agenda.measures.length === 0 && agenda.revision === null;
