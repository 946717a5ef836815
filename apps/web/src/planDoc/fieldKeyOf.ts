import type * as Y from 'yjs';

/**
 * A name for an item's field that every peer computes alike (`<item id>:<field>`), from the field's shared type:
 * the item is the Y.Map it sits in under the field's key, and item ids are unique across the plan.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
export function fieldKeyOf(type: Y.AbstractType<any>): string | null {
  const field = type._item?.parentSub;
  const itemId = type.parent?._item?.parentSub;
  return field && itemId ? `${itemId}:${field}` : null;
}
