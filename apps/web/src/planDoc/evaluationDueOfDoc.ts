import {
  GOAL_STATUSES,
  attentionItems,
  emptyProgressFacts,
  getCollection,
  getMetaMap,
  type ProgressFacts,
} from '@samplan/plan-model';
import * as Y from 'yjs';
import { isoDateOf as date, oneOf, textOf as text } from './docValues.ts';

/** A goal's evaluation by the plan's interval, when it is due within days or overdue. */
export interface EvaluationDue {
  dueDate: string;
  /** Days overdue, or days left. */
  days: number;
  overdue: boolean;
}

/**
 * The goals due or overdue for evaluation by the plan's evaluation interval (from their last evaluation, or the
 * plan's start), read straight from the Y.Doc: what Mine planer, Varsler and the mails say (plan-model's
 * attentionItems), which the overview's «Måldato passert» (goals past their own target date) is not. By goal id.
 */
export function evaluationDueOfDoc(doc: Y.Doc, today: string): Record<string, EvaluationDue> {
  const items = (name: 'goals' | 'evaluations') =>
    [...getCollection(doc, name).entries()].filter(
      (entry): entry is [string, Y.Map<unknown>] => entry[1] instanceof Y.Map,
    );
  const lastEvaluated = new Map<string, string>();
  for (const [, evaluation] of items('evaluations')) {
    const goalId = evaluation.get('targetId');
    const day = date(evaluation.get('date'));
    if (evaluation.get('targetType') !== 'goal' || typeof goalId !== 'string' || !day) continue;
    const seen = lastEvaluated.get(goalId);
    if (!seen || day > seen) lastEvaluated.set(goalId, day);
  }
  const meta = getMetaMap(doc);
  const plain = (key: string): string | null => {
    const value = meta.get(key);
    return typeof value === 'string' ? value : null;
  };
  const facts: ProgressFacts = {
    ...emptyProgressFacts(),
    meta: {
      nextRevision: null,
      periodStart: date(plain('periodStart')),
      evaluationInterval: plain('evaluationInterval'),
      createdAt: plain('createdAt') ?? '',
    },
    goals: items('goals').map(([id, goal]) => ({
      id,
      title: text(goal.get('title')),
      status: oneOf(GOAL_STATUSES, goal.get('status'), 'ikke_startet'),
      targetDate: date(goal.get('targetDate')),
      lastEvaluated: lastEvaluated.get(id) ?? null,
    })),
  };
  const due: Record<string, EvaluationDue> = {};
  for (const item of attentionItems(facts, today)) {
    if (item.kind !== 'evaluationOverdue' && item.kind !== 'evaluationDue') continue;
    due[item.goalId] = { dueDate: item.dueDate, days: item.days, overdue: item.kind === 'evaluationOverdue' };
  }
  return due;
}
