import type * as Y from 'yjs';
import type { CollectionName } from './collectionSpecs.ts';
import { getCollection } from './documentLayout.ts';
import { orderedItems } from './itemOrder.ts';

/** Ids in display order: by position, ties by id. Goals come flat; group them by parentId. */
export function listItemIds(doc: Y.Doc, collection: CollectionName): string[] {
  return orderedItems(getCollection(doc, collection)).map((entry) => entry.id);
}
