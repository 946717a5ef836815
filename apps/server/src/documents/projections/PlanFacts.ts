import { emptyProgressFacts, PROGRESS_FACTS_VERSION, type ProgressFacts } from '@samplan/plan-model';
import type { HistoryStore } from '../../storage/HistoryStore.ts';
import type { DocumentLog } from '../DocumentLog.ts';
import type { DocumentProjector } from './DocumentProjector.ts';

export interface LastWrite {
  seq: number;
  at: number;
  userId: string | null;
}

/**
 * Each plan's progress facts as of its last commit, from the projections: plans edited since are caught up first,
 * and facts an older server stored with fewer fields are computed again. Read by the caseload and the notifier.
 */
export class PlanFacts {
  constructor(private readonly deps: { documents: DocumentLog; projector: DocumentProjector; history: HistoryStore }) {}

  /** With `catchUp: false`, the facts as the projections last stored them (plans edited since are not replayed). */
  async of(
    planIds: readonly string[],
    options: { catchUp?: boolean } = {},
  ): Promise<{
    facts: Map<string, ProgressFacts>;
    lastWrites: Map<string, LastWrite | undefined>;
  }> {
    const { documents, projector, history } = this.deps;
    const [stored, writes] = await Promise.all([
      history.progress(planIds),
      Promise.all(planIds.map((planId) => documents.lastWrite(planId))),
    ]);
    const facts = new Map([...stored].map(([planId, { facts: text }]) => [planId, JSON.parse(text) as ProgressFacts]));
    const behind =
      options.catchUp === false
        ? []
        : planIds.filter((planId, i) => (stored.get(planId)?.seq ?? -1) < (writes[i]?.seq ?? 0));
    if (behind.length > 0) await Promise.all(behind.map((planId) => projector.catchUp(planId)));
    const old = planIds.filter(
      (planId) =>
        !behind.includes(planId) && facts.has(planId) && facts.get(planId)!.version !== PROGRESS_FACTS_VERSION,
    );
    if (old.length > 0) await Promise.all(old.map((planId) => projector.refreshFacts(planId)));
    if (behind.length + old.length > 0) {
      for (const [planId, { facts: text }] of await history.progress([...behind, ...old])) {
        facts.set(planId, JSON.parse(text) as ProgressFacts);
      }
    }
    return {
      facts: new Map(planIds.map((planId) => [planId, facts.get(planId) ?? emptyProgressFacts()])),
      lastWrites: new Map(planIds.map((planId, i) => [planId, writes[i]])),
    };
  }
}
