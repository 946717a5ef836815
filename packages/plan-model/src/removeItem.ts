import * as Y from 'yjs';
import type { CollectionName } from './collectionSpecs.ts';
import { getCollection, getMetaMap } from './documentLayout.ts';
import { isItemMap } from './itemOrder.ts';
import { idsRemovedWith, linkFieldsTo, linksToAny } from './removalReach.ts';
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
  const removed = idsRemovedWith(doc, collection, id);
  if (removed.length === 0) return [];
  doc.transact(() => {
    for (const removedId of removed) items.delete(removedId);
    for (const [other, refs] of linkFieldsTo(collection)) {
      if (!mayWrite(partOfCollection(other))) continue;
      for (const item of getCollection(doc, other).values()) {
        if (!isItemMap(item)) continue;
        for (const [field, spec] of refs) {
          const value = item.get(field);
          if (!linksToAny(spec, value, removed)) continue;
          if (spec.kind === 'ref') item.set(field, null);
          else if (value instanceof Y.Map) for (const removedId of removed) value.delete(removedId);
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
