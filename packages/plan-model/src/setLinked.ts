import * as Y from 'yjs';
import type { CollectionName, IdSetFieldName } from './collectionSpecs.ts';
import { fieldSpec } from './fieldValues.ts';
import { getItemMap } from './getItemMap.ts';
import { assertExists } from './itemInput.ts';
import { PlanModelError } from './PlanModelError.ts';

// Adds or removes one id in an id set (e.g. a measure's goalIds). Idempotent, and two peers linking the same
// goal at once still leave one link.
export function setLinked<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  id: string,
  field: IdSetFieldName<C>,
  targetId: string,
  on: boolean,
): void {
  const spec = fieldSpec(collection, field);
  if (spec.kind !== 'idSet') throw new PlanModelError('UNKNOWN_FIELD', `${collection}.${field} is not an id set`);
  const item = getItemMap(doc, collection, id);
  if (!item) throw new PlanModelError('ITEM_NOT_FOUND', `No item "${id}" in ${collection}`);
  if (on) assertExists(doc, spec.target, targetId);
  doc.transact(() => {
    let set = item.get(field);
    if (!(set instanceof Y.Map)) {
      set = new Y.Map<true>();
      item.set(field, set);
    }
    const ids = set as Y.Map<unknown>;
    if (on && ids.get(targetId) !== true) ids.set(targetId, true);
    if (!on && ids.has(targetId)) ids.delete(targetId);
  });
}
