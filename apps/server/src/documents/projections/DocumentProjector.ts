import {
  emptyProgressFacts,
  meetingVersionName,
  planToJSON,
  progressFacts,
  revisionVersionName,
  type ProgressFacts,
} from '@samplan/plan-model';
import * as Y from 'yjs';
import type { NewAccessLogEntry } from '../../storage/AccessLogStore.ts';
import { StaleProjectionPass } from '../../storage/StaleProjectionPass.ts';
import type { AccountStore } from '../../storage/AccountStore.ts';
import type { DocumentStore } from '../../storage/DocumentStore.ts';
import { applyUpdates } from '../applyUpdates.ts';
import type { KeyedQueue } from '../KeyedQueue.ts';
import { replayLog, yieldToEventLoop } from '../replayLog.ts';
import type {
  DeletionRecord,
  ItemAppeared,
  HistoryStore,
  ProjectionCursor,
  VersionName,
  VersionNameKind,
} from '../../storage/HistoryStore.ts';
import { ChangeLogGroups, type ChangeGroup } from './ChangeLogGroups.ts';
import { PlanIndex, type Milestone } from './PlanIndex.ts';
import { RootNames } from './RootNames.ts';
import { touchesOf, type Touches } from './touchesOf.ts';
import { DEFAULT_VERSION_RULES, VersionGrouper, type OpenVersion, type VersionRules } from './VersionGrouper.ts';

export interface DocumentProjectorOptions {
  documents: DocumentStore;
  /** One piece of work per plan at a time, shared with the history's restores and comparisons. */
  queue: KeyedQueue;
  history: HistoryStore;
  accounts: AccountStore;
  /**
   * How soon after a commit the innsynslogg's change log is written while a plan stays open; reading the log,
   * closing the plan and shutting down write it at once.
   */
  changeLogDelayMs: number;
  logger: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  now?: () => number;
  versionRules?: VersionRules;
  /** Edits by one person further apart than this are separate entries in the change log. */
  sessionGapMs?: number;
  /** A snapshot of the document is kept every this many updates, so any version opens fast. */
  snapshotEveryUpdates?: number;
  /**
   * A plan with this many updates not yet projected is projected in the background, so reading its history never
   * waits for a long replay (10,000 small updates take about 150 ms), while a plan edited at a normal pace costs
   * nothing until it closes or its change log is due.
   */
  backlogLimit?: number;
  /** A pass commits after at most this many updates, so a long catch-up keeps its work as it goes. */
  chunk?: number;
  /** Told after a pass has stored new progress facts for a plan (the notifier reads them). */
  onProjected?: (planId: string) => void;
}

/** Passes tried in a row while other instances keep overtaking them. */
const STALE_PASS_ATTEMPTS = 5;

/** What a pass carries over to the next one, in the cursor. */
interface Pending {
  open: OpenVersion | null;
  previous: OpenVersion | null;
  groups: ChangeGroup[];
  lastSnapshotSeq: number;
}

/** The name a version gets from what happened in it. */
function milestoneName(milestone: Milestone): { name: string; kind: VersionNameKind } {
  if (milestone.kind === 'revision') return { name: revisionVersionName(milestone.date), kind: 'revision' };
  return { name: meetingVersionName(milestone.title, milestone.date), kind: 'meeting' };
}

/**
 * The projections of each plan's update log: one reader with a cursor (seq + document state) that replays new
 * updates once and derives the version list, the removed items, the progress facts that `GET /api/plans` shows,
 * snapshots, and the innsynslogg's "who changed which part" entries. Everything a pass derives is written with
 * its cursor in one transaction. Passes run one at a time per plan, off the sync path, and catch up on demand
 * (reading history, listing plans) as well as after commits.
 */
