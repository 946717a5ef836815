import type { DeletionInfo } from '@samplan/api';
import { COLLECTION_NAMES, getCollection, partOfCollection, type CollectionName } from '@samplan/plan-model';
import { useEffect } from 'react';
import * as Y from 'yjs';
import { historyApi } from '../api/historyApi.ts';
import { titleText } from '../history/fieldValue.ts';
import { navigate } from '../routing/navigation.ts';
import { paths } from '../routing/routes.ts';
import { nbHistory } from '../i18n/index.ts';
import { canDo } from '../planDoc/permissions.ts';
import type { NoticeApi } from '../planDoc/NoticeContext.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
type SharedType = Y.AbstractType<any>;

const t = nbHistory.removedNotice;
/** Removals that arrive together (a hovedmål and its delmål, a wipe) are told as one. */
const GATHER_MS = 300;
const SHOWN_MS = 60_000;

interface Removed {
  collection: CollectionName;
  itemId: string;
}

/**
 * When someone else's edit removes an item from the plan, says who removed what, with «Gjenopprett» for whoever
 * may edit that part (the server's record of removals names who did it; a removed item has no title left here).
 */
export function useRemovalNotices(notices: NoticeApi): void {
  const { connection, info } = usePlan();
  useEffect(() => {
    const { doc } = connection;
    const me = connection.user.id;
    const present = new Map<CollectionName, Set<string>>();
    for (const collection of COLLECTION_NAMES) {
      const ids = new Set<string>();
      for (const [id, item] of getCollection(doc, collection).entries()) if (item instanceof Y.Map) ids.add(id);
      present.set(collection, ids);
    }
    let gathered: Removed[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;

    const tell = async (removed: Removed[]): Promise<void> => {
      // The server's recent removals, newest first (by its own clock, not this browser's).
      const { deletions } = await historyApi.deletionsOf(info.id, removed).catch(() => ({ deletions: [] }));
      if (stopped) return;
      const found = removed
        .map(({ collection, itemId }) => deletions.find((d) => d.collection === collection && d.itemId === itemId))
        .filter((d): d is DeletionInfo => d !== undefined && d.by?.id !== me);
      const top = found.filter((d) => d.parentId === null || !found.some((other) => other.itemId === d.parentId));
      const first = top[0];
      if (!first) return;
      const name = first.by?.name ?? t.someone;
      if (top.length > 1) {
        const from = Math.min(...top.map((d) => d.seq)) - 1;
        notices.notify(t.many(name, top.length), {
          durationMs: SHOWN_MS,
          action: {
            label: t.seeRemoved,
            run: async () => {
              navigate(paths.changes(info.id, from));
              return t.many(name, top.length);
            },
          },
        });
        return;
      }
      const noun = nbHistory.itemNoun[first.collection];
      const title = titleText(first.collection, first.title);
      const mayRestore = canDo(info, `edit:${partOfCollection(first.collection)}`);
      notices.notify(t.text(name, noun, title), {
        durationMs: SHOWN_MS,
        ...(mayRestore && {
          action: {
            label: t.restore,
            run: () =>
              historyApi
                .restore(info.id, { toSeq: first.seq - 1, collection: first.collection, itemId: first.itemId })
                .then(
                  () => t.restored(noun, title),
                  () => t.failed,
                ),
          },
        }),
      });
    };

    const onTransaction = (transaction: Y.Transaction): void => {
      for (const collection of COLLECTION_NAMES) {
        const map = getCollection(doc, collection);
        const keys = transaction.changed.get(map as unknown as SharedType);
        if (!keys) continue;
        const ids = present.get(collection)!;
        for (const key of keys) {
          if (key === null) continue;
          if (map.get(key) instanceof Y.Map) ids.add(key);
          else if (ids.delete(key) && !transaction.local) gathered.push({ collection, itemId: key });
        }
      }
      if (gathered.length > 0 && timer === null) {
        timer = setTimeout(() => {
          timer = null;
          const removed = gathered;
          gathered = [];
          void tell(removed);
        }, GATHER_MS);
      }
    };
    doc.on('afterTransaction', onTransaction);
    return () => {
      stopped = true;
      doc.off('afterTransaction', onTransaction);
      if (timer !== null) clearTimeout(timer);
    };
  }, [connection, info, notices]);
}
