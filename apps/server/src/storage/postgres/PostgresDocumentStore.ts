import pg from 'pg';
import { ClientIdTaken } from '../ClientIdTaken.ts';
import type {
  Checkpoint,
  DocumentStore,
  LoadedDocument,
  PendingUpdate,
  Snapshot,
  StoredUpdate,
  UpdateKind,
} from '../DocumentStore.ts';
import { inTransaction } from './inTransaction.ts';
import { migratePostgres } from './migratePostgres.ts';
import type { PostgresAccessLogStore } from './PostgresAccessLogStore.ts';

/**
 * DocumentStore on PostgreSQL, for several server instances sharing one database. Appends to one plan are
 * serialised with a transaction-scoped advisory lock, so seqs stay gapless when two instances write.
 */
export class PostgresDocumentStore implements DocumentStore {
  private readonly pool: pg.Pool;
  private readonly accessLog: PostgresAccessLogStore | undefined;
  private readonly ownsPool: boolean;

  /** On a pool shared with the other stores (openPostgresStorage), which closes it. */
  constructor(pool: pg.Pool, options: { accessLog?: PostgresAccessLogStore; ownsPool?: boolean } = {}) {
    this.pool = pool;
    this.accessLog = options.accessLog;
    this.ownsPool = options.ownsPool ?? false;
  }

  /** A store with a pool of its own, schema brought up to date (the document store's contract tests). */
  static async connect(connectionString: string): Promise<PostgresDocumentStore> {
    const pool = new pg.Pool({ connectionString, max: 10 });
    await migratePostgres(pool);
    return new PostgresDocumentStore(pool, { ownsPool: true });
  }

