import type * as Y from 'yjs';
import { isCollectionName, type CollectionName } from './collectionSpecs.ts';
import { PlanModelError } from './PlanModelError.ts';

// Top-level shared types are looked up by name, so they need no seeding and can never be created twice.

export const META_MAP_NAME = 'meta';

export const PLAN_RICH_TEXT_FIELDS = [
  'about.child',
  'about.family',
  'about.resources',
  'about.needs',
  'about.familyContribution',
  'about.familyNeeds',
  'cooperation.notes',
  'consent.notes',
] as const;
export type PlanRichTextField = (typeof PLAN_RICH_TEXT_FIELDS)[number];

export function isPlanRichTextField(name: string): name is PlanRichTextField {
  return (PLAN_RICH_TEXT_FIELDS as readonly string[]).includes(name);
}

export type ItemMap = Y.Map<unknown>;
export type CollectionMap = Y.Map<ItemMap>;

export function getMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_MAP_NAME);
}

export function getCollection(doc: Y.Doc, collection: CollectionName): CollectionMap {
  // Untyped callers (the server, parsed JSON) can pass any string; guard so a typo never creates a stray root type.
  if (!isCollectionName(collection)) {
    throw new PlanModelError('UNKNOWN_COLLECTION', `Unknown collection "${String(collection)}"`);
  }
  return doc.getMap<ItemMap>(collection);
}

export function getPlanRichText(doc: Y.Doc, field: PlanRichTextField): Y.XmlFragment {
  if (!isPlanRichTextField(field)) {
    throw new PlanModelError('UNKNOWN_FIELD', `Unknown plan rich-text field "${String(field)}"`);
  }
  return doc.getXmlFragment(field);
}
