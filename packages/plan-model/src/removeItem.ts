import * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName } from './collectionSpecs.ts';
import { getCollection, getMetaMap } from './documentLayout.ts';
import { fieldSpecs } from './fieldValues.ts';
import { isItemMap } from './itemOrder.ts';
import { partOfCollection, type PlanPart } from './planParts.ts';

export interface RemoveItemOptions {
  /**
   * Whether the remover may write a part: links in parts they may not write are left (they dangle, and
   * planToJSON drops them) rather than make the whole removal one the server refuses. @default every part
   */
  mayWrite?: (part: PlanPart) => boolean;
}

// Removes an item (a hovedmål together with its delmål) and, in the same transaction, the links that pointed
// at it. Links created concurrently by other peers can still dangle; planToJSON drops those. Evaluations are
// history and stay. Returns the removed ids; [] when the item was already gone.
export function removeItem(
  doc: Y.Doc,
  collection: CollectionName,
  id: string,
  { mayWrite = () => true }: RemoveItemOptions = {},
): string[] {
  const items = getCollection(doc, collection);
  if (!isItemMap(items.get(id))) return [];
  const removed = [id];
  if (collection === 'goals') {
    for (const [childId, child] of items.entries()) {
      if (childId !== id && isItemMap(child) && child.get('parentId') === id) removed.push(childId);
    }
  }
  doc.transact(() => {
    for (const removedId of removed) items.delete(removedId);
    for (const other of COLLECTION_NAMES) {
      const refs = fieldSpecs(other).filter(([, spec]) => 'target' in spec && spec.target === collection);
      if (refs.length === 0 || !mayWrite(partOfCollection(other))) continue;
      for (const item of getCollection(doc, other).values()) {
        if (!isItemMap(item)) continue;
        for (const [field, spec] of refs) {
          const value = item.get(field);
          if (spec.kind === 'ref' && typeof value === 'string' && removed.includes(value)) item.set(field, null);
          if (spec.kind === 'idSet' && value instanceof Y.Map) {
            for (const removedId of removed) if (value.has(removedId)) value.delete(removedId);
          }
        }
      }
    }
    const meta = getMetaMap(doc);
    const coordinatorId = meta.get('coordinatorId');
    const linked =
      collection === 'participants' && typeof coordinatorId === 'string' && removed.includes(coordinatorId);
    if (linked && mayWrite('planinfo')) {
      meta.delete('coordinatorId');
    }
  });
  return removed;
}
