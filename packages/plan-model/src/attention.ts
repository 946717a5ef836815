import { dayInNorway } from './dayInNorway.ts';
import { addInterval, daysBetween, parseEvaluationInterval } from './evaluationInterval.ts';
import type { GoalStatus } from './enums.ts';
import type { ProgressFacts } from './progressSummary.ts';

/**
 * Something in a plan that needs someone's attention, named: the caseload shows each one ("Evaluering av «Gå selv
 * i skolebygget» er 12 dager på overtid"). `days` is how far past (overdue) or how near (due) it is.
 */
export type AttentionItem =
  | { kind: 'evaluationOverdue' | 'evaluationDue'; goalId: string; title: string; dueDate: string; days: number }
  | { kind: 'revisionPassed' | 'revisionDue'; date: string; days: number }
  | { kind: 'taskOverdue'; taskId: string; title: string; dueDate: string; days: number }
  /** A meeting still planned whose day has passed: was it held? (Its record and decisions wait for the answer.) */
  | { kind: 'meetingNotMarked'; meetingId: string; title: string; date: string; days: number }
  /** The family has not answered the consent step of a plan a koordinator made. */
  | { kind: 'familyConsentWaiting' }
  /** Members outside the family who wait for the family's consent. */
  | { kind: 'consentWaiting'; count: number };

export type AttentionKind = AttentionItem['kind'];

/** How soon something coming up is named: an evaluation within two weeks, a revision within a month. */
export const DUE_SOON_DAYS = { evaluation: 14, revision: 30 } as const;

const CLOSED: readonly GoalStatus[] = ['naadd', 'avsluttet'];

/**
 * When a goal's next evaluation is due: with an evaluation interval, one interval after its latest evaluation (or
 * after the plan period's start, or the plan's creation); without one, its target date. Null when neither is known.
 */
export function evaluationDueDate(facts: ProgressFacts, goal: ProgressFacts['goals'][number]): string | null {
  const interval = parseEvaluationInterval(facts.meta.evaluationInterval);
  if (!interval) return goal.targetDate;
  const base = goal.lastEvaluated ?? facts.meta.periodStart ?? createdDay(facts.meta.createdAt);
  return (base ? addInterval(base, interval) : null) ?? goal.targetDate;
}

/** The Norwegian calendar day a plan was created (its createdAt is a UTC timestamp); null when unknown. */
function createdDay(createdAt: string): string | null {
  const ms = Date.parse(createdAt);
  return Number.isNaN(ms) ? null : dayInNorway(ms);
}

/** What in the plan's facts needs attention on `today` (YYYY-MM-DD), most pressing first. */
export function attentionItems(facts: ProgressFacts, today: string): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const goal of facts.goals) {
    if (CLOSED.includes(goal.status)) continue;
    const dueDate = evaluationDueDate(facts, goal);
    if (!dueDate) continue;
    const days = daysBetween(dueDate, today);
    const title = goal.title;
    if (days > 0) items.push({ kind: 'evaluationOverdue', goalId: goal.id, title, dueDate, days });
    else if (-days <= DUE_SOON_DAYS.evaluation) {
      items.push({ kind: 'evaluationDue', goalId: goal.id, title, dueDate, days: Math.abs(days) });
    }
  }
  const revision = facts.meta.nextRevision;
  if (revision) {
    const days = daysBetween(revision, today);
    if (days > 0) items.push({ kind: 'revisionPassed', date: revision, days });
    else if (-days <= DUE_SOON_DAYS.revision) items.push({ kind: 'revisionDue', date: revision, days: Math.abs(days) });
  }
  for (const task of facts.tasks) {
    if (task.done || !task.dueDate) continue;
    const days = daysBetween(task.dueDate, today);
    if (days > 0) items.push({ kind: 'taskOverdue', taskId: task.id, title: task.title, dueDate: task.dueDate, days });
  }
  for (const meeting of facts.meetings) {
    if (meeting.status !== 'planlagt' || !meeting.date) continue;
    const days = daysBetween(meeting.date, today);
    if (days > 0) {
      items.push({ kind: 'meetingNotMarked', meetingId: meeting.id, title: meeting.title, date: meeting.date, days });
    }
  }
  return items.sort((a, b) => urgencyOfItem(b) - urgencyOfItem(a));
}

/**
 * How pressing one item is: what is overdue first (the longer, the more), then what waits on the family, then a
 * meeting not yet marked held, then what is due soon.
 */
export function urgencyOfItem(item: AttentionItem): number {
  switch (item.kind) {
    case 'revisionPassed':
    case 'evaluationOverdue':
    case 'taskOverdue':
      return 1000 + Math.min(item.days, 999);
    case 'familyConsentWaiting':
      return 900;
    case 'consentWaiting':
      return 800;
    case 'meetingNotMarked':
      return 700 - Math.min(item.days, 99);
    case 'revisionDue':
    case 'evaluationDue':
      return 100 - Math.min(item.days, 99);
  }
}

/** A plan's urgency: its most pressing item first, then how many more there are. 0 when nothing needs attention. */
export function urgencyOf(items: readonly AttentionItem[]): number {
  if (items.length === 0) return 0;
  return Math.max(...items.map(urgencyOfItem)) * 100 + Math.min(items.length, 99);
}
