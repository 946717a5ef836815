import * as Y from 'yjs';
import { PLAN_PARTS, partOfRootType, type PlanPart } from '@samplan/plan-model';
import type { AccessLogStore, NewAccessLogEntry } from '../storage/AccessLogStore.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import type { DocumentStore } from '../storage/DocumentStore.ts';

export interface ChangeRecorderOptions {
  documents: DocumentStore;
  store: AccessLogStore;
  accounts: AccountStore;
  /** How long after a commit the recorder catches up (it also does when a room closes and before the log is read). */
  delayMs: number;
  /** Edits by one user further apart than this become separate entries. */
  sessionGapMs?: number;
  logger: { error(obj: object, msg: string): void };
  now?: () => number;
}

interface Group {
  userId: string | null;
  parts: Set<PlanPart>;
  fromSeq: number;
  toSeq: number;
  firstAt: number;
  lastAt: number;
  updates: number;
}

const PAGE = 500;
/** Replaying runs in slices of at most this long, so catching up never stalls the sync path. */
const SLICE_MS = 4;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Derives "who changed which part of the plan" from the attributed update log (doc_updates: update, user,
 * time) and writes it to the access log as `plan.changed` entries, off the sync path. It replays updates into
 * a Y.Doc from its own cursor (seq + document state), maps each changed type to its top-level type and so to
 * a plan part, and groups consecutive edits by user. Entries and the cursor move in one transaction.
 */
export class ChangeRecorder {
  private readonly options: ChangeRecorderOptions;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  /** Plans are processed one at a time across the server, not all at once when their timers coincide. */
  private queue: Promise<void> = Promise.resolve();
  private readonly sessionGapMs: number;
  private readonly now: () => number;

  constructor(options: ChangeRecorderOptions) {
    this.options = options;
    this.sessionGapMs = options.sessionGapMs ?? 15 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Starts the recorder for a new plan after its seeded content, which `plan.created` already covers. */
  async startAt(planId: string, seq: number, state: Uint8Array): Promise<void> {
    await this.options.store.appendChanges(planId, [], { seq, state });
  }

  /** Something was committed: catch up a little later. */
  markDirty(planId: string): void {
    if (this.timers.has(planId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(planId);
      void this.catchUp(planId);
    }, this.options.delayMs);
    timer.unref();
    this.timers.set(planId, timer);
  }

  /** Records every committed update not yet recorded; runs one at a time per plan. */
  catchUp(planId: string): Promise<void> {
    const previous = this.running.get(planId) ?? Promise.resolve();
    const next = Promise.all([previous, this.queue])
      .then(() => this.process(planId))
      .catch((error: unknown) => {
        this.options.logger.error({ planId, err: (error as Error).message }, 'could not record plan changes');
      });
    this.running.set(planId, next);
    this.queue = next;
    void next.finally(() => {
      if (this.running.get(planId) === next) this.running.delete(planId);
    });
    return next;
  }

  /** Catches up every plan with pending work (at shutdown). */
  async flushAll(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...pending.map((planId) => this.catchUp(planId)), ...this.running.values()]);
  }

  private async process(planId: string): Promise<void> {
    const { documents, store } = this.options;
    const cursor = await store.changeCursor(planId);
    const startSeq = cursor?.seq ?? 0;
    // Most calls (a room closing, the log being read) find nothing new: answer that before loading the plan.
    if ((await documents.history(planId, { afterSeq: startSeq, limit: 1 })).length === 0) return;
    await yieldToEventLoop();
    const doc = new Y.Doc();
    try {
      if (cursor) Y.applyUpdate(doc, cursor.state);
      let seq = startSeq;
      const touched = new Set<PlanPart>();
      const names = new RootNames(doc);
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        for (const type of transaction.changed.keys()) touched.add(partOfRootType(names.of(type)));
      });
      const groups: Group[] = [];
      const open = new Map<string | null, Group>();
      let sliceStart = performance.now();
      for (;;) {
        const page = await documents.history(planId, { afterSeq: seq, limit: PAGE });
        for (const stored of page) {
          if (performance.now() - sliceStart > SLICE_MS) {
            await yieldToEventLoop();
            sliceStart = performance.now();
          }
          touched.clear();
          Y.applyUpdate(doc, stored.update);
          seq = stored.seq;
          if (touched.size === 0) continue;
          let group = open.get(stored.userId);
          if (!group || stored.createdAt - group.lastAt > this.sessionGapMs) {
            group = {
              userId: stored.userId,
              parts: new Set(),
              fromSeq: stored.seq,
              toSeq: stored.seq,
              firstAt: stored.createdAt,
              lastAt: stored.createdAt,
              updates: 0,
            };
            open.set(stored.userId, group);
            groups.push(group);
          }
          for (const part of touched) group.parts.add(part);
          group.toSeq = stored.seq;
          group.lastAt = stored.createdAt;
          group.updates += 1;
        }
        if (page.length < PAGE) break;
      }
      if (seq === startSeq) return;
      const entries = await this.toEntries(groups);
      await store.appendChanges(planId, entries, { seq, state: Y.encodeStateAsUpdate(doc) });
    } finally {
      doc.destroy();
    }
  }

  private async toEntries(groups: Group[]): Promise<NewAccessLogEntry[]> {
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
          parts: PLAN_PARTS.filter((part) => group.parts.has(part)),
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

/** Finds the top-level name of any (nested) shared type of a document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type
type SharedType = Y.AbstractType<any>;

class RootNames {
  private readonly doc: Y.Doc;
  private byType = new Map<SharedType, string>();

  constructor(doc: Y.Doc) {
    this.doc = doc;
  }

  of(type: SharedType): string {
    let root = type;
    while (root._item !== null) root = root._item.parent as SharedType;
    let name = this.byType.get(root);
    if (name === undefined) {
      this.byType = new Map([...this.doc.share].map(([key, value]) => [value, key]));
      name = this.byType.get(root) ?? '';
    }
    return name;
  }
}
