import type * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName } from './collectionSpecs.ts';
import { getCollection, getMetaMap, getPlanRichText } from './documentLayout.ts';
import { fieldSpecs, readField } from './fieldValues.ts';
import { effectiveParents } from './goalHierarchy.ts';
import { orderedItems } from './itemOrder.ts';
import { IsoDateSchema } from './isoDate.ts';
import { PLAN_SCHEMA_VERSION, type PlanMeta } from './planMetaSchema.ts';
import { PlanJSONSchema, type PlanJSON } from './PlanJSONSchema.ts';
import { richTextToJSON } from './richTextToJSON.ts';

type RawItem = Record<string, unknown> & { id: string };

function readCollection(doc: Y.Doc, collection: CollectionName): RawItem[] {
  const specs = fieldSpecs(collection);
  return orderedItems(getCollection(doc, collection)).map(({ id, item }) => {
    const raw: RawItem = { id };
    for (const [name, spec] of specs) raw[name] = readField(item, name, spec);
    return raw;
  });
}

// Each hovedmål, then its delmål; parentId becomes the parent the goal is actually shown under.
function goalsInTreeOrder(goals: RawItem[]): RawItem[] {
  const parents = effectiveParents(new Map(goals.map((goal) => [goal.id, goal['parentId'] as string | null])));
  const children = new Map<string, RawItem[]>();
  const top: RawItem[] = [];
  for (const goal of goals) {
    const parent = parents.get(goal.id) ?? null;
    goal['parentId'] = parent;
    if (parent === null) top.push(goal);
    else children.set(parent, [...(children.get(parent) ?? []), goal]);
  }
  return top.flatMap((goal) => [goal, ...(children.get(goal.id) ?? [])]);
}

function readMeta(doc: Y.Doc, participantIds: ReadonlySet<string>): PlanMeta {
  const meta = getMetaMap(doc);
  // The server refuses any other schema version in an update; one stored before it did is read as ours, so the
  // plan still shows what it can rather than not at all.
  const string = (key: string): string | null => {
    const value = meta.get(key);
    return typeof value === 'string' ? value : null;
  };
  const date = (key: string): string | null => {
    const value = string(key);
    return value !== null && IsoDateSchema.safeParse(value).success ? value : null;
  };
  const coordinatorId = string('coordinatorId');
  return {
    title: string('title') ?? '',
    childName: string('childName') ?? '',
    createdAt: string('createdAt') ?? '',
    schemaVersion: PLAN_SCHEMA_VERSION,
    periodStart: date('periodStart'),
    periodEnd: date('periodEnd'),
    nextRevision: date('nextRevision'),
    lastRevision: date('lastRevision'),
    evaluationInterval: string('evaluationInterval'),
    coordinatorId: coordinatorId !== null && participantIds.has(coordinatorId) ? coordinatorId : null,
  };
}

// A validated, deterministic snapshot: the same Yjs state gives the same JSON (same key order too) on every
// peer. Items are ordered, links to deleted items are dropped, and the goal hierarchy is made well-formed.
export function planToJSON(doc: Y.Doc): PlanJSON {
  const raw = Object.fromEntries(
    COLLECTION_NAMES.map((collection) => [collection, readCollection(doc, collection)]),
  ) as Record<CollectionName, RawItem[]>;
  raw.goals = goalsInTreeOrder(raw.goals);

  // Output order of every collection, used to drop dangling links and to order id sets deterministically.
  const rank = Object.fromEntries(
    COLLECTION_NAMES.map((collection) => [collection, new Map(raw[collection].map((item, i) => [item.id, i]))]),
  ) as Record<CollectionName, Map<string, number>>;

  for (const collection of COLLECTION_NAMES) {
    for (const [name, spec] of fieldSpecs(collection)) {
      if (spec.kind !== 'ref' && spec.kind !== 'idSet') continue;
      const targets = rank[spec.target];
      for (const item of raw[collection]) {
        const value = item[name];
        if (spec.kind === 'ref') {
          if (typeof value === 'string' && !targets.has(value)) item[name] = null;
        } else {
          item[name] = (value as string[])
            .filter((id) => targets.has(id))
            .sort((a, b) => (targets.get(a) ?? 0) - (targets.get(b) ?? 0));
        }
      }
    }
  }
  for (const evaluation of raw.evaluations) {
    const targetId = evaluation['targetId'];
    const targets = evaluation['targetType'] === 'measure' ? rank.measures : rank.goals;
    evaluation['targetMissing'] = typeof targetId !== 'string' || !targets.has(targetId);
  }

  const text = getPlanRichText;
  return PlanJSONSchema.parse({
    meta: readMeta(doc, new Set(rank.participants.keys())),
    about: {
      child: richTextToJSON(text(doc, 'about.child')),
      family: richTextToJSON(text(doc, 'about.family')),
      resources: richTextToJSON(text(doc, 'about.resources')),
      needs: richTextToJSON(text(doc, 'about.needs')),
      familyContribution: richTextToJSON(text(doc, 'about.familyContribution')),
      familyNeeds: richTextToJSON(text(doc, 'about.familyNeeds')),
    },
    notes: {
      cooperation: richTextToJSON(text(doc, 'cooperation.notes')),
      consent: richTextToJSON(text(doc, 'consent.notes')),
    },
    ...raw,
  });
}
