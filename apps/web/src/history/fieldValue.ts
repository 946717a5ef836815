import {
  collectionSpecs,
  parseEvaluationInterval,
  richTextToPlain,
  TITLE_FIELDS,
  type CollectionName,
  type FieldSpec,
  type PlanJSON,
  type RichTextDoc,
} from '@samplan/plan-model';
import { formatDate, nb, nbHistory } from '../i18n/index.ts';

/** Display names of the closed value sets, by collection and field. */
const valueNames: Partial<Record<CollectionName, Record<string, Record<string, string>>>> = {
  goals: { status: nb.goalStatus },
  measures: { status: nb.measureStatus },
  evaluations: {
    achievement: nb.achievement,
    targetType: { goal: nb.evaluations.targetGoal, measure: nb.evaluations.targetMeasure },
  },
  participants: { role: nb.participantRole },
  meetings: { status: nb.meetingStatus },
  services: { kind: nb.serviceKind, status: nb.serviceStatus },
};

const isRichText = (value: unknown): value is RichTextDoc =>
  typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc';

const specOf = (collection: CollectionName, field: string): FieldSpec | undefined =>
  (collectionSpecs[collection] as Record<string, FieldSpec>)[field];

/** Whether a field holds text, shown as words added and removed (rather than «before → after»). */
export function isTextField(collection: CollectionName | undefined, field: string): boolean {
  if (!collection) return !field.startsWith('meta.') || field === 'meta.title';
  const kind = specOf(collection, field)?.kind;
  return kind === 'text' || kind === 'richText';
}

/** The names an id set links to (a measure's goals, a meeting's participants), or null for any other field. */
export function fieldList(
  collection: CollectionName | undefined,
  field: string,
  value: unknown,
  plan: PlanJSON,
): string[] | null {
  const spec = collection ? specOf(collection, field) : undefined;
  if (spec?.kind !== 'idSet' || !Array.isArray(value) || value.length === 0) return null;
  return value.map((id) => fieldText(collection, field, [id], plan));
}

/** What an item is called in a heading: an evaluation by its date. */
export function titleText(collection: CollectionName, title: string): string {
  return collection === 'evaluations' ? formatDate(title) : title;
}

/** A field's value as a parent reads it: names instead of ids, dates and statuses in Norwegian. */
export function fieldText(
  collection: CollectionName | undefined,
  field: string,
  value: unknown,
  plan: PlanJSON,
): string {
  const titleIn = (target: CollectionName, id: unknown): string => {
    const item = (plan[target] as Array<Record<string, unknown>>).find((candidate) => candidate.id === id);
    const name = item?.[TITLE_FIELDS[target]];
    return (
      (typeof name === 'string' && name !== '' ? (target === 'evaluations' ? formatDate(name) : name) : '') ||
      nb.plan.untitled
    );
  };
  if (value === null || value === undefined || value === '') return nbHistory.changes.empty;
  if (isRichText(value)) return richTextToPlain(value) || nbHistory.changes.empty;
  if (typeof value === 'boolean') return value ? nbHistory.changes.yes : nbHistory.changes.no;
  if (!collection) {
    if (field === 'meta.coordinatorId') return titleIn('participants', value);
    if (field === 'meta.evaluationInterval' && typeof value === 'string') {
      return nb.period.intervalText(value, parseEvaluationInterval(value));
    }
    return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : String(value);
  }
  const spec = specOf(collection, field);
  if (spec?.kind === 'ref') return titleIn(spec.target, value);
  if (spec?.kind === 'idSet' && Array.isArray(value)) {
    return value.length === 0 ? nbHistory.changes.empty : value.map((id) => titleIn(spec.target, id)).join(', ');
  }
  if (collection === 'evaluations' && field === 'targetId') {
    const onGoal = plan.goals.some((goal) => goal.id === value);
    return titleIn(onGoal ? 'goals' : 'measures', value);
  }
  const names = valueNames[collection]?.[field];
  if (names && typeof value === 'string') return names[value] ?? value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}
