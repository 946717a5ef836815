import {
  COLLECTION_NAMES,
  getCollection,
  getMetaMap,
  itemTitle,
  type CollectionName,
  type ItemMap,
} from '@samplan/plan-model';
import * as Y from 'yjs';
import type { Touches } from './touchesOf.ts';

export interface RemovedItem {
  collection: CollectionName;
  itemId: string;
  title: string;
  parentId: string | null;
}

/** Something that happened in a transaction that names the version it ends. */
export type Milestone =
  { kind: 'meeting'; meetingId: string; title: string; date: string | null } | { kind: 'revision'; date: string };

interface Entry {
  title: string;
  parentId: string | null;
  status: unknown;
}

const entryOf = (collection: CollectionName, item: ItemMap): Entry => {
  const parentId = item.get('parentId');
  return {
    title: itemTitle(collection, item),
    parentId: typeof parentId === 'string' ? parentId : null,
    status: item.get('status'),
  };
};

const isItem = (value: unknown): value is ItemMap => value instanceof Y.Map;

/**
 * What the projections need to remember of the plan as it was before each update: every item's title (a removed
 * item no longer has one), parents and meeting statuses, and when it was last revised.
 */
export class PlanIndex {
  private readonly doc: Y.Doc;
  private readonly items = new Map<CollectionName, Map<string, Entry>>();
  private lastRevision: unknown;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    for (const collection of COLLECTION_NAMES) {
      const entries = new Map<string, Entry>();
      for (const [id, item] of getCollection(doc, collection).entries()) {
        if (isItem(item)) entries.set(id, entryOf(collection, item));
      }
      this.items.set(collection, entries);
    }
    this.lastRevision = getMetaMap(doc).get('lastRevision');
  }

  /**
   * Brings the index up to date after a transaction; returns the items it removed, those it added (new, or back after
   * a removal) and the milestones it reached.
   */
  update(touches: Touches): {
    removed: RemovedItem[];
    appeared: Array<{ collection: CollectionName; itemId: string }>;
    milestones: Milestone[];
  } {
    const removed: RemovedItem[] = [];
    const appeared: Array<{ collection: CollectionName; itemId: string }> = [];
    const milestones: Milestone[] = [];
    for (const [collection, ids] of touches.items) {
      const entries = this.items.get(collection)!;
      const map = getCollection(this.doc, collection);
      for (const id of ids) {
        const before = entries.get(id);
        const item = map.get(id);
        if (!isItem(item)) {
          if (before) {
            removed.push({ collection, itemId: id, title: before.title, parentId: before.parentId });
            entries.delete(id);
          }
          continue;
        }
        const after = entryOf(collection, item);
        entries.set(id, after);
        if (!before) appeared.push({ collection, itemId: id });
        if (collection === 'meetings' && after.status === 'gjennomfort' && before?.status !== 'gjennomfort') {
          const date = item.get('date');
          milestones.push({
            kind: 'meeting',
            meetingId: id,
            title: after.title,
            date: typeof date === 'string' ? date : null,
          });
        }
      }
    }
    if (touches.metaKeys.has('lastRevision')) {
      const value = getMetaMap(this.doc).get('lastRevision');
      if (typeof value === 'string' && value !== this.lastRevision) milestones.push({ kind: 'revision', date: value });
      this.lastRevision = value;
    }
    // A delmål removed with its hovedmål names it as its parent only when the hovedmål went too.
    const removedIds = new Set(removed.map((item) => `${item.collection}:${item.itemId}`));
    for (const item of removed) {
      if (item.parentId !== null && !removedIds.has(`${item.collection}:${item.parentId}`)) item.parentId = null;
    }
    return { removed, appeared, milestones };
  }
}
