import type * as Y from 'yjs';
import type { CollectionName, ItemInput } from './collectionSpecs.ts';
import { writeField } from './fieldValues.ts';
import { getItemMap } from './getItemMap.ts';
import { normalizeItemInput } from './itemInput.ts';
import { PlanModelError } from './PlanModelError.ts';

// Patches fields; short texts are diffed (setText) so a concurrent edit elsewhere in the same title survives.
export function updateItem<C extends CollectionName>(doc: Y.Doc, collection: C, id: string, patch: ItemInput<C>): void {
  const item = getItemMap(doc, collection, id);
  if (!item) throw new PlanModelError('ITEM_NOT_FOUND', `No item "${id}" in ${collection}`);
  const fields = normalizeItemInput(doc, collection, id, patch);
  doc.transact(() => {
    for (const { name, spec, value } of fields) writeField(item, name, spec, value);
  });
}
