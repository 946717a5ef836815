import { META_MAP_NAME, type CollectionName, type PlanRichTextField } from '@samplan/plan-model';

/**
 * The parts of a plan, as the access log names them and the permission matrix grants them. A part is a set of
 * top-level Yjs types of the plan document (plan-model's layout); the law's nine elements map onto them.
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

/** Norwegian labels, for logs and documentation. */
export const PLAN_PART_LABELS: Record<PlanPart, string> = {
  planinfo: 'Planinformasjon (tittel, planperiode, revisjon, koordinator)',
  omBarnet: 'Om barnet og familien',
  maal: 'Mål, ressurser og behov',
  deltakere: 'Deltakere',
  bidrag: 'Bidrag fra barnet og familien',
  tiltak: 'Tiltak og gjennomføring',
  evaluering: 'Evaluering',
  samtykke: 'Samtykke (notater)',
  samarbeid: 'Samarbeid',
  moter: 'Møter',
  oppgaver: 'Oppgaver',
  tjenester: 'Tjenester og kontakter',
  annet: 'Annet',
};

// Exhaustive over plan-model's names: a new collection or rich-text field fails to compile until it is placed.
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
  ...Object.entries(collectionParts),
  ...Object.entries(richTextParts),
]);

/** The part a top-level type of the plan document belongs to; names plan-model does not know are `annet`. */
export function partOfRootType(name: string): PlanPart {
  return partByRootName.get(name) ?? 'annet';
}

/** The top-level type names of a part (empty for `annet`). */
export function rootTypesOfPart(part: PlanPart): string[] {
  return [...partByRootName].filter(([, p]) => p === part).map(([name]) => name);
}
