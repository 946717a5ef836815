import { GOAL_STATUSES, type GoalStatus } from './enums.ts';
import { IsoDateSchema } from './isoDate.ts';
import type { PlanJSON } from './PlanJSONSchema.ts';
import { PlanModelError } from './PlanModelError.ts';

export interface ProgressSummary {
  /** Hovedmål and delmål together. */
  goalsTotal: number;
  goalsByStatus: Record<GoalStatus, number>;
  goalsReached: number;
  nextRevision: string | null;
  /** Goals neither reached (naadd) nor ended (avsluttet) whose target date is before today. */
  overdueEvaluations: number;
  openTasks: number;
  /** Open tasks whose due date is before today. */
  overdueTasks: number;
  /** The earliest planned (not held, not cancelled) meeting on or after today. */
  nextMeeting: { id: string; date: string; title: string } | null;
}

const CLOSED_GOAL_STATUSES: readonly GoalStatus[] = ['naadd', 'avsluttet'];

/** Bumped when the facts gain fields; the server computes facts of an older version again. */
export const PROGRESS_FACTS_VERSION = 3;

/** What a progress summary (and the caseload's attention items) is computed from: a small part of the plan. */
export interface ProgressFacts {
  version: number;
  meta: Pick<PlanJSON['meta'], 'nextRevision' | 'periodStart' | 'evaluationInterval' | 'createdAt'>;
  goals: Array<
    Pick<PlanJSON['goals'][number], 'id' | 'title' | 'status' | 'targetDate'> & {
      /** The date of the goal's latest evaluation, if any. */
      lastEvaluated: string | null;
    }
  >;
  tasks: Array<Pick<PlanJSON['tasks'][number], 'id' | 'title' | 'done' | 'dueDate' | 'responsibleId'>>;
  meetings: Array<Pick<PlanJSON['meetings'][number], 'id' | 'status' | 'date' | 'title' | 'participantIds'>>;
  /** Who takes part (to tell a member about a task given to them, or a meeting they are in). */
  participants: Array<Pick<PlanJSON['participants'][number], 'id' | 'name' | 'contact'>>;
}

/** The facts of a plan with nothing in it yet. */
export const emptyProgressFacts = (): ProgressFacts => ({
  version: PROGRESS_FACTS_VERSION,
  meta: { nextRevision: null, periodStart: null, evaluationInterval: null, createdAt: '' },
  goals: [],
  tasks: [],
  meetings: [],
  participants: [],
});

export function progressFacts(plan: PlanJSON): ProgressFacts {
  const lastEvaluated = new Map<string, string>();
  for (const evaluation of plan.evaluations) {
    if (evaluation.targetType !== 'goal' || !evaluation.targetId || !evaluation.date) continue;
    const seen = lastEvaluated.get(evaluation.targetId);
    if (!seen || evaluation.date > seen) lastEvaluated.set(evaluation.targetId, evaluation.date);
  }
  return {
    version: PROGRESS_FACTS_VERSION,
    meta: {
      nextRevision: plan.meta.nextRevision,
      periodStart: plan.meta.periodStart,
      evaluationInterval: plan.meta.evaluationInterval,
      createdAt: plan.meta.createdAt,
    },
    goals: plan.goals.map(({ id, title, status, targetDate }) => ({
      id,
      title,
      status,
      targetDate,
      lastEvaluated: lastEvaluated.get(id) ?? null,
    })),
    tasks: plan.tasks.map(({ id, title, done, dueDate, responsibleId }) => ({
      id,
      title,
      done,
      dueDate,
      responsibleId,
    })),
    meetings: plan.meetings.map(({ id, status, date, title, participantIds }) => ({
      id,
      status,
      date,
      title,
      participantIds,
    })),
    participants: plan.participants.map(({ id, name, contact }) => ({ id, name, contact })),
  };
}

/** What the summary itself reads: the facts, or a whole plan (the web app summarises the live document). */
export interface SummaryFacts {
  meta: Pick<PlanJSON['meta'], 'nextRevision'>;
  goals: ReadonlyArray<Pick<PlanJSON['goals'][number], 'status' | 'targetDate'>>;
  tasks: ReadonlyArray<Pick<PlanJSON['tasks'][number], 'done' | 'dueDate'>>;
  meetings: ReadonlyArray<Pick<PlanJSON['meetings'][number], 'id' | 'status' | 'date' | 'title'>>;
}

// `today` is an ISO date in the plan's time zone; the caller decides what today is, which keeps this pure.
export function progressSummary(plan: SummaryFacts, today: string): ProgressSummary {
  if (!IsoDateSchema.safeParse(today).success) {
    throw new PlanModelError('INVALID_VALUE', `today must be an ISO date (YYYY-MM-DD), got "${today}"`);
  }
  const goalsByStatus = Object.fromEntries(GOAL_STATUSES.map((status) => [status, 0])) as Record<GoalStatus, number>;
  for (const goal of plan.goals) goalsByStatus[goal.status]++;
  const openTasks = plan.tasks.filter((task) => !task.done);
  const upcoming = plan.meetings
    .filter((meeting) => meeting.status === 'planlagt' && meeting.date !== null && meeting.date >= today)
    .sort((a, b) => ((a.date as string) < (b.date as string) ? -1 : (a.date as string) > (b.date as string) ? 1 : 0));
  const next = upcoming[0];
  return {
    goalsTotal: plan.goals.length,
    goalsByStatus,
    goalsReached: goalsByStatus.naadd,
    nextRevision: plan.meta.nextRevision,
    overdueEvaluations: plan.goals.filter(
      (goal) => !CLOSED_GOAL_STATUSES.includes(goal.status) && goal.targetDate !== null && goal.targetDate < today,
    ).length,
    openTasks: openTasks.length,
    overdueTasks: openTasks.filter((task) => task.dueDate !== null && task.dueDate < today).length,
    nextMeeting: next ? { id: next.id, date: next.date as string, title: next.title } : null,
  };
}
