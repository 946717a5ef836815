import * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName, type FieldSpec } from './collectionSpecs.ts';
import { getCollection } from './documentLayout.ts';
import { fieldSpecs } from './fieldValues.ts';
import { isItemMap } from './itemOrder.ts';

/** The ids removing an item removes: the item, and a hovedmål's delmål with it. [] when the item is gone. */
export function idsRemovedWith(doc: Y.Doc, collection: CollectionName, id: string): string[] {
  const items = getCollection(doc, collection);
  if (!isItemMap(items.get(id))) return [];
  const removed = [id];
  if (collection === 'goals') {
    for (const [childId, child] of items.entries()) {
      if (childId !== id && isItemMap(child) && child.get('parentId') === id) removed.push(childId);
    }
  }
  return removed;
}

/** The fields of each other collection that link to items of `collection` (a tiltak's goals, a task's meeting). */
export function linkFieldsTo(collection: CollectionName): Array<[CollectionName, Array<[string, FieldSpec]>]> {
  return COLLECTION_NAMES.map((other): [CollectionName, Array<[string, FieldSpec]>] => [
    other,
    fieldSpecs(other).filter(([, spec]) => 'target' in spec && spec.target === collection),
  ]).filter(([, refs]) => refs.length > 0);
}

/** Whether a link field's value points at one of `ids`. */
export function linksToAny(spec: FieldSpec, value: unknown, ids: readonly string[]): boolean {
  if (spec.kind === 'ref') return typeof value === 'string' && ids.includes(value);
  if (spec.kind === 'idSet') return value instanceof Y.Map && ids.some((id) => value.has(id));
  return false;
}

/** What removing an item takes with it, for asking first: its delmål, and the items elsewhere that link to it. */
export interface RemovalReach {
  /** Delmål removed with a hovedmål. */
  subgoals: number;
  /** Items in other parts that link to it (or to its delmål): they stay, without the link. */
  linking: number;
}

export function removalReach(doc: Y.Doc, collection: CollectionName, id: string): RemovalReach {
  const removed = idsRemovedWith(doc, collection, id);
  let linking = 0;
  for (const [other, refs] of linkFieldsTo(collection)) {
    for (const [itemId, item] of getCollection(doc, other).entries()) {
      if (other === collection && removed.includes(itemId)) continue;
      if (isItemMap(item) && refs.some(([field, spec]) => linksToAny(spec, item.get(field), removed))) linking += 1;
    }
  }
  return { subgoals: Math.max(0, removed.length - 1), linking };
}
