import { AppendJournal, type JournalRecord } from './AppendJournal.ts';
import type { SqliteDatabase } from './openSqlite.ts';
import type {
  Checkpoint,
  DocumentStore,
  LoadedDocument,
  PendingUpdate,
  StoredUpdate,
} from './DocumentStore.ts';

interface UpdateRow {
  seq: number;
  data: Buffer;
  user_id: string | null;
  created_at: number;
}

export interface SqliteDocumentStoreOptions {
  /**
   * Commit appends to this append-only file (one write per batch) and move them into SQLite in bulk,
   * instead of one SQLite transaction per batch. Only one process may use a journal.
   */
  journalPath?: string;
  /** fdatasync the journal on every append (power-loss durability, as SQLite's synchronous=FULL). */
  journalSync?: boolean;
  /** How long appended updates may wait in the journal before they are moved into SQLite. */
  drainDelayMs?: number;
}

/** Journal records waiting beyond this many are moved into SQLite at once. */
const DRAIN_AT_RECORDS = 2000;

/**
 * DocumentStore on SQLite. An `append` has resolved only once its updates are committed: to SQLite, or
 * (with a journal) to the journal file, from which an interrupted process's updates are recovered on open.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: SqliteDatabase;
  private readonly statements;
  private readonly appendTx;
  private readonly insertRecordsTx;
  /** Last seq per plan: this process is the only writer of its SQLite file, so it can remember. */
  private readonly lastSeqs = new Map<string, number>();
  private readonly journal: AppendJournal | null = null;
  private readonly drainDelayMs: number;
  private journaled: JournalRecord[] = [];
  private drainTimer: NodeJS.Timeout | null = null;

  constructor(db: SqliteDatabase, options: SqliteDocumentStoreOptions = {}) {
    this.db = db;
    this.drainDelayMs = options.drainDelayMs ?? 50;
    this.statements = {
      lastSeq: db.prepare<[string], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM doc_updates WHERE plan_id = ?',
      ),
      insert: db.prepare<[string, number, Uint8Array, string | null, number]>(
        'INSERT INTO doc_updates (plan_id, seq, data, user_id, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      insertIfAbsent: db.prepare<[string, number, Uint8Array, string | null, number]>(
        'INSERT OR IGNORE INTO doc_updates (plan_id, seq, data, user_id, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      checkpoint: db.prepare<
        [string],
        { seq: number; data: Buffer; state_vector: Buffer }
      >('SELECT seq, data, state_vector FROM doc_checkpoints WHERE plan_id = ?'),
      updatesAfter: db
        .prepare<[string, number], { data: Buffer }>(
          'SELECT data FROM doc_updates WHERE plan_id = ? AND seq > ? ORDER BY seq',
        )
        .pluck(),
      upsertCheckpoint: db.prepare<[string, number, Uint8Array, Uint8Array, number]>(
        `INSERT INTO doc_checkpoints (plan_id, seq, data, state_vector, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(plan_id) DO UPDATE SET seq = excluded.seq, data = excluded.data,
           state_vector = excluded.state_vector, created_at = excluded.created_at
         WHERE excluded.seq > doc_checkpoints.seq`,
      ),
      history: db.prepare<[string, number, number], UpdateRow>(
        'SELECT seq, data, user_id, created_at FROM doc_updates WHERE plan_id = ? AND seq > ? ORDER BY seq LIMIT ?',
      ),
      ping: db.prepare('SELECT 1').pluck(),
    };
    this.insertRecordsTx = db.transaction((records: readonly JournalRecord[], ignoreExisting: boolean) => {
      const insert = ignoreExisting ? this.statements.insertIfAbsent : this.statements.insert;
      for (const r of records) insert.run(r.planId, r.seq, r.update, r.userId, r.createdAt);
    });
    if (options.journalPath) {
      const { journal, recovered } = AppendJournal.open(options.journalPath, options.journalSync ?? false);
      // Updates a killed process committed to its journal but had not yet moved into SQLite.
      this.insertRecordsTx(recovered, true);
      journal.reset();
      this.journal = journal;
    }
    this.appendTx = db.transaction((planId: string, updates: readonly PendingUpdate[]) => {
      let seq = this.lastSeq(planId);
      const now = Date.now();
      for (const { update, userId } of updates) {
        seq += 1;
        this.statements.insert.run(planId, seq, update, userId, now);
      }
      return seq;
    });
  }

  async load(planId: string): Promise<LoadedDocument> {
    this.drain();
    const checkpoint = this.statements.checkpoint.get(planId);
    const checkpointSeq = checkpoint?.seq ?? 0;
    const updates = (this.statements.updatesAfter.all(planId, checkpointSeq) as unknown as Buffer[]).map(
      toUint8Array,
    );
    return {
      checkpoint: checkpoint ? toUint8Array(checkpoint.data) : null,
      checkpointStateVector: checkpoint ? toUint8Array(checkpoint.state_vector) : null,
      checkpointSeq,
      updates,
      lastSeq: checkpointSeq + updates.length,
    };
  }

  async append(planId: string, updates: readonly PendingUpdate[]): Promise<number> {
    if (!this.journal) {
      const seq = this.appendTx(planId, updates);
      this.lastSeqs.set(planId, seq);
      return seq;
    }
    let seq = this.lastSeq(planId);
    const createdAt = Date.now();
    const records = updates.map(({ update, userId }) => ({ planId, seq: ++seq, userId, createdAt, update }));
    this.journal.append(records);
    this.lastSeqs.set(planId, seq);
    for (const record of records) this.journaled.push(record);
    this.scheduleDrain();
    return seq;
  }

  /** Moves journaled updates into SQLite, then empties the journal. */
  drain(): void {
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.drainTimer = null;
    if (!this.journal || this.journaled.length === 0) return;
    this.insertRecordsTx(this.journaled, false);
    this.journaled = [];
    this.journal.reset();
  }

  private scheduleDrain(): void {
    if (this.journaled.length >= DRAIN_AT_RECORDS) return this.drain();
    if (this.drainTimer) return;
    this.drainTimer = setTimeout(() => {
      this.drainTimer = null;
      try {
        this.drain();
      } catch {
        // The updates stay committed in the journal; try again later.
        this.scheduleDrain();
      }
    }, this.drainDelayMs);
    this.drainTimer.unref();
  }

  private lastSeq(planId: string): number {
    const known = this.lastSeqs.get(planId);
    if (known !== undefined) return known;
    return this.statements.lastSeq.get(planId)?.seq ?? 0;
  }

  async writeCheckpoint(planId: string, checkpoint: Checkpoint): Promise<void> {
    this.drain();
    this.statements.upsertCheckpoint.run(
      planId,
      checkpoint.upToSeq,
      checkpoint.state,
      checkpoint.stateVector,
      Date.now(),
    );
  }

  async history(planId: string, options: { afterSeq: number; limit: number }): Promise<StoredUpdate[]> {
    this.drain();
    return this.statements.history.all(planId, options.afterSeq, options.limit).map((row) => ({
      seq: row.seq,
      update: toUint8Array(row.data),
      userId: row.user_id,
      createdAt: row.created_at,
    }));
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.drain();
    this.journal?.close();
    this.db.close();
  }
}

function toUint8Array(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
