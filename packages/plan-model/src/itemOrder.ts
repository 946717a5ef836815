import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import type { CollectionMap, ItemMap } from './documentLayout.ts';
import { PlanModelError } from './PlanModelError.ts';

export interface OrderedItem {
  id: string;
  position: string;
  item: ItemMap;
}

/** Where an item goes: right after one item, right before one, or (neither) at the end. */
export type Placement =
  | { after: string; before?: undefined }
  | { before: string; after?: undefined }
  | { after?: undefined; before?: undefined };

const byPositionThenId = (a: OrderedItem, b: OrderedItem): number =>
  a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

// Order = (position, id): two peers inserting at the same spot get the same key, and the id breaks the tie
// identically everywhere. Code-unit comparison, never localeCompare, so every runtime agrees.
export function orderedItems(collection: CollectionMap): OrderedItem[] {
  const items: OrderedItem[] = [];
  for (const [id, item] of collection.entries()) {
    if (!isItemMap(item)) continue;
    const position = item.get('position');
    items.push({ id, position: typeof position === 'string' ? position : '', item });
  }
  return items.sort(byPositionThenId);
}

export function isItemMap(value: unknown): value is ItemMap {
  return value instanceof Y.Map;
}

function keysAfter(
  items: readonly OrderedItem[],
  prevIndex: number,
  n: number,
): { keys: string[]; tied: OrderedItem[] } {
  const prev = items[prevIndex];
  // Items sharing prev's key sort among themselves by id, which we cannot choose, so they move behind the new one.
  const tied: OrderedItem[] = [];
  for (let i = prevIndex + 1; prev && i < items.length && items[i]?.position === prev.position; i++) {
    tied.push(items[i] as OrderedItem);
  }
  const upper = items[prevIndex + 1 + tied.length]?.position ?? null;
  return { keys: generateNKeysBetween(prev?.position ?? null, upper, n + tied.length), tied };
}

// Returns a position key for an item placed as asked, rewriting neighbours' keys only when they tie.
// Must run inside a transaction.
export function placeItem(collection: CollectionMap, placement: Placement, movingId?: string): string {
  const items = orderedItems(collection).filter((entry) => entry.id !== movingId);
  const indexOf = (id: string): number => {
    const index = items.findIndex((entry) => entry.id === id);
    if (index < 0) throw new PlanModelError('ITEM_NOT_FOUND', `No item "${id}" to place next to`);
    return index;
  };
  const prevIndex =
    placement.after !== undefined
      ? indexOf(placement.after)
      : placement.before !== undefined
        ? indexOf(placement.before) - 1
        : items.length - 1;
  let result: { keys: string[]; tied: OrderedItem[] };
  try {
    result = keysAfter(items, prevIndex, 1);
  } catch {
    // A corrupt key (written by a buggy or hostile peer) makes fractional-indexing throw: renumber everything.
    const fresh = generateNKeysBetween(null, null, items.length);
    items.forEach((entry, index) => {
      entry.position = fresh[index] as string;
      entry.item.set('position', entry.position);
    });
    result = keysAfter(items, prevIndex, 1);
  }
  result.tied.forEach((entry, index) => entry.item.set('position', result.keys[index + 1]));
  return result.keys[0] as string;
}
