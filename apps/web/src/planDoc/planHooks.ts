import {
  collectionSpecs,
  getCollection,
  getItemMap,
  getMetaMap,
  listItemIds,
  type CollectionName,
  type FieldName,
  type FieldReading,
  type FieldSpec,
  type FieldsOf,
  type ItemMap,
  type TextFieldName,
  listGoalTree,
  readItemField,
} from '@samplan/plan-model';
import * as Y from 'yjs';
import { arraysEqual, jsonEqual, useYValue } from '../hooks/useYValue.ts';
import { usePlan } from './PlanContext.tsx';

/** Ids of a collection in display order. */
export function useItemIds(collection: CollectionName): string[] {
  const { doc } = usePlan().connection;
  const items = getCollection(doc, collection);
  return useYValue(items, () => listItemIds(doc, collection), [collection], { deep: true, equals: arraysEqual });
}

/** The Y.Map of one item (stable while the item exists). */
export function useItemMap(collection: CollectionName, id: string): ItemMap | undefined {
  const { doc } = usePlan().connection;
  const items = getCollection(doc, collection);
  return useYValue(items, () => getItemMap(doc, collection, id), [collection, id]);
}

// An item with nothing in it, in a document of its own: what a field reads as while its item is not there.
const NO_ITEM: ItemMap = new Y.Doc().getMap('item');

function readField<C extends CollectionName>(
  item: ItemMap | undefined,
  collection: C,
  field: FieldName<C>,
  spec: FieldSpec,
): unknown {
  const value = item?.get(field);
  switch (spec.kind) {
    case 'text':
      return value instanceof Y.Text ? value : undefined;
    case 'richText':
      return value instanceof Y.XmlFragment ? value : undefined;
    default:
      // Plain, ref and id-set values are read the way planToJSON reads them.
      return readItemField(item ?? NO_ITEM, collection, field);
  }
}

/**
 * One field of an item, typed by its spec in plan-model (`collectionSpecs`): the Y.Text or Y.XmlFragment of a text
 * or rich-text field, the validated value of a plain field (an invalid stored value reads as its fallback), a ref's
 * id or null, an id set's ids (sorted).
 */
export function useField<C extends CollectionName, K extends FieldName<C>>(
  collection: C,
  item: ItemMap | undefined,
  field: K,
): FieldReading<FieldsOf<C>[K]> {
  const spec = (collectionSpecs[collection] as Record<string, FieldSpec>)[field];
  if (!spec) throw new Error(`No field ${collection}.${field}`);
  const value = useYValue(
    item,
    () => readField(item, collection, field, spec),
    [collection, field, spec],
    spec.kind === 'idSet' ? { deep: true, equals: jsonEqual } : {},
  );
  return value as FieldReading<FieldsOf<C>[K]>;
}

/** The current string of a Y.Text, e.g. a goal's title shown in another section. */
export function useTextValue(text: Y.Text | undefined): string {
  return useYValue(text, () => text?.toString() ?? '', []);
}

/** The string of an item's text field. */
export function useFieldText<C extends CollectionName>(
  collection: C,
  item: ItemMap | undefined,
  field: TextFieldName<C>,
): string {
  return useTextValue(useField(collection, item, field) as Y.Text | undefined);
}

/** A value of the plan's meta map. */
export function useMetaValue<T>(key: string): T | null {
  const { doc } = usePlan().connection;
  const meta = getMetaMap(doc);
  return useYValue(meta, () => (meta.get(key) ?? null) as T | null, [key], { equals: jsonEqual });
}

export interface GoalNode {
  id: string;
  parentId: string | null;
}

/** Goals in display order with their effective parent: each hovedmål followed by its delmål. */
export function useGoalTree(): GoalNode[] {
  const { doc } = usePlan().connection;
  const goals = getCollection(doc, 'goals');
  return useYValue(goals, () => goalTree(doc), [], { deep: true, equals: jsonEqual });
}

/** plan-model's goal hierarchy (the one rule planToJSON uses), flattened: each hovedmål, then its delmål. */
export function goalTree(doc: Y.Doc): GoalNode[] {
  return listGoalTree(doc).flatMap(({ id, childIds }) => [
    { id, parentId: null },
    ...childIds.map((childId) => ({ id: childId, parentId: id })),
  ]);
}
