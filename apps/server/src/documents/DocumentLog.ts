import * as Y from 'yjs';
import type {
  Checkpoint,
  DocumentStore,
  LoadedDocument,
  PendingUpdate,
  StoredUpdate,
} from '../storage/DocumentStore.ts';
import { applyUpdates } from './applyUpdates.ts';
import type { Commit, CommitFeed } from './CommitFeed.ts';
import { HistoryError } from './HistoryError.ts';

const HISTORY_PAGE = 2000;

/**
 * A plan's document as its append-only update log: what rooms append to and load from, and what history reads.
 * No Fastify and no auth here: callers have decided who may do what.
 */
export class DocumentLog {
  private readonly store: DocumentStore;
  readonly feed: CommitFeed;

  constructor(store: DocumentStore, feed: CommitFeed) {
    this.store = store;
    this.feed = feed;
  }

  load(planId: string): Promise<LoadedDocument> {
    return this.store.load(planId);
  }

  /**
   * Commits updates in one transaction, then publishes them to the CommitFeed with `origin` (whoever appends:
   * a Room relays its own updates itself and skips them there). Resolves with the seq of the last.
   */
  async append(planId: string, updates: readonly PendingUpdate[], origin: unknown = null): Promise<number> {
    const lastSeq = await this.store.append(planId, updates);
    const first = lastSeq - updates.length + 1;
    const commits: Commit[] = updates.map(({ update, userId }, i) => ({ planId, seq: first + i, update, userId }));
    this.feed.publish(commits, origin);
    return lastSeq;
  }

  /** The account each Yjs client id of the plan belongs to (the first to write with it). */
  clientOwners(planId: string): Promise<Map<number, string>> {
    return this.store.clientOwners(planId);
  }

  readCheckpoint(planId: string): Promise<Checkpoint | undefined> {
    return this.store.readCheckpoint(planId);
  }

  writeCheckpoint(planId: string, checkpoint: Checkpoint): Promise<void> {
    return this.store.writeCheckpoint(planId, checkpoint);
  }

  history(planId: string, options: { afterSeq: number; limit: number; upToSeq?: number }): Promise<StoredUpdate[]> {
    return this.store.history(planId, options);
  }

  /** The seq of the plan's last update (0 for none). */
  head(planId: string): Promise<number> {
    return this.store.lastSeq(planId);
  }

  /** The seq of each plan's last update; a plan without updates is left out. */
  heads(planIds: readonly string[]): Promise<Map<string, number>> {
    return this.store.lastSeqsOf(planIds);
  }

  /** The plan's last update: seq, when, and by whom. */
  lastWrite(planId: string): Promise<{ seq: number; at: number; userId: string | null } | undefined> {
    return this.store.lastWrite(planId);
  }

  /** The seq of the last update committed at or before `time` (ms; 0 for none). */
  seqAt(planId: string, time: number): Promise<number> {
    return this.store.seqAt(planId, time);
  }

  /**
   * The plan as it was right after update `seq`, as a fresh Y.Doc (the caller destroys it): the nearest snapshot
   * at or before it, then the updates after the snapshot. VERSION_NOT_FOUND for a seq the plan never had.
   */
  async docAt(planId: string, seq: number): Promise<Y.Doc> {
    const head = await this.store.lastSeq(planId);
    if (!Number.isInteger(seq) || seq < 0 || seq > head)
      throw new HistoryError('VERSION_NOT_FOUND', `plan ${planId} has no version ${seq}`);
    if (seq === head) return this.currentDoc(planId);
    const snapshot = await this.store.snapshotAtOrBefore(planId, seq);
    const doc = new Y.Doc();
    if (snapshot) applyUpdates(doc, [snapshot.state]);
    for (let after = snapshot?.seq ?? 0; after < seq;) {
      const page = await this.store.history(planId, { afterSeq: after, upToSeq: seq, limit: HISTORY_PAGE });
      if (page.length === 0) break;
      // Merged first: one integration of the page is much cheaper than one per update.
      applyUpdates(doc, [Y.mergeUpdates(page.map((stored) => stored.update))]);
      after = page[page.length - 1]!.seq;
    }
    return doc;
  }

  /** The plan's committed content as a fresh Y.Doc (the caller destroys it). */
  async currentDoc(planId: string): Promise<Y.Doc> {
    const loaded = await this.store.load(planId);
    const doc = new Y.Doc();
    applyUpdates(doc, loaded.checkpoint ? [loaded.checkpoint, ...loaded.updates] : loaded.updates);
    return doc;
  }

  ping(): Promise<void> {
    return this.store.ping();
  }
}