  async load(planId: string): Promise<LoadedDocument> {
    const client = await this.pool.connect();
    try {
      // One snapshot for checkpoint and tail, so a concurrent checkpoint cannot make them disagree.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const checkpoint = await client.query<{ seq: string; data: Buffer; state_vector: Buffer }>(
        'SELECT seq, data, state_vector FROM doc_checkpoints WHERE plan_id = $1',
        [planId],
      );
      const row = checkpoint.rows[0];
      const checkpointSeq = row ? Number(row.seq) : 0;
      const tail = await client.query<{ data: Buffer }>(
        'SELECT data FROM doc_updates WHERE plan_id = $1 AND seq > $2 ORDER BY seq',
        [planId, checkpointSeq],
      );
      await client.query('COMMIT');
      return {
        checkpoint: row ? new Uint8Array(row.data) : null,
        checkpointStateVector: row ? new Uint8Array(row.state_vector) : null,
        checkpointSeq,
        updates: tail.rows.map((r) => new Uint8Array(r.data)),
        lastSeq: checkpointSeq + tail.rows.length,
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Edits alone (no client claims, no innsynslogg entries: nearly every batch) go in one round trip, a statement
   * of its own; the rest in a transaction with their claims and entries.
   */
  append(planId: string, updates: readonly PendingUpdate[]): Promise<number> {
    if (updates.every((u) => !u.log && !(u.claims && u.claims.length > 0)))
      return this.insert(this.pool, planId, updates);
    return inTransaction(this.pool, (client) => this.appendIn(client, planId, updates));
  }

  /**
   * Appends inside the caller's open transaction: under a lock on the plan (seqs stay gapless with several
   * writers), with the clients the updates claim and a server update's innsynslogg entries. Returns the last seq.
   */
  async appendIn(client: pg.PoolClient, planId: string, updates: readonly PendingUpdate[]): Promise<number> {
    const last = await this.insert(client, planId, updates);
    let seq = last - updates.length;
    for (const { userId, log, claims } of updates) {
      seq += 1;
      if (claims && userId) {
        for (const id of claims) {
          // Returns the owner, new or not: two instances may accept claims of one id at the same moment.
          const owner: pg.QueryResult<{ user_id: string }> = await client.query(
            `INSERT INTO doc_clients (plan_id, client_id, user_id) VALUES ($1, $2, $3)
             ON CONFLICT (plan_id, client_id) DO UPDATE SET user_id = doc_clients.user_id RETURNING user_id`,
            [planId, id, userId],
          );
          if (owner.rows[0]!.user_id !== userId) throw new ClientIdTaken(planId, id);
        }
      }
      if (log) {
        if (!this.accessLog) throw new Error('this document store writes no innsynslogg entries');
        await this.accessLog.appendIn(client, planId, log(seq));
      }
    }
    return seq;
  }

  /** The updates under the next seqs (samplan_append, migration 9); resolves with the last. */
  private async insert(
    on: pg.Pool | pg.PoolClient,
    planId: string,
    updates: readonly PendingUpdate[],
  ): Promise<number> {
    const packed =
      updates.length === 1
        ? Buffer.from(updates[0]!.update.buffer, updates[0]!.update.byteOffset, updates[0]!.update.byteLength)
        : Buffer.concat(updates.map(({ update }) => update));
    const result = await on.query<{ seq: string }>('SELECT samplan_append($1, $2, $3, $4, $5, $6) AS seq', [
      planId,
      packed,
      updates.map(({ update }) => update.byteLength),
      updates.map(({ userId }) => userId),
      updates.map(({ kind }) => (kind === 'restore' ? kind : null)),
      Date.now(),
    ]);
    return Number(result.rows[0]!.seq);
  }

  async clientOwners(planId: string): Promise<Map<number, string>> {
    const result = await this.pool.query<{ client_id: string; user_id: string }>(
      'SELECT client_id, user_id FROM doc_clients WHERE plan_id = $1',
      [planId],
    );
    return new Map(result.rows.map((row) => [Number(row.client_id), row.user_id]));
  }

  async readCheckpoint(planId: string): Promise<Checkpoint | undefined> {
    const result = await this.pool.query<{ seq: string; data: Buffer; state_vector: Buffer }>(
      'SELECT seq, data, state_vector FROM doc_checkpoints WHERE plan_id = $1',
      [planId],
    );
    const row = result.rows[0];
    return (
      row && {
        upToSeq: Number(row.seq),
        state: new Uint8Array(row.data),
        stateVector: new Uint8Array(row.state_vector),
      }
    );
  }

  async writeCheckpoint(planId: string, checkpoint: Checkpoint): Promise<void> {
    await this.pool.query(
      `INSERT INTO doc_checkpoints (plan_id, seq, data, state_vector, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (plan_id) DO UPDATE SET seq = EXCLUDED.seq, data = EXCLUDED.data,
         state_vector = EXCLUDED.state_vector, created_at = EXCLUDED.created_at
       WHERE EXCLUDED.seq > doc_checkpoints.seq`,
      [planId, checkpoint.upToSeq, Buffer.from(checkpoint.state), Buffer.from(checkpoint.stateVector), Date.now()],
    );
  }

  async history(
    planId: string,
    options: { afterSeq: number; limit: number; upToSeq?: number },
  ): Promise<StoredUpdate[]> {
    const result = await this.pool.query<{
      seq: string;
      data: Buffer;
      user_id: string | null;
      created_at: string;
      kind: UpdateKind | null;
    }>(
      `SELECT seq, data, user_id, created_at, kind FROM doc_updates WHERE plan_id = $1 AND seq > $2 AND seq <= $3
       ORDER BY seq LIMIT $4`,
      [planId, options.afterSeq, options.upToSeq ?? Number.MAX_SAFE_INTEGER, options.limit],
    );
    return result.rows.map((row) => ({
      seq: Number(row.seq),
      update: new Uint8Array(row.data),
      userId: row.user_id,
      createdAt: Number(row.created_at),
      kind: row.kind ?? 'edit',
    }));
  }

  async lastSeq(planId: string): Promise<number> {
    const result = await this.pool.query<{ seq: string | null }>(
      'SELECT MAX(seq) AS seq FROM doc_updates WHERE plan_id = $1',
      [planId],
    );
    return Number(result.rows[0]?.seq ?? 0);
  }

  async lastSeqsOf(planIds: readonly string[]): Promise<Map<string, number>> {
    const result = await this.pool.query<{ plan_id: string; seq: string }>(
      'SELECT plan_id, MAX(seq) AS seq FROM doc_updates WHERE plan_id = ANY($1) GROUP BY plan_id',
      [planIds],
    );
    return new Map(result.rows.map((row) => [row.plan_id, Number(row.seq)]));
  }

  async lastWrite(planId: string): Promise<{ seq: number; at: number; userId: string | null } | undefined> {
    const result = await this.pool.query<{ seq: string; created_at: string; user_id: string | null }>(
      'SELECT seq, created_at, user_id FROM doc_updates WHERE plan_id = $1 ORDER BY seq DESC LIMIT 1',
      [planId],
    );
    const row = result.rows[0];
    return row && { seq: Number(row.seq), at: Number(row.created_at), userId: row.user_id };
  }

  async seqAt(planId: string, time: number): Promise<number> {
    const result = await this.pool.query<{ seq: string | null }>(
      'SELECT MAX(seq) AS seq FROM doc_updates WHERE plan_id = $1 AND created_at <= $2',
      [planId, time],
    );
    return Number(result.rows[0]?.seq ?? 0);
  }

  async writeSnapshot(planId: string, snapshot: Snapshot): Promise<void> {
    await this.pool.query(
      'INSERT INTO doc_snapshots (plan_id, seq, data, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [planId, snapshot.seq, Buffer.from(snapshot.state), Date.now()],
    );
  }

  async snapshotAtOrBefore(planId: string, seq: number): Promise<Snapshot | undefined> {
    const result = await this.pool.query<{ seq: string; data: Buffer }>(
      'SELECT seq, data FROM doc_snapshots WHERE plan_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1',
      [planId, seq],
    );
    const row = result.rows[0];
    return row && { seq: Number(row.seq), state: new Uint8Array(row.data) };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
