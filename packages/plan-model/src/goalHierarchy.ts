import type { CollectionMap } from './documentLayout.ts';
import { isItemMap } from './itemOrder.ts';
import { PlanModelError } from './PlanModelError.ts';

// Goals are two levels deep: hovedmål (parentId null) and delmål (parentId = a hovedmål). Concurrent moves can
// still produce chains or cycles; effectiveParents resolves them the same way on every peer.

const rawParent = (parentId: unknown): string | null =>
  typeof parentId === 'string' && parentId !== '' ? parentId : null;

/** Maps each goal id to the parent it is shown under, or null for a hovedmål. */
export function effectiveParents(rawParents: ReadonlyMap<string, string | null>): Map<string, string | null> {
  const isTopLevel = (id: string): boolean => {
    const parent = rawParents.get(id) ?? null;
    return parent === null || parent === id || !rawParents.has(parent);
  };
  const result = new Map<string, string | null>();
  for (const [id, parent] of rawParents) {
    result.set(id, parent !== null && parent !== id && rawParents.has(parent) && isTopLevel(parent) ? parent : null);
  }
  return result;
}

export function rawParents(goals: CollectionMap): Map<string, string | null> {
  const parents = new Map<string, string | null>();
  for (const [id, item] of goals.entries()) {
    if (isItemMap(item)) parents.set(id, rawParent(item.get('parentId')));
  }
  return parents;
}

// Local guard for writes: keep the two-level shape in this replica.
export function assertValidParent(goals: CollectionMap, goalId: string | null, parentId: string | null): void {
  if (parentId === null) return;
  const parents = effectiveParents(rawParents(goals));
  if (parentId === goalId) throw new PlanModelError('INVALID_PARENT', 'A goal cannot be its own delmål');
  if (!parents.has(parentId)) throw new PlanModelError('INVALID_PARENT', `No goal "${parentId}"`);
  if (parents.get(parentId) !== null) {
    throw new PlanModelError('INVALID_PARENT', 'A delmål cannot have delmål of its own');
  }
  if (goalId !== null && [...parents.values()].includes(goalId)) {
    throw new PlanModelError('INVALID_PARENT', 'A hovedmål with delmål cannot become a delmål');
  }
}