export class DocumentProjector {
  private readonly options: DocumentProjectorOptions;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Passes started by timers go one plan at a time, not all at once when their timers coincide. */
  private background: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  private readonly rules: VersionRules;
  private readonly sessionGapMs: number;
  private readonly snapshotEvery: number;
  private readonly backlogLimit: number;
  private readonly chunk: number;
  /** Updates committed since each plan's last pass began. */
  private readonly backlog = new Map<string, number>();

  constructor(options: DocumentProjectorOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.rules = options.versionRules ?? DEFAULT_VERSION_RULES;
    this.sessionGapMs = options.sessionGapMs ?? 15 * 60_000;
    this.snapshotEvery = options.snapshotEveryUpdates ?? 1000;
    this.backlogLimit = options.backlogLimit ?? 10_000;
    this.chunk = options.chunk ?? 10_000;
  }

  /** `count` updates were committed to the plan (the CommitFeed). */
  committed(planId: string, count: number): void {
    this.markDirty(planId);
    const pending = (this.backlog.get(planId) ?? 0) + count;
    this.backlog.set(planId, pending);
    if (pending >= this.backlogLimit && this.options.queue.queued(planId) === 0) {
      this.backlog.set(planId, 0);
      this.inBackground(() => this.catchUp(planId));
    }
  }

  /** Something was committed: write the change log a little later. */
  private markDirty(planId: string): void {
    if (this.timers.has(planId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(planId);
      this.inBackground(() => this.catchUp(planId, { flushChangeLog: true }));
    }, this.options.changeLogDelayMs);
    timer.unref();
    this.timers.set(planId, timer);
  }

  /**
   * Projects every committed update not yet projected; with `flushChangeLog`, also writes the change log up to
   * there. Resolves with the seq the projections have reached. Errors are logged, never thrown.
   */
  catchUp(planId: string, options: { flushChangeLog?: boolean } = {}): Promise<number> {
    return this.toHead(planId, options.flushChangeLog ?? false).catch(async (error: unknown) => {
      this.options.logger.error({ planId, err: (error as Error).message }, 'could not project plan history');
      return (await this.options.history.cursor(planId))?.seq ?? 0;
    });
  }

  /**
   * Passes of at most `chunk` updates each, committed one by one (so a long backlog's work is kept as it goes, and
   * restores of the plan get their turn between them), until the head is reached; the change log is written by
   * the last.
   */
  private async toHead(planId: string, flush: boolean): Promise<number> {
    for (;;) {
      const { seq, more } = await this.options.queue.run(planId, () => this.pass(planId, flush));
      if (!more) return seq;
    }
  }

  /**
   * Names the plan as it is now, after a catch-up: the newest version, ending at the last update that changed
   * something (a reconnecting peer's update that changes nothing is no version of its own), with the innsynslogg
   * entry `logAs` makes for that seq. `null` when that version has a name already; 0 for a plan with no versions.
   */
  nameCurrent(
    planId: string,
    name: string,
    userId: string,
    logAs: (seq: number) => Promise<NewAccessLogEntry>,
  ): Promise<number | null> {
    return this.options.queue.run(planId, async () => {
      while ((await this.pass(planId, false)).more);
      const cursor = await this.options.history.cursor(planId);
      const seq = cursor ? (parsePending(cursor.pending).open?.version.toSeq ?? 0) : 0;
      if (seq === 0) return 0;
      const version = { seq, name, kind: 'manual' as const, userId, createdAt: this.now() };
      return (await this.options.history.addName(planId, version, [await logAs(seq)])) ? seq : null;
    });
  }

  /**
   * Computes a plan's progress facts again from the projection's own state, without replaying its log (after the
   * facts gained fields: facts stored by an older server). Resolves with the seq they are from.
   */
  refreshFacts(planId: string): Promise<number> {
    return this.options.queue.run(planId, async () => {
      const cursor = await this.options.history.cursor(planId);
      if (!cursor) return 0;
      const doc = new Y.Doc();
      try {
        applyUpdates(doc, [cursor.state]);
        await this.options.history.putProgress(planId, cursor.seq, JSON.stringify(await this.factsOf(planId, doc)));
        return cursor.seq;
      } finally {
        doc.destroy();
      }
    });
  }

