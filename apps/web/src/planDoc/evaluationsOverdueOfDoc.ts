import {
  GOAL_STATUSES,
  attentionItems,
  emptyProgressFacts,
  getCollection,
  getMetaMap,
  type ProgressFacts,
} from '@samplan/plan-model';
import * as Y from 'yjs';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: unknown): string | null =>
  typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
const text = (value: unknown): string =>
  value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';

/**
 * How many goals are overdue for evaluation by the plan's evaluation interval (from their last evaluation, or the
 * plan's start), read straight from the Y.Doc: the same count Mine planer, Varsler and the mails use (plan-model's
 * attentionItems), which the overview's «Måldato passert» (goals past their own target date) is not.
 */
export function evaluationsOverdueOfDoc(doc: Y.Doc, today: string): number {
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
    goals: items('goals').map(([id, goal]) => {
      const status = goal.get('status');
      return {
        id,
        title: text(goal.get('title')),
        status: (GOAL_STATUSES as readonly unknown[]).includes(status)
          ? (status as ProgressFacts['goals'][number]['status'])
          : 'ikke_startet',
        targetDate: date(goal.get('targetDate')),
        lastEvaluated: lastEvaluated.get(id) ?? null,
      };
    }),
  };
  return attentionItems(facts, today).filter((item) => item.kind === 'evaluationOverdue').length;
}
