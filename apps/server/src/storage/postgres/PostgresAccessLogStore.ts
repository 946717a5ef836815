import type pg from 'pg';
import type {
  AccessLogEntry,
  AccessLogListOptions,
  AccessLogStore,
  LogChain,
  NewAccessLogEntry,
} from '../AccessLogStore.ts';
import { toEntry, type LogRow } from '../accessLogRows.ts';
import { inTransaction } from './inTransaction.ts';

/**
 * The innsynslogg on PostgreSQL (migration 4). Appends to one plan's chain are serialised across every instance by
 * a transaction-scoped advisory lock on the plan, taken before the head is read, so no two writers chain onto the
 * same entry; `appendIn` does so inside another store's transaction (a write and its entries commit together).
 */
export class PostgresAccessLogStore implements AccessLogStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly chain: LogChain,
  ) {}

  append(planId: string, entries: readonly NewAccessLogEntry[]): Promise<AccessLogEntry[]> {
    return inTransaction(this.pool, (client) => this.appendIn(client, planId, entries));
  }

  /** Appends inside the caller's open transaction on `client`. */
  async appendIn(
    client: pg.PoolClient,
    planId: string,
    entries: readonly NewAccessLogEntry[],
  ): Promise<AccessLogEntry[]> {
    if (entries.length === 0) return [];
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('access_log:' || $1, 0))", [planId]);
    const head = await client.query<{ seq: string; hash: string }>(
      'SELECT seq, hash FROM access_log WHERE plan_id = $1 ORDER BY seq DESC LIMIT 1',
      [planId],
    );
    let seq = head.rows[0] ? Number(head.rows[0].seq) : 0;
    let prevHash = head.rows[0]?.hash ?? this.chain.genesisHash;
    const written: AccessLogEntry[] = [];
    for (const entry of entries) {
      seq += 1;
      const fields = { planId, seq, ...entry, details: this.chain.serializeDetails(entry.details), prevHash };
      const stored = { ...fields, hash: this.chain.entryHash(fields) };
      await client.query(
        `INSERT INTO access_log (plan_id, seq, at, actor_id, actor_name, action, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          planId,
          seq,
          stored.at,
          stored.actorId,
          stored.actorName,
          stored.action,
          stored.details,
          prevHash,
          stored.hash,
        ],
      );
      written.push(stored);
      prevHash = stored.hash;
    }
    return written;
  }

  async list(planId: string, options: AccessLogListOptions): Promise<AccessLogEntry[]> {
    const result = await this.pool.query<LogRow>(
      'SELECT * FROM access_log WHERE plan_id = $1 AND seq > $2 AND at >= $3 ORDER BY seq LIMIT $4',
      [planId, options.afterSeq, options.since ?? 0, options.limit],
    );
    return result.rows.map(toEntry);
  }
}
