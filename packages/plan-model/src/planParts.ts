import * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName } from './collectionSpecs.ts';
import { META_MAP_NAME, PLAN_RICH_TEXT_FIELDS, type PlanRichTextField } from './documentLayout.ts';

/**
 * The parts of a plan: one name each, used by the server (innsynslogg, permissions, history) and the web app
 * (sections) alike. A part is a set of top-level types of the document; the law's nine elements map onto them.
 * These names are stored in the innsynslogg, so they never change.
 */
export const PLAN_PARTS = [
  'planinfo',
  'omBarnet',
  'maal',
  'deltakere',
  'bidrag',
  'tiltak',
  'evaluering',
  'samtykke',
  'samarbeid',
  'moter',
  'oppgaver',
  'tjenester',
  'annet',
] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

// Exhaustive over the layout: a new collection or rich-text field fails to compile until it is placed.
const collectionParts: Record<CollectionName, PlanPart> = {
  goals: 'maal',
  measures: 'tiltak',
  evaluations: 'evaluering',
  participants: 'deltakere',
  cooperation: 'samarbeid',
  meetings: 'moter',
  tasks: 'oppgaver',
  services: 'tjenester',
};

const richTextParts: Record<PlanRichTextField, PlanPart> = {
  'about.child': 'omBarnet',
  'about.family': 'omBarnet',
  'about.resources': 'maal',
  'about.needs': 'maal',
  'about.familyContribution': 'bidrag',
  'about.familyNeeds': 'bidrag',
  'cooperation.notes': 'samarbeid',
  'consent.notes': 'samtykke',
};

const partByRootName = new Map<string, PlanPart>([
  [META_MAP_NAME, 'planinfo'],
  ...COLLECTION_NAMES.map((name): [string, PlanPart] => [name, collectionParts[name]]),
  ...PLAN_RICH_TEXT_FIELDS.map((name): [string, PlanPart] => [name, richTextParts[name]]),
]);

export function isPlanPart(value: unknown): value is PlanPart {
  return typeof value === 'string' && (PLAN_PARTS as readonly string[]).includes(value);
}

/** Whether a top-level type name is one the plan's layout has (anything else is refused by the server). */
export const isPlanRootType = (name: string): boolean => partByRootName.has(name);

/** The part a top-level type of the plan document belongs to; names the layout does not know are `annet`. */
export function partOfRootType(name: string): PlanPart {
  return partByRootName.get(name) ?? 'annet';
}

export const partOfCollection = (collection: CollectionName): PlanPart => collectionParts[collection];

/** The top-level type names of a part (empty for `annet`). */
export function rootTypesOfPart(part: PlanPart): string[] {
  return [...partByRootName].filter(([, p]) => p === part).map(([name]) => name);
}

/** The part a shared type of the plan document lives in (an item's field, a rich-text field, a collection). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type (its event type does not matter)
export function partOfType(type: Y.AbstractType<any>): PlanPart {
  let top: Y.AbstractType<unknown> = type;
  while (top._item !== null) top = top._item.parent as Y.AbstractType<unknown>;
  return top.doc ? partOfRootType(Y.findRootTypeKey(top)) : 'annet';
}
