import type * as Y from 'yjs';
import type { CollectionName } from './collectionSpecs.ts';
import { getCollection, type ItemMap } from './documentLayout.ts';
import { isItemMap } from './itemOrder.ts';

export function getItemMap(doc: Y.Doc, collection: CollectionName, id: string): ItemMap | undefined {
  const item = getCollection(doc, collection).get(id);
  return isItemMap(item) ? item : undefined;
}
