import * as Y from 'yjs';
import type { CollectionName } from './collectionSpecs.ts';
import type { ItemMap } from './documentLayout.ts';

/** The short-text field that names an item in lists, headings and history; evaluations are named by their date. */
export const TITLE_FIELDS = {
  goals: 'title',
  measures: 'title',
  evaluations: 'date',
  participants: 'name',
  cooperation: 'name',
  meetings: 'title',
  tasks: 'title',
  services: 'name',
} as const satisfies Record<CollectionName, string>;

/** What an item is called, as plain text ('' when it has no name yet). */
export function itemTitle(collection: CollectionName, item: ItemMap): string {
  const value = item.get(TITLE_FIELDS[collection]);
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}
