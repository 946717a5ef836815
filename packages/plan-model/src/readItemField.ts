import type { CollectionName, FieldName } from './collectionSpecs.ts';
import type { ItemMap } from './documentLayout.ts';
import { fieldSpec, readField } from './fieldValues.ts';

// One field as plain JSON, read the way planToJSON reads it (malformed values give the field's fallback).
// References are not resolved here: a ref or id set may still name a deleted item.
export function readItemField<C extends CollectionName>(item: ItemMap, collection: C, field: FieldName<C>): unknown {
  return readField(item, field, fieldSpec(collection, field));
}
