import { isCollectionName, partOfRootType, type CollectionName, type PlanPart } from '@samplan/plan-model';
import type * as Y from 'yjs';
import type { RootNames } from './RootNames.ts';

/** What one transaction changed: the parts of the plan, and the items (added, changed or removed) by collection. */
export interface Touches {
  parts: Set<PlanPart>;
  items: Map<CollectionName, Set<string>>;
  /** Top-level keys of `meta` it set or removed. */
  metaKeys: Set<string>;
  /** The top-level types it changed (e.g. `about.child`). */
  roots: Set<string>;
}

export function touchesOf(transaction: Y.Transaction, names: RootNames): Touches {
  const touches: Touches = { parts: new Set(), items: new Map(), metaKeys: new Set(), roots: new Set() };
  for (const [type, keys] of transaction.changed) {
    const { name, key } = names.rootOf(type);
    touches.parts.add(partOfRootType(name));
    touches.roots.add(name);
    if (name === 'meta' && key === null) {
      for (const metaKey of keys) if (metaKey !== null) touches.metaKeys.add(metaKey);
    }
    if (!isCollectionName(name)) continue;
    let ids = touches.items.get(name);
    if (!ids) touches.items.set(name, (ids = new Set()));
    // A change of the collection map itself adds or removes items; anything deeper changes the item it is in.
    if (key !== null) ids.add(key);
    else for (const itemKey of keys) if (itemKey !== null) ids.add(itemKey);
  }
  return touches;
}
