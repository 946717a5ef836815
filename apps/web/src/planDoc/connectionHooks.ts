import type { ProgressSummary } from '@samplan/plan-model';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConnectionSnapshot } from '../collab/connectionState.ts';
import type { PlanConnection } from '../collab/PlanConnection.ts';
import type { PresenceEntry } from '../collab/presence.ts';
import { jsonEqual } from '../hooks/useYValue.ts';
import { todayIso } from '../i18n/index.ts';
import { evaluationDueOfDoc, type EvaluationDue } from './evaluationDueOfDoc.ts';
import { progressOfDoc } from './progressOfDoc.ts';

/**
 * The overview's figures: plan-model's summary, and the goals due or overdue for evaluation by the plan's interval
 * (by goal id) with how many are overdue.
 */
export type PlanOverview = ProgressSummary & {
  evaluationDue: Record<string, EvaluationDue>;
  evaluationsOverdue: number;
};

export function useConnectionSnapshot(connection: PlanConnection): ConnectionSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

/** Everyone in the plan now, me first; re-renders only when names, colours, sections or places change. */
export function usePresence(connection: PlanConnection): readonly PresenceEntry[] {
  return useSyncExternalStore(connection.presence.subscribe, connection.presence.entries);
}

/** The others at one item (`collection:id`) or field (`id:field`); re-renders only when they change. */
export function usePeopleAt(connection: PlanConnection, kind: 'item' | 'field', key: string): readonly PresenceEntry[] {
  return useSyncExternalStore(connection.presence.subscribe, () => connection.presence.at(kind, key));
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export function useUndoState(connection: PlanConnection): UndoState {
  const { undoManager } = connection;
  const read = (): UndoState => ({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() });
  const [state, setState] = useState(read);
  useEffect(() => {
    const onChange = (): void =>
      setState((previous) => {
        const next = read();
        return previous.canUndo === next.canUndo && previous.canRedo === next.canRedo ? previous : next;
      });
    undoManager.on('stack-item-added', onChange);
    undoManager.on('stack-item-popped', onChange);
    undoManager.on('stack-cleared', onChange);
    onChange();
    return () => {
      undoManager.off('stack-item-added', onChange);
      undoManager.off('stack-item-popped', onChange);
      undoManager.off('stack-cleared', onChange);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [undoManager]);
  return state;
}

const SUMMARY_DELAY_MS = 200;

/** The plan's progress, recomputed shortly after changes (at most every SUMMARY_DELAY_MS while people type). */
export function useProgressSummary(connection: PlanConnection): PlanOverview | null {
  const { doc } = connection;
  const compute = (): PlanOverview | null => {
    try {
      const today = todayIso();
      const evaluationDue = evaluationDueOfDoc(doc, today);
      const evaluationsOverdue = Object.values(evaluationDue).filter((due) => due.overdue).length;
      return { ...progressOfDoc(doc, today), evaluationDue, evaluationsOverdue };
    } catch {
      return null;
    }
  };
  const [summary, setSummary] = useState<PlanOverview | null>(compute);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = (): void => {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        const next = compute();
        setSummary((previous) => (jsonEqual(previous, next) ? previous : next));
      }, SUMMARY_DELAY_MS);
    };
    doc.on('update', onUpdate);
    onUpdate();
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc]);
  return summary;
}
