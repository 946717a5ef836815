import * as Y from 'yjs';
import { COLLECTION_NAMES, isCollectionName, type CollectionName, type FieldSpec } from './collectionSpecs.ts';
import { getCollection, getMetaMap, isPlanRichTextField, META_MAP_NAME, type ItemMap } from './documentLayout.ts';
import { fieldSpecs } from './fieldValues.ts';
import { isItemMap } from './itemOrder.ts';
import { PLAN_PARTS, rootTypesOfPart, type PlanPart } from './planParts.ts';
import { PlanModelError } from './PlanModelError.ts';
import { richTextToJSON } from './richTextToJSON.ts';
import { emptyRichText, type RichTextDoc } from './richTextSchema.ts';
import { setText } from './setText.ts';
import { replaceRichText } from './writeRichText.ts';

/** What to bring back: the whole plan, one part of it, or one item (a goal with its delmål and the links to it). */
export type RestoreScope =
  { kind: 'plan' } | { kind: 'part'; part: PlanPart } | { kind: 'item'; collection: CollectionName; itemId: string };

type Raw = Y.Map<unknown>;

const isShared = (value: unknown): boolean => value instanceof Y.AbstractType;
const sameValue = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

const textOf = (value: unknown): string =>
  value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
const richTextOf = (value: unknown): RichTextDoc =>
  value instanceof Y.XmlFragment ? richTextToJSON(value) : emptyRichText();
const idsOf = (value: unknown): Set<string> =>
  new Set(value instanceof Y.Map ? [...value.entries()].filter(([, on]) => on === true).map(([id]) => id) : []);

/** Sets `key` of `map` to a plain value as it was, or removes it when it was absent (or not a plain value). */
function copyPlain(map: Raw, key: string, pastMap: Raw): void {
  const value = pastMap.get(key);
  if (!pastMap.has(key) || isShared(value)) {
    if (map.has(key)) map.delete(key);
  } else if (!map.has(key) || !sameValue(map.get(key), value)) {
    map.set(key, value);
  }
}

function copyField(item: ItemMap, pastItem: ItemMap, field: string, spec: FieldSpec): void {
  const current = item.get(field);
  const past = pastItem.get(field);
  switch (spec.kind) {
    case 'text':
      if (current instanceof Y.Text) setText(current, textOf(past));
      else item.set(field, new Y.Text(textOf(past)));
      return;
    case 'richText': {
      const content = richTextOf(past);
      if (current instanceof Y.XmlFragment) {
        if (!sameValue(richTextToJSON(current), content)) replaceRichText(current, content);
      } else {
        const fragment = new Y.XmlFragment();
        item.set(field, fragment);
        replaceRichText(fragment, content);
      }
      return;
    }
    case 'idSet': {
      const wanted = idsOf(past);
      let set = current;
      if (!(set instanceof Y.Map)) {
        set = new Y.Map<unknown>();
        item.set(field, set);
      }
      const ids = set as Y.Map<unknown>;
      for (const id of [...ids.keys()]) if (!wanted.has(id)) ids.delete(id);
      for (const id of wanted) if (ids.get(id) !== true) ids.set(id, true);
      return;
    }
    case 'ref':
    case 'plain':
      copyPlain(item, field, pastItem);
      return;
  }
}

/** Makes one item what it was (recreated with its own id if it is gone). */
function restoreItemFields(doc: Y.Doc, collection: CollectionName, id: string, pastItem: ItemMap): void {
  const items = getCollection(doc, collection);
  let item = items.get(id);
  if (!isItemMap(item)) {
    item = new Y.Map<unknown>();
    items.set(id, item);
  }
  if (item.get('id') !== id) item.set('id', id);
  copyPlain(item, 'position', pastItem);
  for (const [field, spec] of fieldSpecs(collection)) copyField(item, pastItem, field, spec);
}

function restoreCollection(doc: Y.Doc, past: Y.Doc, collection: CollectionName): void {
  const items = getCollection(doc, collection);
  const pastItems = getCollection(past, collection);
  for (const id of [...items.keys()]) if (!isItemMap(pastItems.get(id))) items.delete(id);
  for (const [id, pastItem] of pastItems.entries()) {
    if (isItemMap(pastItem)) restoreItemFields(doc, collection, id, pastItem);
  }
}

function restoreRichTextRoot(doc: Y.Doc, past: Y.Doc, name: string): void {
  const fragment = doc.getXmlFragment(name);
  const content = richTextToJSON(past.getXmlFragment(name));
  if (!sameValue(richTextToJSON(fragment), content)) replaceRichText(fragment, content);
}

/** What a plan never loses to a restore, even from a version that lacked it: which schema it is, and its birth. */
const KEPT_META = new Set(['schemaVersion', 'createdAt']);

