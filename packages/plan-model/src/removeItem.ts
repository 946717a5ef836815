import * as Y from 'yjs';
import { COLLECTION_NAMES, type CollectionName } from './collectionSpecs.ts';
import { getCollection, getMetaMap } from './documentLayout.ts';
import { fieldSpecs } from './fieldValues.ts';
import { isItemMap } from './itemOrder.ts';

// Removes an item (a hovedmål together with its delmål) and, in the same transaction, the links that pointed
// at it. Links created concurrently by other peers can still dangle; planToJSON drops those. Evaluations are
// history and stay. Returns the removed ids; [] when the item was already gone.
export function removeItem(doc: Y.Doc, collection: CollectionName, id: string): string[] {
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
      if (refs.length === 0) continue;
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
    if (collection === 'participants' && typeof coordinatorId === 'string' && removed.includes(coordinatorId)) {
      meta.delete('coordinatorId');
    }
  });
  return removed;
}
