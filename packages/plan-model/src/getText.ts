import * as Y from 'yjs';
import type { CollectionName, TextFieldName } from './collectionSpecs.ts';
import { fieldSpec } from './fieldValues.ts';
import { getItemMap } from './getItemMap.ts';

// The live Y.Text of a short text field, for binding an input; undefined when the item is gone.
export function getText<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  id: string,
  field: TextFieldName<C>,
): Y.Text | undefined {
  fieldSpec(collection, field);
  const value = getItemMap(doc, collection, id)?.get(field);
  return value instanceof Y.Text ? value : undefined;
}
