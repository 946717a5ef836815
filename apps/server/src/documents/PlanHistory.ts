import {
  planToJSON,
  PlanModelError,
  restoreFrom,
  type PlanJSON,
  type PlanPart,
  type RestoreScope,
} from '@samplan/plan-model';
import * as Y from 'yjs';
import type { NewAccessLogEntry } from '../storage/AccessLogStore.ts';
import type { UpdateKind } from '../storage/DocumentStore.ts';
import type { DeletionRecord, HistoryStore, VersionName, VersionRecord } from '../storage/HistoryStore.ts';
import type { DocumentLog } from './DocumentLog.ts';
import { HistoryError } from './HistoryError.ts';
import { diffPlans, TouchLedger, type ChangeRecord } from './planChanges.ts';
import type { DocumentProjector } from './projections/DocumentProjector.ts';
import { RootNames } from './projections/RootNames.ts';
import { touchesOf } from './projections/touchesOf.ts';

/** Commits an update the server makes, through the plan's room when it is open (collab's RoomManager). */
export interface ServerCommits {
  commitServerUpdate(planId: string, update: Uint8Array, userId: string, kind: UpdateKind): Promise<number>;
}

export interface PlanHistoryDeps {
  log: DocumentLog;
  projector: DocumentProjector;
  history: HistoryStore;
  commits: ServerCommits;
}

const REPLAY_PAGE = 1000;
/** Replaying runs in slices of at most this long, so a long comparison never stalls the sync of other plans. */
const SLICE_MS = 4;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The plan as JSON, or PLAN_UNREADABLE. */
function readable(doc: Y.Doc): PlanJSON {
  try {
    return planToJSON(doc);
  } catch (error) {
    throw new HistoryError('PLAN_UNREADABLE', 'Denne versjonen av planen kan ikke leses', { cause: error });
  }
}

/**
 * A plan's history, made from its update log: versions, the plan as it was at any of them, what changed between
 * two, and restores, which are new updates committed like any other (history is never rewritten). No auth here:
 * the routes decide who may ask.
 */
export class PlanHistory {
  private readonly deps: PlanHistoryDeps;
  /** Comparisons run one at a time per plan: asking many at once costs no more than asking one after another. */
  private readonly comparing = new Map<string, Promise<unknown>>();

  constructor(deps: PlanHistoryDeps) {
    this.deps = deps;
  }

  /** Versions newest first, with their names; `head` is the last update the list has reached. */
  async versions(
    planId: string,
    options: { beforeSeq?: number; limit: number },
  ): Promise<{
    head: number;
    versions: VersionRecord[];
    names: Map<number, VersionName>;
    removed: Map<number, DeletionRecord[]>;
  }> {
    const head = await this.deps.projector.catchUp(planId);
    const [versions, names] = await Promise.all([
      this.deps.history.versions(planId, options),
      this.deps.history.names(planId),
    ]);
    // What each version removed, top-level items only (a delmål goes with its hovedmål): one query for the page.
    const removed = new Map<number, DeletionRecord[]>();
    const oldest = versions[versions.length - 1];
    if (oldest) {
      const deletions = await this.deps.history.deletionsBetween(planId, oldest.fromSeq, versions[0]!.toSeq);
      for (const version of versions) {
        const inVersion = deletions.filter((d) => d.seq >= version.fromSeq && d.seq <= version.toSeq);
        const top = inVersion.filter(
          (d) => d.parentId === null || !inVersion.some((other) => other.seq === d.seq && other.itemId === d.parentId),
        );
        if (top.length > 0) removed.set(version.fromSeq, top);
      }
    }
    return { head, versions, names: new Map(names.map((name) => [name.seq, name])), removed };
  }

  /** Names the plan as it is now, logged as `logAs` says; VERSION_ALREADY_NAMED when that version has a name. */
  async name(
    planId: string,
    name: string,
    userId: string,
    logAs: (seq: number) => Promise<NewAccessLogEntry>,
  ): Promise<number> {
    const seq = await this.deps.projector.nameCurrent(planId, name, userId, logAs);
    if (seq === null) throw new HistoryError('VERSION_ALREADY_NAMED', 'Denne versjonen har allerede et navn');
    return seq;
  }