  /** Writes the change log of every plan with work pending (at shutdown). */
  async flushAll(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(pending.map((planId) => this.catchUp(planId, { flushChangeLog: true })));
    // Passes whose timer had fired but that had not started yet, and whatever else is queued.
    await this.background;
    await this.options.queue.idle();
  }

  private inBackground(pass: () => Promise<unknown>): void {
    this.background = this.background.then(pass).then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * One pass; one that another instance overtook (StaleProjectionPass: it committed a pass of this plan meanwhile)
   * is done again from the cursor that one left, so every update is projected, and logged, once.
   */
  private async pass(planId: string, flushAtHead: boolean): Promise<{ seq: number; more: boolean }> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.process(planId, flushAtHead);
      } catch (error) {
        if (!(error instanceof StaleProjectionPass) || attempt >= STALE_PASS_ATTEMPTS) throw error;
      }
    }
  }

  /** One pass over at most `chunk` new updates; `more` when it stopped before the head. */
  private async process(planId: string, flushAtHead: boolean): Promise<{ seq: number; more: boolean }> {
    const { documents, history } = this.options;
    this.backlog.delete(planId);
    const cursor: ProjectionCursor = (await history.cursor(planId)) ?? {
      seq: 0,
      state: new Uint8Array(),
      pending: '{}',
      changeLoggedThrough: 0,
    };
    const from = { seq: cursor.seq, changeLoggedThrough: cursor.changeLoggedThrough };
    const pending = parsePending(cursor.pending);
    const hasNew = (await documents.history(planId, { afterSeq: cursor.seq, limit: 1 })).length > 0;
    if (!hasNew) {
      if (flushAtHead && pending.groups.length > 0) {
        await history.commitPass(planId, {
          from,
          cursor: {
            ...cursor,
            pending: JSON.stringify({ ...pending, groups: [] }),
            changeLoggedThrough: cursor.seq,
          },
          versions: [],
          mergedVersions: [],
          names: [],
          deletions: [],
          appeared: [],
          changeLog: await this.toEntries(pending.groups),
        });
      }
      return { seq: cursor.seq, more: false };
    }
    await yieldToEventLoop();
    const doc = new Y.Doc();
    try {
      if (cursor.state.byteLength > 0) applyUpdates(doc, [cursor.state]);
      const names = await history.names(planId);
      const grouper = new VersionGrouper(
        { open: pending.open, previous: pending.previous },
        names.map((n) => n.seq),
        this.rules,
      );
      const groups = new ChangeLogGroups(pending.groups, this.sessionGapMs);
      const index = new PlanIndex(doc);
      const rootNames = new RootNames(doc);
      let touches: Touches | null = null;
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        const found = touchesOf(transaction, rootNames);
        if (!touches) {
          touches = found;
          return;
        }
        // An update whose missing predecessor just arrived integrates in a second transaction.
        for (const part of found.parts) touches.parts.add(part);
        for (const key of found.metaKeys) touches.metaKeys.add(key);
        for (const root of found.roots) touches.roots.add(root);
        for (const [collection, ids] of found.items) {
          const known = touches.items.get(collection) ?? new Set<string>();
          for (const id of ids) known.add(id);
          touches.items.set(collection, known);
        }
      });
      const deletions: DeletionRecord[] = [];
      const appeared: ItemAppeared[] = [];
      const autoNames: VersionName[] = [];
      let seq = cursor.seq;
      let lastSnapshotSeq = pending.lastSnapshotSeq;
      const readPage = (afterSeq: number, limit: number) => documents.history(planId, { afterSeq, limit });
      const replayed = await replayLog(
        readPage,
        seq,
        async (stored) => {
          touches = null;
          applyUpdates(doc, [stored.update]);
          const found = touches as Touches | null;
          if (found) {
            const update = {
              seq: stored.seq,
              userId: stored.userId,
              at: stored.createdAt,
              kind: stored.kind,
              parts: found.parts,
            };
            const { removed, appeared: added, milestones } = index.update(found);
            grouper.add(update);
            if (stored.seq > cursor.changeLoggedThrough) groups.add(update);
            for (const item of removed) {
              deletions.push({
                ...item,
                seq: stored.seq,
                userId: stored.userId,
                at: stored.createdAt,
                returnedSeq: null,
              });
            }
            for (const item of added) appeared.push({ ...item, seq: stored.seq });
            // The first update is the plan as it was created: whatever it holds happened before the plan had a history.
            for (const milestone of stored.seq === 1 ? [] : milestones) {
              autoNames.push({
                seq: stored.seq,
                ...milestoneName(milestone),
                userId: stored.userId,
                createdAt: stored.createdAt,
              });
              grouper.nameAt(stored.seq);
            }
          }
          if (stored.seq - lastSnapshotSeq >= this.snapshotEvery) {
            await documents.writeSnapshot(planId, { seq: stored.seq, state: Y.encodeStateAsUpdate(doc) });
            lastSnapshotSeq = stored.seq;
          }
        },
        this.chunk,
      );
      seq = replayed.seq;
      // The change log is written when the pass reaches the head, with everything the chunks before gathered.
      const flush = flushAtHead && !replayed.more;
      await history.commitPass(planId, {
        from,
        cursor: {
          seq,
          state: Y.encodeStateAsUpdate(doc),
          pending: JSON.stringify({
            ...grouper.state,
            groups: flush ? [] : groups.groups,
            lastSnapshotSeq,
          } satisfies Pending),
          changeLoggedThrough: flush ? seq : cursor.changeLoggedThrough,
        },
        versions: grouper.changed,
        mergedVersions: grouper.mergedAway,
        names: autoNames,
        deletions,
        appeared,
        progress: JSON.stringify(await this.factsOf(planId, doc)),
        changeLog: flush ? await this.toEntries(groups.groups) : [],
      });
      this.options.onProjected?.(planId);
      return { seq, more: replayed.more };
    } finally {
      doc.destroy();
    }
  }

  /** The plan's progress facts; a plan that cannot be read keeps the facts it last had. */
  private async factsOf(planId: string, doc: Y.Doc): Promise<ProgressFacts> {
    try {
      return progressFacts(planToJSON(doc));
    } catch (error) {
      this.options.logger.warn({ planId, err: (error as Error).message }, 'plan cannot be read; progress kept');
      const kept = (await this.options.history.progress([planId])).get(planId);
      return kept ? (JSON.parse(kept.facts) as ProgressFacts) : emptyProgressFacts();
    }
  }

  private async toEntries(groups: readonly ChangeGroup[]): Promise<NewAccessLogEntry[]> {
    const names = new Map<string, string | null>();
    const at = this.now();
    const entries: NewAccessLogEntry[] = [];
    for (const group of groups) {
      let actorName: string | null = null;
      if (group.userId) {
        if (!names.has(group.userId)) {
          names.set(group.userId, (await this.options.accounts.findUserById(group.userId))?.name ?? null);
        }
        actorName = names.get(group.userId) ?? null;
      }
      entries.push({
        at,
        actorId: group.userId,
        actorName,
        action: 'plan.changed',
        details: {
          parts: group.parts,
          from: new Date(group.firstAt).toISOString(),
          to: new Date(group.lastAt).toISOString(),
          updates: group.updates,
          fromSeq: group.fromSeq,
          toSeq: group.toSeq,
        },
      });
    }
    return entries;
  }
}

function parsePending(text: string): Pending {
  const parsed = JSON.parse(text) as Partial<Pending>;
  return {
    open: parsed.open ?? null,
    previous: parsed.previous ?? null,
    groups: parsed.groups ?? [],
    lastSnapshotSeq: parsed.lastSnapshotSeq ?? 0,
  };
}
