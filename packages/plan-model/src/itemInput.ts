import type * as Y from 'yjs';
import type { CollectionName, FieldSpec } from './collectionSpecs.ts';
import { getCollection } from './documentLayout.ts';
import { fieldSpec, normalizeInput } from './fieldValues.ts';
import { assertValidParent } from './goalHierarchy.ts';
import { isItemMap } from './itemOrder.ts';
import { PlanModelError } from './PlanModelError.ts';

export interface NormalizedField {
  name: string;
  spec: FieldSpec;
  value: unknown;
}

// Validates a whole write before anything is written, so a bad field never leaves a half-applied change.
export function normalizeItemInput(
  doc: Y.Doc,
  collection: CollectionName,
  itemId: string | null,
  input: Record<string, unknown>,
): NormalizedField[] {
  const fields: NormalizedField[] = [];
  for (const [name, raw] of Object.entries(input)) {
    if (raw === undefined) continue;
    const spec = fieldSpec(collection, name);
    const value = normalizeInput(collection, name, spec, raw);
    if (collection === 'goals' && name === 'parentId') {
      assertValidParent(getCollection(doc, 'goals'), itemId, value as string | null);
    } else if (spec.kind === 'ref' && value !== null) {
      assertExists(doc, spec.target, value as string);
    } else if (spec.kind === 'idSet') {
      for (const id of value as string[]) assertExists(doc, spec.target, id);
    }
    fields.push({ name, spec, value });
  }
  return fields;
}

export function assertExists(doc: Y.Doc, collection: CollectionName, id: string): void {
  if (!isItemMap(getCollection(doc, collection).get(id))) {
    throw new PlanModelError('ITEM_NOT_FOUND', `No item "${id}" in ${collection}`);
  }
}
