import type { SqliteDatabase } from './openSqlite.ts';
import { ClientIdTaken } from '../ClientIdTaken.ts';
import type { SqliteAccessLogStore } from './SqliteAccessLogStore.ts';
import type {
  Checkpoint,
  DocumentStore,
  LoadedDocument,
  PendingUpdate,
  Snapshot,
  StoredUpdate,
  UpdateKind,
} from '../DocumentStore.ts';

interface UpdateRow {
  seq: number;
  data: Buffer;
  user_id: string | null;
  created_at: number;
  kind: UpdateKind | null;
}

/** How many plans' last seq to remember by default: the plans written to lately (open ones, mostly). */
const SEQ_CACHE_SIZE = 10_000;

/** DocumentStore on SQLite. better-sqlite3 is synchronous, so a resolved `append` is a committed one. */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: SqliteDatabase;
  private readonly statements;
  /** Appends in a transaction of its own or the caller's; `append` also remembers the seq once committed. */
  readonly appendSync: (planId: string, updates: readonly PendingUpdate[]) => number;
  /**
   * Last seq of the plans written to most recently, oldest first (a Map keeps insertion order): this process is the
   * only writer of its SQLite file, so it can remember instead of asking for MAX(seq) on every append. A plan
   * that drops out is asked for again.
   */
  private readonly lastSeqs = new Map<string, number>();
  private readonly seqCacheSize: number;

  constructor(
    db: SqliteDatabase,
    options: { seqCacheSize?: number; now?: () => number; accessLog?: SqliteAccessLogStore } = {},
  ) {
    this.db = db;
    this.seqCacheSize = Math.max(1, options.seqCacheSize ?? SEQ_CACHE_SIZE);
    this.statements = {
      lastSeq: db.prepare<[string], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM doc_updates WHERE plan_id = ?',
      ),
      insert: db.prepare<[string, number, Uint8Array, string | null, number, UpdateKind | null]>(
        'INSERT INTO doc_updates (plan_id, seq, data, user_id, created_at, kind) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      checkpoint: db.prepare<[string], { seq: number; data: Buffer; state_vector: Buffer }>(
        'SELECT seq, data, state_vector FROM doc_checkpoints WHERE plan_id = ?',
      ),
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
      history: db.prepare<[string, number, number, number], UpdateRow>(
        `SELECT seq, data, user_id, created_at, kind FROM doc_updates WHERE plan_id = ? AND seq > ? AND seq <= ?
         ORDER BY seq LIMIT ?`,
      ),
      seqAt: db.prepare<[string, number], { seq: number | null }>(
        'SELECT MAX(seq) AS seq FROM doc_updates WHERE plan_id = ? AND created_at <= ?',
      ),
      insertSnapshot: db.prepare<[string, number, Uint8Array, number]>(
        'INSERT INTO doc_snapshots (plan_id, seq, data, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      snapshotAtOrBefore: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_snapshots WHERE plan_id = ? AND seq <= ? ORDER BY seq DESC LIMIT 1',
      ),
      claim: db.prepare<[string, number, string]>(
        'INSERT INTO doc_clients (plan_id, client_id, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      clientOwner: db.prepare<[string, number], { user_id: string }>(
        'SELECT user_id FROM doc_clients WHERE plan_id = ? AND client_id = ?',
      ),
      clientOwners: db.prepare<[string], { client_id: number; user_id: string }>(
        'SELECT client_id, user_id FROM doc_clients WHERE plan_id = ?',
      ),
      lastWrite: db.prepare<[string], { seq: number; created_at: number; user_id: string | null }>(
        'SELECT seq, created_at, user_id FROM doc_updates WHERE plan_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      ping: db.prepare('SELECT 1').pluck(),
    };
    this.appendSync = db.transaction((planId: string, updates: readonly PendingUpdate[]) => {
      let seq = this.lastSeqs.get(planId) ?? this.statements.lastSeq.get(planId)?.seq ?? 0;
      const now = (options.now ?? Date.now)();
      for (const { update, userId, kind, log, claims } of updates) {
        seq += 1;
        this.statements.insert.run(planId, seq, update, userId, now, kind === 'restore' ? kind : null);
        if (claims && userId) {
          for (const client of claims) {
            const owner = this.statements.clientOwner.get(planId, client)?.user_id;
            if (owner !== undefined && owner !== userId) throw new ClientIdTaken(planId, client);
            this.statements.claim.run(planId, client, userId);
          }
        }
        if (log) {
          if (!options.accessLog) throw new Error('this document store writes no innsynslogg entries');
          options.accessLog.appendSync(planId, log(seq));
        }
      }
      return seq;
    });
  }

  async load(planId: string): Promise<LoadedDocument> {
    const checkpoint = this.statements.checkpoint.get(planId);
    const checkpointSeq = checkpoint?.seq ?? 0;
    const updates = (this.statements.updatesAfter.all(planId, checkpointSeq) as unknown as Buffer[]).map(toUint8Array);
    return {
      checkpoint: checkpoint ? toUint8Array(checkpoint.data) : null,
      checkpointStateVector: checkpoint ? toUint8Array(checkpoint.state_vector) : null,
      checkpointSeq,
      updates,
      lastSeq: checkpointSeq + updates.length,
    };
  }

  async append(planId: string, updates: readonly PendingUpdate[]): Promise<number> {
    const seq = this.appendSync(planId, updates);
    this.remember(planId, seq);
    return seq;
  }

  /** Records a plan's last seq after a commit (never before: a rolled-back transaction must leave no trace here). */
  remember(planId: string, seq: number): void {
    this.lastSeqs.delete(planId);
    this.lastSeqs.set(planId, seq);
    if (this.lastSeqs.size > this.seqCacheSize) this.lastSeqs.delete(this.lastSeqs.keys().next().value!);
  }

  /** How many plans' last seq are remembered (bounded by `seqCacheSize`). */
  get rememberedSeqs(): number {
    return this.lastSeqs.size;
  }

  async readCheckpoint(planId: string): Promise<Checkpoint | undefined> {
    const row = this.statements.checkpoint.get(planId);
    return row && { upToSeq: row.seq, state: toUint8Array(row.data), stateVector: toUint8Array(row.state_vector) };
  }

  async writeCheckpoint(planId: string, checkpoint: Checkpoint): Promise<void> {
    this.statements.upsertCheckpoint.run(
      planId,
      checkpoint.upToSeq,
      checkpoint.state,
      checkpoint.stateVector,
      Date.now(),
    );
  }

  async history(
    planId: string,
    options: { afterSeq: number; limit: number; upToSeq?: number },
  ): Promise<StoredUpdate[]> {
    const upTo = options.upToSeq ?? Number.MAX_SAFE_INTEGER;
    return this.statements.history.all(planId, options.afterSeq, upTo, options.limit).map((row) => ({
      seq: row.seq,
      update: toUint8Array(row.data),
      userId: row.user_id,
      createdAt: row.created_at,
      kind: row.kind ?? 'edit',
    }));
  }

  async clientOwners(planId: string): Promise<Map<number, string>> {
    return new Map(this.statements.clientOwners.all(planId).map((row) => [row.client_id, row.user_id]));
  }

  async lastSeqsOf(planIds: readonly string[]): Promise<Map<string, number>> {
    const seqs = new Map<string, number>();
    for (const planId of planIds) {
      const seq = await this.lastSeq(planId);
      if (seq > 0) seqs.set(planId, seq);
    }
    return seqs;
  }

  async lastSeq(planId: string): Promise<number> {
    return this.lastSeqs.get(planId) ?? this.statements.lastSeq.get(planId)?.seq ?? 0;
  }

  async lastWrite(planId: string): Promise<{ seq: number; at: number; userId: string | null } | undefined> {
    const row = this.statements.lastWrite.get(planId);
    return row && { seq: row.seq, at: row.created_at, userId: row.user_id };
  }

  async seqAt(planId: string, time: number): Promise<number> {
    return this.statements.seqAt.get(planId, time)?.seq ?? 0;
  }

  async writeSnapshot(planId: string, snapshot: Snapshot): Promise<void> {
    this.statements.insertSnapshot.run(planId, snapshot.seq, snapshot.state, Date.now());
  }

  async snapshotAtOrBefore(planId: string, seq: number): Promise<Snapshot | undefined> {
    const row = this.statements.snapshotAtOrBefore.get(planId, seq);
    return row && { seq: row.seq, state: toUint8Array(row.data) };
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function toUint8Array(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
