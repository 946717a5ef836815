import {
  getCollection,
  isCollectionName,
  itemTitle,
  isPlanRichTextField,
  TITLE_FIELDS,
  type CollectionName,
} from '@samplan/plan-model';
import { useEffect } from 'react';
import * as Y from 'yjs';
import { titleText } from '../history/fieldValue.ts';
import { nbHistory } from '../i18n/index.ts';
import { navigate } from '../routing/navigation.ts';
import { paths } from '../routing/routes.ts';
import type { NoticeApi } from '../planDoc/NoticeContext.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
type SharedType = Y.AbstractType<any>;

const t = nbHistory.mergedApart;
const SHOWN_MS = 60_000;

/** A field of the plan: an item's (`collection`, `itemId`, `field`) or one of the plan's own rich texts. */
interface FieldPlace {
  key: string;
  collection: CollectionName | null;
  itemId: string | null;
  field: string;
}

/** The name a top-level type has in the document. */
function rootName(doc: Y.Doc, type: SharedType): string | null {
  for (const [name, root] of doc.share) if (root === type) return name;
  return null;
}

/** The plan field a shared type is (an item's text or rich text, or a plan rich text), or null. */
function placeOfType(doc: Y.Doc, type: SharedType): FieldPlace | null {
  const own = type._item;
  if (own === null) {
    const name = rootName(doc, type);
    return name && isPlanRichTextField(name) ? { key: name, collection: null, itemId: null, field: name } : null;
  }
  if (own.parentSub === null) return null;
  return placeInItem(doc, own.parent as SharedType, own.parentSub);
}

/** The field `field` of `item`, when `item` is an item of one of the plan's collections. */
function placeInItem(doc: Y.Doc, item: SharedType, field: string): FieldPlace | null {
  const itemOwn = item._item;
  if (itemOwn === null || itemOwn.parentSub === null) return null;
  const collection = rootName(doc, itemOwn.parent as SharedType);
  if (!collection || !isCollectionName(collection)) return null;
  return { key: `${collection}\n${itemOwn.parentSub}\n${field}`, collection, itemId: itemOwn.parentSub, field };
}

/** Every plan field a transaction changed: texts by what changed inside them, other values by their key. */
function fieldsChangedBy(transaction: Y.Transaction): FieldPlace[] {
  const doc = transaction.doc;
  const places = new Map<string, FieldPlace>();
  for (const type of transaction.changedParentTypes.keys()) {
    const place = placeOfType(doc, type);
    if (place) places.set(place.key, place);
  }
  for (const [type, keys] of transaction.changed) {
    for (const key of keys) {
      if (key === null) continue;
      const place = placeInItem(doc, type, key);
      if (place) places.set(place.key, place);
    }
  }
  return [...places.values()];
}

/**
 * Says so when a field this member changed while not connected was changed elsewhere meanwhile: once back, both
 * changes are in the plan (two texts merged letter by letter, or one choice over the other), and neither of them
 * would know. Told once the plan is in step again, naming the field, with the way to the history.
 */
export function useMergedApartNotices(notices: NoticeApi): void {
  const { connection, info } = usePlan();
  useEffect(() => {
    const { doc } = connection;
    /** Fields changed here since the plan was last in step with the server. */
    const changedApart = new Map<string, FieldPlace>();
    /** Of those, the ones the server's catching up changed too. */
    const changedBoth = new Map<string, FieldPlace>();
    let inStep = connection.getSnapshot().state === 'connected';

    const onTransaction = (transaction: Y.Transaction): void => {
      // Read only while apart (own edits) or catching up after it (others'): not on every keystroke in step.
      if (transaction.local ? inStep : changedApart.size === 0) return;
      const places = fieldsChangedBy(transaction);
      if (transaction.local) for (const place of places) changedApart.set(place.key, place);
      else for (const place of places) if (changedApart.has(place.key)) changedBoth.set(place.key, place);
    };

    const tell = (): void => {
      const both = [...changedBoth.values()];
      const first = both[0];
      if (!first) return;
      const action = {
        label: t.seeHistory,
        run: async () => {
          navigate(paths.history(info.id));
          return t.opened;
        },
      };
      if (both.length > 1) return notices.notify(t.many(both.length), { durationMs: SHOWN_MS, action });
      const fieldName = nbHistory.field(first.collection ?? undefined, first.field);
      if (first.collection && first.itemId) {
        const item = getCollection(doc, first.collection).get(first.itemId);
        const title = item ? titleText(first.collection, itemTitle(first.collection, item)) : '';
        const noun = nbHistory.itemNoun[first.collection];
        // A text merges both changes; a choice or a date is the one set last, which may not be this member's.
        const say = item?.get(first.field) instanceof Y.AbstractType ? t.one : t.oneChoice;
        // The item's name itself: said as the item («målet «…»»), not as its field («Målet» i målet «…»).
        const text =
          first.field === TITLE_FIELDS[first.collection]
            ? say(`${noun}${title ? ` «${title}»` : ''}`)
            : say(`«${fieldName}»${t.inItem(noun, title)}`);
        return notices.notify(text, { durationMs: SHOWN_MS, action });
      }
      notices.notify(t.one(`«${fieldName}»`), { durationMs: SHOWN_MS, action });
    };

    const unsubscribe = connection.subscribe(() => {
      const now = connection.getSnapshot().state === 'connected';
      if (now && !inStep) {
        tell();
        changedApart.clear();
        changedBoth.clear();
      }
      inStep = now;
    });
    doc.on('afterTransaction', onTransaction);
    return () => {
      unsubscribe();
      doc.off('afterTransaction', onTransaction);
    };
  }, [connection, info, notices]);
}