function restoreMeta(doc: Y.Doc, past: Y.Doc): void {
  const meta = getMetaMap(doc);
  const pastMeta = getMetaMap(past);
  for (const key of new Set([...meta.keys(), ...pastMeta.keys()])) {
    if (KEPT_META.has(key) && !pastMeta.has(key)) continue;
    copyPlain(meta, key, pastMeta);
  }
}

function restoreRoot(doc: Y.Doc, past: Y.Doc, name: string): void {
  if (name === META_MAP_NAME) restoreMeta(doc, past);
  else if (isCollectionName(name)) restoreCollection(doc, past, name);
  else if (isPlanRichTextField(name)) restoreRichTextRoot(doc, past, name);
}

/**
 * Links that pointed at restored items (a measure's goals, a task's meeting, the coordinator) and still point
 * nowhere else: they point at them again. A link someone has since pointed elsewhere is left as it is.
 */
function restoreLinksTo(doc: Y.Doc, past: Y.Doc, collection: CollectionName, ids: ReadonlySet<string>): void {
  const targets = getCollection(doc, collection);
  const pointsNowhere = (value: unknown): boolean => typeof value !== 'string' || !isItemMap(targets.get(value));
  for (const other of COLLECTION_NAMES) {
    const links = fieldSpecs(other).filter(([, spec]) => 'target' in spec && spec.target === collection);
    if (links.length === 0) continue;
    const pastItems = getCollection(past, other);
    for (const [id, item] of getCollection(doc, other).entries()) {
      const pastItem = pastItems.get(id);
      if (!isItemMap(item) || !isItemMap(pastItem)) continue;
      for (const [field, spec] of links) {
        const was = pastItem.get(field);
        if (spec.kind === 'ref') {
          if (typeof was === 'string' && ids.has(was) && pointsNowhere(item.get(field))) item.set(field, was);
        } else if (spec.kind === 'idSet') {
          const restored = [...idsOf(was)].filter((linked) => ids.has(linked));
          if (restored.length === 0) continue;
          let set = item.get(field);
          if (!(set instanceof Y.Map)) {
            set = new Y.Map<unknown>();
            item.set(field, set);
          }
          for (const linked of restored)
            if ((set as Y.Map<unknown>).get(linked) !== true) (set as Raw).set(linked, true);
        }
      }
    }
  }
  const coordinator = getMetaMap(past).get('coordinatorId');
  const meta = getMetaMap(doc);
  if (collection === 'participants' && typeof coordinator === 'string' && ids.has(coordinator)) {
    if (pointsNowhere(meta.get('coordinatorId'))) meta.set('coordinatorId', coordinator);
  }
}

function restoreItem(doc: Y.Doc, past: Y.Doc, collection: CollectionName, itemId: string): void {
  const pastItems = getCollection(past, collection);
  const pastItem = pastItems.get(itemId);
  if (!isItemMap(pastItem)) {
    throw new PlanModelError('ITEM_NOT_FOUND', `No item "${itemId}" in ${collection} at that version`);
  }
  const restored = new Set([itemId]);
  restoreItemFields(doc, collection, itemId, pastItem);
  if (collection === 'goals') {
    // A hovedmål comes back with the delmål it had that are gone now.
    const current = getCollection(doc, 'goals');
    for (const [id, goal] of pastItems.entries()) {
      if (id === itemId || !isItemMap(goal) || goal.get('parentId') !== itemId || isItemMap(current.get(id))) continue;
      restoreItemFields(doc, 'goals', id, goal);
      restored.add(id);
    }
  }
  restoreLinksTo(doc, past, collection, restored);
}

/**
 * Makes `doc` (the plan now) what `past` (the plan at an earlier version) was, within `scope`, as one transaction of
 * ordinary edits: items deleted since come back with their own ids, changed fields get their old values, and (for a
 * part or the whole plan) items added since are removed. History is never rewritten; peers merge this like any edit.
 */
export function restoreFrom(doc: Y.Doc, past: Y.Doc, scope: RestoreScope): void {
  if (scope.kind === 'item' && !isCollectionName(scope.collection)) {
    throw new PlanModelError('UNKNOWN_COLLECTION', `Unknown collection "${String(scope.collection)}"`);
  }
  const parts: readonly PlanPart[] = scope.kind === 'plan' ? PLAN_PARTS : scope.kind === 'part' ? [scope.part] : [];
  doc.transact(() => {
    if (scope.kind === 'item') restoreItem(doc, past, scope.collection, scope.itemId);
    for (const part of parts) for (const root of rootTypesOfPart(part)) restoreRoot(doc, past, root);
  });
}
