import {
  addItem,
  moveItem,
  removeItem,
  updateItem,
  updateMeta,
  type CollectionName,
  type ItemInput,
  type Placement,
  type PlanMetaPatch,
} from '@samplan/plan-model';
import { useMemo } from 'react';
import { nb } from '../i18n/index.ts';
import { useNotice } from './NoticeContext.tsx';
import { usePlan } from './PlanContext.tsx';

export interface PlanActions {
  add<C extends CollectionName>(collection: C, fields?: ItemInput<C>, placement?: Placement): string;
  update<C extends CollectionName>(collection: C, id: string, patch: ItemInput<C>): void;
  /** Removes and tells the user, with a button to undo it. */
  remove(collection: CollectionName, id: string, what: string): void;
  /** Moves an item one step among `siblings` (its ordered neighbours, itself included). */
  move(collection: CollectionName, id: string, siblings: readonly string[], direction: -1 | 1): void;
  updateMeta(patch: PlanMetaPatch): void;
}

/** The plan's write operations, each one this user's own undoable edit. */
export function usePlanActions(): PlanActions {
  const { connection, canWrite } = usePlan();
  const { notify } = useNotice();
  return useMemo(() => {
    const { doc } = connection;
    let id = '';
    return {
      add(collection, fields, placement) {
        connection.transact(() => {
          id = addItem(doc, collection, fields, placement);
        });
        return id;
      },
      update(collection, itemId, patch) {
        connection.transact(() => updateItem(doc, collection, itemId, patch));
      },
      remove(collection, itemId, what) {
        connection.undoManager.stopCapturing();
        connection.transact(() => removeItem(doc, collection, itemId, { mayWrite: canWrite }));
        connection.undoManager.stopCapturing();
        notify(nb.plan.deleted(what), { undoable: true });
      },
      move(collection, itemId, siblings, direction) {
        const index = siblings.indexOf(itemId);
        const neighbour = siblings[index + direction];
        if (index < 0 || neighbour === undefined) return;
        connection.transact(() =>
          moveItem(doc, collection, itemId, direction < 0 ? { before: neighbour } : { after: neighbour }),
        );
      },
      updateMeta(patch) {
        connection.transact(() => updateMeta(doc, patch));
      },
    } satisfies PlanActions;
  }, [connection, canWrite, notify]);
}
