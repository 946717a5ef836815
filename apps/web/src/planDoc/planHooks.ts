import {
  collectionSpecs,
  getCollection,
  getItemMap,
  getMetaMap,
  listItemIds,
  type CollectionName,
  type FieldSpec,
  type ItemMap,
  listGoalTree,
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

function plainValue(item: ItemMap | undefined, spec: FieldSpec, field: string): unknown {
  const value = item?.get(field);
  switch (spec.kind) {
    case 'plain': {
      const parsed = spec.schema.safeParse(value);
      return parsed.success ? parsed.data : spec.fallback;
    }
    case 'ref':
      return typeof value === 'string' && value !== '' ? value : null;
    default:
      return value;
  }
}

/** A plain or ref field's current value, validated (an invalid stored value reads as the field's fallback). */
export function useItemValue<T>(collection: CollectionName, item: ItemMap | undefined, field: string): T {
  const spec = (collectionSpecs[collection] as Record<string, FieldSpec>)[field];
  if (!spec) throw new Error(`No field ${collection}.${field}`);
  return useYValue(item, () => plainValue(item, spec, field) as T, [collection, field]);
}

/** A nested shared type of an item (a Y.Text or Y.XmlFragment field). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
export function useItemType<T extends Y.AbstractType<any>>(
  item: ItemMap | undefined,
  field: string,
  kind: new () => T,
): T | undefined {
  return useYValue(item, () => {
    const value = item?.get(field);
    return value instanceof kind ? value : undefined;
  }, [field, kind]);
}

/** The current string of a Y.Text, e.g. a goal's title shown in another section. */
export function useTextValue(text: Y.Text | undefined): string {
  return useYValue(text, () => text?.toString() ?? '', []);
}

/** The string of an item's text field. */
export function useItemText(item: ItemMap | undefined, field: string): string {
  return useTextValue(useItemType(item, field, Y.Text));
}

/** The ids in an id-set field (e.g. a measure's goals), sorted. */
export function useIdSet(item: ItemMap | undefined, field: string): string[] {
  return useYValue(
    item,
    () => {
      const set = item?.get(field);
      if (!(set instanceof Y.Map)) return [];
      return [...set.entries()]
        .filter(([, on]) => on === true)
        .map(([id]) => id)
        .sort();
    },
    [field],
    { deep: true, equals: arraysEqual },
  );
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
