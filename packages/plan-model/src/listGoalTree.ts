import type * as Y from 'yjs';
import { getCollection } from './documentLayout.ts';
import { effectiveParents, rawParents } from './goalHierarchy.ts';
import { orderedItems } from './itemOrder.ts';

export interface GoalTreeNode {
  id: string;
  /** Delmål ids in display order. */
  childIds: string[];
}

// Hovedmål in display order with their delmål, resolved exactly as planToJSON does (orphans and cycles from
// concurrent moves show as hovedmål), so an outline view and the export never disagree.
export function listGoalTree(doc: Y.Doc): GoalTreeNode[] {
  const goals = getCollection(doc, 'goals');
  const parents = effectiveParents(rawParents(goals));
  const nodes = new Map<string, GoalTreeNode>();
  const ordered = orderedItems(goals);
  for (const { id } of ordered) if ((parents.get(id) ?? null) === null) nodes.set(id, { id, childIds: [] });
  for (const { id } of ordered) {
    const parent = parents.get(id) ?? null;
    if (parent !== null) nodes.get(parent)?.childIds.push(id);
  }
  return [...nodes.values()];
}
