import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getCollection, type CollectionName } from '@samplan/plan-model';
import { usePlan } from '../planDoc/PlanContext.tsx';

interface OpenItemState {
  openKey: string | null;
  setOpenKey(key: string | null): void;
}

const OpenItemContext = createContext<OpenItemState | null>(null);

/** One item of a section is open to edit at a time; the others are read as cards. The others see which. */
export function OpenItemProvider({ children }: { children: ReactNode }) {
  const { connection } = usePlan();
  const [openKey, setOpenKey] = useState<string | null>(null);
  useEffect(() => {
    connection.setOpenItem(openKey);
    return () => connection.setOpenItem(null);
  }, [connection, openKey]);
  // The open item deleted by someone else: it is closed (or it would come back open if they undo), and the focus,
  // which was in it, goes to the section's heading. The notice says who deleted it.
  useEffect(() => {
    if (!openKey) return;
    const [collection, id] = openKey.split(':') as [CollectionName, string];
    const items = getCollection(connection.doc, collection);
    const check = (): void => {
      if (items.has(id)) return;
      const focusWasIn = document.activeElement?.closest('li[data-open]') != null;
      setOpenKey(null);
      // Once the card is gone (after this render), the focus it had would be nowhere.
      setTimeout(() => {
        const lost = document.activeElement === document.body || document.activeElement === null;
        if (focusWasIn && lost) document.getElementById('section-heading')?.focus();
      });
    };
    items.observe(check);
    return () => items.unobserve(check);
  }, [connection, openKey]);
  const value = useMemo(() => ({ openKey, setOpenKey }), [openKey]);
  return <OpenItemContext.Provider value={value}>{children}</OpenItemContext.Provider>;
}

export const itemKey = (collection: CollectionName, id: string): string => `${collection}:${id}`;

/** Whether this item is open to edit, and how to open or close it. */
export function useOpenItem(collection: CollectionName, id: string): { isOpen: boolean; open(): void; close(): void } {
  const state = useContext(OpenItemContext);
  if (!state) throw new Error('useOpenItem outside OpenItemProvider');
  const key = itemKey(collection, id);
  return {
    isOpen: state.openKey === key,
    open: () => state.setOpenKey(key),
    close: () => state.setOpenKey(null),
  };
}

/** Opens an item just added (so its first field gets the focus). */
export function useOpenNewItem(): (collection: CollectionName, id: string) => void {
  const state = useContext(OpenItemContext);
  if (!state) throw new Error('useOpenNewItem outside OpenItemProvider');
  return (collection, id) => state.setOpenKey(itemKey(collection, id));
}
