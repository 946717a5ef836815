import type * as Y from 'yjs';
import type { CollectionName } from './collectionSpecs.ts';
import { getCollection } from './documentLayout.ts';
import { getItemMap } from './getItemMap.ts';
import { placeItem, type Placement } from './itemOrder.ts';
import { PlanModelError } from './PlanModelError.ts';

// Reordering only rewrites `position`: concurrent moves of one item resolve last-writer-wins, and an item can
// never be duplicated or lost by a move. To move a goal under another hovedmål, update its parentId.
export function moveItem(doc: Y.Doc, collection: CollectionName, id: string, placement: Placement): void {
  const item = getItemMap(doc, collection, id);
  if (!item) throw new PlanModelError('ITEM_NOT_FOUND', `No item "${id}" in ${collection}`);
  if (placement.after === id || placement.before === id) return;
  doc.transact(() => {
    item.set('position', placeItem(getCollection(doc, collection), placement, id));
  });
}
