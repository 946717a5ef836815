import * as Y from 'yjs';
import type { CollectionName, RichTextFieldName } from './collectionSpecs.ts';
import { fieldSpec } from './fieldValues.ts';
import { getItemMap } from './getItemMap.ts';

// The Y.XmlFragment a Tiptap editor binds to (Collaboration `fragment`); undefined when the item is gone.
export function getRichText<C extends CollectionName>(
  doc: Y.Doc,
  collection: C,
  id: string,
  field: RichTextFieldName<C>,
): Y.XmlFragment | undefined {
  fieldSpec(collection, field);
  const value = getItemMap(doc, collection, id)?.get(field);
  return value instanceof Y.XmlFragment ? value : undefined;
}