  /** The plan as it was right after update `seq`. */
  async contentAt(planId: string, seq: number): Promise<PlanJSON> {
    const doc = await this.deps.log.docAt(planId, seq);
    try {
      return readable(doc);
    } finally {
      doc.destroy();
    }
  }

  /** What differs between the plan after `from` and after `to`, with who made each change. */
  changes(planId: string, from: number, to: number): Promise<ChangeRecord[]> {
    const previous = this.comparing.get(planId) ?? Promise.resolve();
    const next = previous.then(
      () => this.compare(planId, from, to),
      () => this.compare(planId, from, to),
    );
    const settled = next.catch(() => undefined);
    this.comparing.set(planId, settled);
    void settled.then(() => {
      if (this.comparing.get(planId) === settled) this.comparing.delete(planId);
    });
    return next;
  }

  private async compare(planId: string, from: number, to: number): Promise<ChangeRecord[]> {
    if (to > (await this.deps.log.head(planId))) {
      throw new HistoryError('VERSION_NOT_FOUND', `plan ${planId} has no version ${to}`);
    }
    const doc = await this.deps.log.docAt(planId, from);
    try {
      const before = readable(doc);
      const ledger = new TouchLedger();
      const names = new RootNames(doc);
      let current: { userId: string | null; seq: number } = { userId: null, seq: from };
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        ledger.add(touchesOf(transaction, names), current.userId, current.seq);
      });
      let sliceStart = performance.now();
      for (let after = from; after < to;) {
        const page = await this.deps.log.history(planId, { afterSeq: after, upToSeq: to, limit: REPLAY_PAGE });
        if (page.length === 0) break;
        for (const stored of page) {
          if (performance.now() - sliceStart > SLICE_MS) {
            await yieldToEventLoop();
            sliceStart = performance.now();
          }
          current = { userId: stored.userId, seq: stored.seq };
          Y.applyUpdate(doc, stored.update);
        }
        after = page[page.length - 1]!.seq;
      }
      return diffPlans(before, readable(doc), ledger);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Brings back `scope` as it was right after `toSeq`, as a new update by `userId`, committed through the plan's
   * room so its peers get it at once. `mayWrite` is asked, before anything is committed, with every part the
   * update touches (an item's restore re-links items in other parts), and throws to refuse. Resolves with its seq,
   * or null when nothing differed.
   */
  async restore(
    planId: string,
    toSeq: number,
    scope: RestoreScope,
    userId: string,
    mayWrite: (parts: ReadonlySet<PlanPart>) => Promise<void>,
  ): Promise<number | null> {
    const past = await this.deps.log.docAt(planId, toSeq);
    const doc = await this.deps.log.currentDoc(planId);
    try {
      let update: Uint8Array | null = null;
      const parts = new Set<PlanPart>();
      const names = new RootNames(doc);
      doc.on('update', (change: Uint8Array) => {
        update = update ? Y.mergeUpdates([update, change]) : change;
      });
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        for (const part of touchesOf(transaction, names).parts) parts.add(part);
      });
      try {
        restoreFrom(doc, past, scope);
      } catch (error) {
        if (error instanceof PlanModelError && error.reason === 'ITEM_NOT_FOUND') {
          throw new HistoryError('ITEM_NOT_IN_VERSION', 'Elementet fantes ikke i den versjonen', { cause: error });
        }
        throw error;
      }
      if (update === null) return null;
      await mayWrite(parts);
      return await this.deps.commits.commitServerUpdate(planId, update, userId, 'restore');
    } finally {
      doc.destroy();
      past.destroy();
    }
  }

  /** Items removed since `since` (ms), newest first. */
  async deletions(planId: string, since: number, limit: number): Promise<DeletionRecord[]> {
    await this.deps.projector.catchUp(planId);
    return this.deps.history.deletions(planId, { since, limit });
  }
}
