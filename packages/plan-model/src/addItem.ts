import * as Y from 'yjs';
import type { CollectionName, ItemInput } from './collectionSpecs.ts';
import { getCollection, type ItemMap } from './documentLayout.ts';
import { fieldSpecs, initialValue, writeField } from './fieldValues.ts';
import { normalizeItemInput } from './itemInput.ts';
import { placeItem, type Placement } from './itemOrder.ts';
import { randomId } from './randomId.ts';

// Adds an item with every field present (nested types created now, in the same transaction, so no peer ever
// creates them lazily and races another). Returns the new id.
export function addItem<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  fields: ItemInput<C> = {},
  placement: Placement = {},
): string {
  const items = getCollection(doc, collection);
  const given = new Map(normalizeItemInput(doc, collection, null, fields).map((field) => [field.name, field.value]));
  const id = randomId();
  doc.transact(() => {
    const position = placeItem(items, placement);
    const item: ItemMap = new Y.Map<unknown>();
    items.set(id, item);
    item.set('id', id);
    item.set('position', position);
    for (const [name, spec] of fieldSpecs(collection)) {
      writeField(item, name, spec, given.has(name) ? given.get(name) : initialValue(spec));
    }
  });
  return id;
}
