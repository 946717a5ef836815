import {
  GOAL_STATUSES,
  MEETING_STATUSES,
  getCollection,
  getMetaMap,
  progressSummary,
  type PlanJSON,
  type ProgressSummary,
} from '@samplan/plan-model';
import * as Y from 'yjs';
import { isoDateOf as date, oneOf, textOf } from './docValues.ts';

/**
 * plan-model's progressSummary over just the fields it reads (goal statuses and dates, tasks, meetings, next
 * revision), read straight from the Y.Doc. planToJSON would also convert every rich-text field, which in a big
 * plan costs more than a frame, and the overview is recomputed while people type.
 */
export function progressOfDoc(doc: Y.Doc, today: string): ProgressSummary {
  const items = (name: 'goals' | 'tasks' | 'meetings') =>
    [...getCollection(doc, name).entries()].filter(([, item]) => item instanceof Y.Map);
  const partial = {
    meta: { nextRevision: date(getMetaMap(doc).get('nextRevision')) },
    goals: items('goals').map(([id, item]) => ({
      id,
      status: oneOf(GOAL_STATUSES, item.get('status'), 'ikke_startet'),
      targetDate: date(item.get('targetDate')),
    })),
    tasks: items('tasks').map(([id, item]) => ({
      id,
      done: item.get('done') === true,
      dueDate: date(item.get('dueDate')),
    })),
    meetings: items('meetings').map(([id, item]) => ({
      id,
      status: oneOf(MEETING_STATUSES, item.get('status'), 'planlagt'),
      date: date(item.get('date')),
      title: textOf(item.get('title')),
    })),
  };
  return progressSummary(partial as unknown as PlanJSON, today);
}
