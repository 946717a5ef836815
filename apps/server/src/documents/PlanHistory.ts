import {
  PLAN_PARTS,
  partOfCollection,
  partOfRootType,
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
import { applyUpdates } from './applyUpdates.ts';
import type { DocumentLog } from './DocumentLog.ts';
import { HistoryError } from './HistoryError.ts';
import type { KeyedQueue } from './KeyedQueue.ts';
import { diffPlans, TouchLedger, type ChangeRecord } from './planChanges.ts';
import type { DocumentProjector } from './projections/DocumentProjector.ts';
import { RootNames } from './projections/RootNames.ts';
import { touchesOf } from './projections/touchesOf.ts';
import { replayLog } from './replayLog.ts';

/** Commits an update the server makes, through the plan's room when it is open (collab's RoomManager). */
export interface ServerCommits {
  commitServerUpdate(
    planId: string,
    update: Uint8Array,
    userId: string,
    kind: UpdateKind,
    log?: (seq: number) => readonly NewAccessLogEntry[],
  ): Promise<number>;
}

export interface PlanHistoryDeps {
  log: DocumentLog;
  projector: DocumentProjector;
  history: HistoryStore;
  commits: ServerCommits;
  /** One piece of work per plan at a time, shared with the projector. */
  queue: KeyedQueue;
  /** A version cut at a reader's first update is replayed over at most this many updates (default CUT_MAX_REPLAY). */
  maxCutReplay?: number;
  /** Comparisons over more updates than this are not replayed (default MAX_REPLAY). */
  maxReplay?: number;
}

/**
 * Comparisons over more updates than this are not replayed update by update: the two versions are read from
 * snapshots and each change is put down to who edited its part in the versions between (20,000 small updates
 * replay in about 300 ms).
 */
const MAX_REPLAY = 20_000;
/** Who edited which parts in a cut version, and when its first update was. */
interface CutEdits {
  edits: Pick<VersionRecord, 'authors' | 'parts'>;
  firstAt: number | null;
}

/** A version cut at a reader's first update is replayed over at most this many updates. */
const CUT_MAX_REPLAY = 2_000;
/** A cut of a version still growing is replayed again at most this often (ms); meanwhile its authors may lag. */
const CUT_REUSE_MS = 10_000;

/** More comparisons than this waiting for one plan are refused (HISTORY_BUSY). */
const MAX_WAITING = 4;
/** Comparisons remembered: history is append-only, so the changes between two seqs never change. */
const CACHED = 200;

/** The plan as JSON, or PLAN_UNREADABLE. */
function readable(doc: Y.Doc): PlanJSON {
  try {
    return planToJSON(doc);
  } catch (error) {
    throw new HistoryError('PLAN_UNREADABLE', 'Denne versjonen av planen kan ikke leses', { cause: error });
  }
}

/** The part a touch key of the ledger (`item:goals:…`, `root:about.child`, `meta:title`) is in. */
const partOfKey = (key: string): PlanPart => {
  const [kind, name = ''] = key.split(':');
  if (kind === 'meta') return 'planinfo';
  if (kind === 'root') return partOfRootType(name);
  return partOfCollection(name as Parameters<typeof partOfCollection>[0]);
};

/**
 * A plan's history, made from its update log: versions, the plan as it was at any of them, what changed between
 * two, and restores, which are new updates committed like any other (history is never rewritten). No auth here:
 * the routes decide who may ask. Restores and comparisons run one at a time per plan, with the projector's passes.
 */
export class PlanHistory {
  private readonly deps: PlanHistoryDeps;
  private readonly compared = new Map<string, ChangeRecord[]>();
  /**
   * Versions cut at a reader's first update (`cut`), by plan, first update and version: the replay, what it reached
   * and when it was started. Shared by the requests in flight; a version still growing is replayed again at most
   * every CUT_REUSE_MS.
   */
  private readonly cuts = new Map<string, { toSeq: number; at: number; edits: Promise<CutEdits> }>();

  constructor(deps: PlanHistoryDeps) {
    this.deps = deps;
  }

  /**
   * Versions newest first, with their names and what they removed; `head` is the last update the list reaches.
   * `since` is the first update the reader may see (default 1): a version that began before it is cut to the
   * updates from `since` on (its `fromSeq`, `firstAt`, authors, parts and removals), and one that ended right
   * before it is the plan as it was then, with no authors, parts or removals.
   */
  async versions(
    planId: string,
    options: { beforeSeq?: number; limit: number; fromSeq?: number; since?: number },
  ): Promise<{
    head: number;
    versions: VersionRecord[];
    names: Map<number, VersionName>;
    removed: Map<number, DeletionRecord[]>;
  }> {
    const head = await this.deps.projector.catchUp(planId);
    const since = options.since ?? 1;
    const [stored, names] = await Promise.all([
      this.deps.history.versions(planId, options),
      this.deps.history.names(planId),
    ]);
    const versions = await Promise.all(
      stored.map((v) => (v.fromSeq < since ? this.cut(planId, v, since, { queue: true }) : v)),
    );
    // What each version removed, top-level items only (a delmål goes with its hovedmål): one query for the page.
    const removed = new Map<number, DeletionRecord[]>();
    const oldest = versions[versions.length - 1];
    if (oldest) {
      const deletions = await this.deps.history.deletionsBetween(
        planId,
        Math.max(oldest.fromSeq, since),
        versions[0]!.toSeq,
      );
      for (const version of versions) {
        // Removed and back within the version (undone at once) is no removal of the version's.
        const inVersion = deletions.filter(
          (d) =>
            d.seq >= Math.max(version.fromSeq, since) &&
            d.seq <= version.toSeq &&
            (d.returnedSeq === null || d.returnedSeq > version.toSeq),
        );
        const top = inVersion.filter(
          (d) => d.parentId === null || !inVersion.some((other) => other.seq === d.seq && other.itemId === d.parentId),
        );
        if (top.length > 0) removed.set(version.fromSeq, top);
      }
    }
    return { head, versions, names: new Map(names.map((name) => [name.seq, name])), removed };
  }

  /**
   * `version` as from update `since` on: who edited which parts from then, found by replaying those updates as
   * the projector does (at most one version's worth, and at most CUT_MAX_REPLAY updates: beyond, who edited is not
   * told rather than told from before `since`), as the plan's history work when `queue`. A version that ended
   * before `since` keeps only its end.
   */
  private async cut(
    planId: string,
    version: VersionRecord,
    since: number,
    { queue = false }: { queue?: boolean } = {},
  ): Promise<VersionRecord> {
    if (version.toSeq < since) {
      return { ...version, fromSeq: version.toSeq, firstAt: version.lastAt, kind: 'edit', authors: [], parts: [] };
    }
    const key = `${planId}:${since}:${version.fromSeq}`;
    const now = Date.now();
    let cached = this.cuts.get(key);
    if (!cached || (cached.toSeq < version.toSeq && now - cached.at >= CUT_REUSE_MS)) {
      const span = version.toSeq - since + 1;
      const replay = () =>
        span > (this.deps.maxCutReplay ?? CUT_MAX_REPLAY)
          ? this.firstOf(planId, since)
          : this.editsBetween(planId, since - 1, version.toSeq);
      // The replay is the plan's history work (one at a time with comparisons and restores); a list read waits for
      // it rather than being refused. A comparison cuts from inside that work already.
      const edits = queue ? this.deps.queue.run(planId, replay) : replay();
      cached = { toSeq: version.toSeq, at: now, edits };
      this.cuts.set(key, cached);
      edits.catch(() => this.cuts.get(key) === cached && this.cuts.delete(key));
      if (this.cuts.size > CACHED) this.cuts.delete(this.cuts.keys().next().value!);
    }
    const found = await cached.edits;
    return { ...version, fromSeq: since, firstAt: found.firstAt ?? version.lastAt, ...found.edits };
  }

  /** No one named, and when update `seq` was made: a cut too long to replay. */
  private async firstOf(planId: string, seq: number): Promise<CutEdits> {
    const [first] = await this.deps.log.history(planId, { afterSeq: seq - 1, upToSeq: seq, limit: 1 });
    return { edits: { authors: [], parts: [] }, firstAt: first?.createdAt ?? null };
  }

  /** Runs `work` as the plan's history work, refused (HISTORY_BUSY) when too much is waiting already. */
  private queued<T>(planId: string, work: () => Promise<T>): Promise<T> {
    if (this.deps.queue.queued(planId) >= MAX_WAITING) {
      throw new HistoryError('HISTORY_BUSY', 'Historikken er opptatt akkurat nå. Prøv igjen om litt.');
    }
    return this.deps.queue.run(planId, work);
  }

  /** Who edited which parts in the updates after `from` up to `to`, and when the first of them was. */
  private async editsBetween(planId: string, from: number, to: number): Promise<CutEdits> {
    const doc = await this.deps.log.docAt(planId, from);
    try {
      const names = new RootNames(doc);
      const byUser = new Map<string | null, Set<PlanPart>>();
      const all = new Set<PlanPart>();
      let current: string | null = null;
      let firstAt: number | null = null;
      let at = 0;
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        const { parts } = touchesOf(transaction, names);
        if (parts.size === 0) return;
        firstAt ??= at;
        const mine = byUser.get(current) ?? new Set<PlanPart>();
        for (const part of parts) {
          mine.add(part);
          all.add(part);
        }
        byUser.set(current, mine);
      });
      const readPage = (afterSeq: number, limit: number) =>
        this.deps.log.history(planId, { afterSeq, upToSeq: to, limit });
      await replayLog(readPage, from, (stored) => {
        current = stored.userId;
        at = stored.createdAt;
        applyUpdates(doc, [stored.update]);
      });
      const inPartOrder = (parts: ReadonlySet<PlanPart>) => PLAN_PARTS.filter((part) => parts.has(part));
      return {
        edits: {
          authors: [...byUser].map(([userId, parts]) => ({ userId, parts: inPartOrder(parts) })),
          parts: inPartOrder(all),
        },
        firstAt,
      };
    } finally {
      doc.destroy();
    }
  }

  /**
   * Names the plan as it is now, logged as `logAs` says (a name this member gave it is replaced);
   * VERSION_ALREADY_NAMED when someone else named it, or it has its name from a meeting held or a revision.
   */
  async name(
    planId: string,
    name: string,
    userId: string,
    logAs: (seq: number) => Promise<NewAccessLogEntry>,
  ): Promise<number> {
    const seq = await this.deps.projector.nameCurrent(planId, name, userId, logAs);
    if (seq === null) {
      throw new HistoryError(
        'VERSION_ALREADY_NAMED',
        'Denne versjonen har fått navn av noen andre, eller da et møte ble holdt eller planen revidert',
      );
    }
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

  /** The plan as it is now. */
  async current(planId: string): Promise<PlanJSON> {
    const doc = await this.deps.log.currentDoc(planId);
    try {
      return readable(doc);
    } finally {
      doc.destroy();
    }
  }

  /** What differs between the plan after `from` and after `to`, with who made each change. */
  async changes(planId: string, from: number, to: number): Promise<ChangeRecord[]> {
    const key = `${planId}:${from}:${to}`;
    const known = this.compared.get(key);
    if (known) return known;
    const changes = await this.queued(planId, () => this.compare(planId, from, to));
    this.compared.set(key, changes);
    if (this.compared.size > CACHED) this.compared.delete(this.compared.keys().next().value!);
    return changes;
  }

  private async compare(planId: string, from: number, to: number): Promise<ChangeRecord[]> {
    if (to > (await this.deps.log.head(planId))) {
      throw new HistoryError('VERSION_NOT_FOUND', `plan ${planId} has no version ${to}`);
    }
    const ledger = new TouchLedger();
    if (to - from > (this.deps.maxReplay ?? MAX_REPLAY)) {
      const [before, after] = await Promise.all([this.contentAt(planId, from), this.contentAt(planId, to)]);
      // Too long to replay: whoever edited a part in the versions between is who changed it.
      for (let beforeSeq = to + 1; ;) {
        const page = await this.deps.history.versions(planId, { beforeSeq, limit: 500 });
        const between = page.filter((v) => v.toSeq > from);
        for (const stored of between) {
          // The version `from` is in counts from the update after it: who edited before is not who changed it.
          const version = stored.fromSeq <= from ? await this.cut(planId, stored, from + 1) : stored;
          for (const author of version.authors) {
            for (const part of author.parts) ledger.addPart(part, author.userId, version.toSeq);
          }
        }
        if (between.length < page.length || page.length < 500) break;
        beforeSeq = page[page.length - 1]!.toSeq;
      }
      return diffPlans(before, after, ledger, partOfKey);
    }
    const doc = await this.deps.log.docAt(planId, from);
    try {
      const before = readable(doc);
      const names = new RootNames(doc);
      let current: { userId: string | null; seq: number } = { userId: null, seq: from };
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        ledger.add(touchesOf(transaction, names), current.userId, current.seq);
      });
      const readPage = (afterSeq: number, limit: number) =>
        this.deps.log.history(planId, { afterSeq, upToSeq: to, limit });
      await replayLog(readPage, from, (stored) => {
        current = { userId: stored.userId, seq: stored.seq };
        applyUpdates(doc, [stored.update]);
      });
      return diffPlans(before, readable(doc), ledger, partOfKey);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Brings back `scope` as it was right after `toSeq`, as a new update by `userId`, committed through the plan's
   * room so its peers get it at once, with the innsynslogg entry `logAs` makes for its seq in the same transaction.
   * `mayWrite` is asked, before anything is committed, with every part the update touches (an item's restore
   * re-links items in other parts), and throws to refuse. Restores of one plan run one at a time, each from the
   * plan as the one before left it. Resolves with the seq, or null when nothing differed (nothing is logged then).
   */
  restore(
    planId: string,
    toSeq: number,
    scope: RestoreScope,
    userId: string,
    options: {
      mayWrite: (parts: ReadonlySet<PlanPart>) => Promise<void>;
      logAs: (seq: number) => readonly NewAccessLogEntry[];
    },
  ): Promise<number | null> {
    return this.deps.queue.run(planId, async () => {
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
        await options.mayWrite(parts);
        return await this.deps.commits.commitServerUpdate(planId, update, userId, 'restore', options.logAs);
      } finally {
        doc.destroy();
        past.destroy();
      }
    });
  }

  /** Items removed since `since` (ms) and at or after `fromSeq`, newest first. */
  async deletions(
    planId: string,
    options: { since: number; fromSeq: number; limit: number },
  ): Promise<DeletionRecord[]> {
    await this.deps.projector.catchUp(planId);
    return this.deps.history.deletions(planId, options);
  }
}
