import type pg from 'pg';
import type { NewAccessLogEntry } from '../AccessLogStore.ts';
import type {
  DeletionRecord,
  HistoryStore,
  ProjectionCursor,
  ProjectionPass,
  VersionName,
  VersionRecord,
} from '../HistoryStore.ts';
import { toDeletion, toName, toVersion, type DeletionRow, type NameRow, type VersionRow } from '../historyRows.ts';
import { StaleProjectionPass } from '../StaleProjectionPass.ts';
import { inTransaction } from './inTransaction.ts';
import type { PostgresAccessLogStore } from './PostgresAccessLogStore.ts';

/**
 * The projections on PostgreSQL (migration 7). A pass commits in one transaction with its change-log entries,
 * under an advisory lock on the plan's projection, and only from the cursor it was computed from (StaleProjectionPass).
 */
export class PostgresHistoryStore implements HistoryStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly accessLog: PostgresAccessLogStore,
  ) {}

  async cursor(planId: string): Promise<ProjectionCursor | undefined> {
    const result = await this.pool.query<{
      seq: string;
      state: Buffer;
      pending: string;
      change_logged_through: string;
    }>('SELECT seq, state, pending, change_logged_through FROM projection_cursors WHERE plan_id = $1', [planId]);
    const row = result.rows[0];
    return (
      row && {
        seq: Number(row.seq),
        state: new Uint8Array(row.state),
        pending: row.pending,
        changeLoggedThrough: Number(row.change_logged_through),
      }
    );
  }

  /** Writes a new plan's cursor inside the transaction that creates the plan. */
  async startIn(client: pg.PoolClient, planId: string, changeLoggedThrough: number): Promise<void> {
    await client.query(
      `INSERT INTO projection_cursors (plan_id, seq, state, pending, change_logged_through)
       VALUES ($1, 0, $2, '{}', $3)`,
      [planId, Buffer.alloc(0), changeLoggedThrough],
    );
  }

  async commitPass(planId: string, pass: ProjectionPass): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('projection:' || $1, 0))", [planId]);
      const row = (
        await client.query<{ seq: string; change_logged_through: string }>(
          'SELECT seq, change_logged_through FROM projection_cursors WHERE plan_id = $1',
          [planId],
        )
      ).rows[0];
      const stored = { seq: Number(row?.seq ?? 0), changeLoggedThrough: Number(row?.change_logged_through ?? 0) };
      if (stored.seq !== pass.from.seq || stored.changeLoggedThrough !== pass.from.changeLoggedThrough) {
        throw new StaleProjectionPass(planId, stored, pass.from);
      }
      for (const fromSeq of pass.mergedVersions) {
        await client.query('DELETE FROM doc_versions WHERE plan_id = $1 AND from_seq = $2', [planId, fromSeq]);
      }
      for (const v of pass.versions) {
        await client.query(
          `INSERT INTO doc_versions (plan_id, from_seq, to_seq, first_at, last_at, kind, authors, parts)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (plan_id, from_seq) DO UPDATE SET to_seq = excluded.to_seq, first_at = excluded.first_at,
             last_at = excluded.last_at, kind = excluded.kind, authors = excluded.authors, parts = excluded.parts`,
          [planId, v.fromSeq, v.toSeq, v.firstAt, v.lastAt, v.kind, JSON.stringify(v.authors), JSON.stringify(v.parts)],
        );
      }
      for (const name of pass.names) {
        await client.query(
          `INSERT INTO doc_version_names (plan_id, seq, name, kind, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING`,
          [planId, name.seq, name.name, name.kind, name.userId, name.createdAt],
        );
      }
      for (const d of pass.deletions) {
        await client.query(
          `INSERT INTO doc_deletions (plan_id, seq, collection, item_id, title, parent_id, user_id, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [planId, d.seq, d.collection, d.itemId, d.title, d.parentId, d.userId, d.at],
        );
      }
      for (const a of pass.appeared) {
        await client.query(
          `UPDATE doc_deletions SET returned_seq = $1
           WHERE plan_id = $2 AND item_id = $3 AND collection = $4 AND returned_seq IS NULL AND seq < $1`,
          [a.seq, planId, a.itemId, a.collection],
        );
      }
      if (pass.progress !== undefined) await this.putProgressIn(client, planId, pass.cursor.seq, pass.progress);
      await this.accessLog.appendIn(client, planId, pass.changeLog);
      const { cursor } = pass;
      await client.query(
        `INSERT INTO projection_cursors (plan_id, seq, state, pending, change_logged_through) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (plan_id) DO UPDATE SET seq = excluded.seq, state = excluded.state, pending = excluded.pending,
           change_logged_through = excluded.change_logged_through`,
        [planId, cursor.seq, Buffer.from(cursor.state), cursor.pending, cursor.changeLoggedThrough],
      );
    });
  }

  async versions(
    planId: string,
    options: { beforeSeq?: number; fromSeq?: number; limit: number },
  ): Promise<VersionRecord[]> {
    const result = await this.pool.query<VersionRow>(
      `SELECT * FROM doc_versions WHERE plan_id = $1 AND to_seq < $2 AND to_seq >= $3
       ORDER BY to_seq DESC LIMIT $4`,
      [planId, options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.fromSeq ?? 0, options.limit],
    );
    return result.rows.map(toVersion);
  }

  async names(planId: string): Promise<VersionName[]> {
    const result = await this.pool.query<NameRow>('SELECT * FROM doc_version_names WHERE plan_id = $1 ORDER BY seq', [
      planId,
    ]);
    return result.rows.map(toName);
  }

  async addName(planId: string, name: VersionName, log: readonly NewAccessLogEntry[]): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      const added = await client.query(
        // A member's name for a version replaces the name they gave it; another's, or one from a meeting or revision, stays.
        `INSERT INTO doc_version_names (plan_id, seq, name, kind, user_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (plan_id, seq) DO UPDATE SET name = excluded.name, user_id = excluded.user_id,
           created_at = excluded.created_at
         WHERE doc_version_names.kind = 'manual' AND excluded.kind = 'manual'
           AND doc_version_names.user_id = excluded.user_id`,
        [planId, name.seq, name.name, name.kind, name.userId, name.createdAt],
      );
      if ((added.rowCount ?? 0) === 0) return false;
      await this.accessLog.appendIn(client, planId, log);
      return true;
    });
  }

  async deletions(
    planId: string,
    options: { since: number; fromSeq: number; limit: number },
  ): Promise<DeletionRecord[]> {
    const result = await this.pool.query<DeletionRow>(
      `SELECT * FROM doc_deletions WHERE plan_id = $1 AND at >= $2 AND seq >= $3 AND returned_seq IS NULL
       ORDER BY seq DESC LIMIT $4`,
      [planId, options.since, options.fromSeq, options.limit],
    );
    return result.rows.map(toDeletion);
  }

  async deletionsBetween(planId: string, fromSeq: number, toSeq: number): Promise<DeletionRecord[]> {
    const result = await this.pool.query<DeletionRow>(
      'SELECT * FROM doc_deletions WHERE plan_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq',
      [planId, fromSeq, toSeq],
    );
    return result.rows.map(toDeletion);
  }

  async progress(planIds: readonly string[]): Promise<Map<string, { seq: number; facts: string }>> {
    if (planIds.length === 0) return new Map();
    const result = await this.pool.query<{ plan_id: string; seq: string; facts: string }>(
      'SELECT plan_id, seq, facts FROM plan_progress WHERE plan_id = ANY($1)',
      [[...planIds]],
    );
    return new Map(result.rows.map((row) => [row.plan_id, { seq: Number(row.seq), facts: row.facts }]));
  }

  async putProgress(planId: string, seq: number, facts: string): Promise<void> {
    await this.putProgressIn(this.pool, planId, seq, facts);
  }

  private async putProgressIn(db: pg.Pool | pg.PoolClient, planId: string, seq: number, facts: string): Promise<void> {
    await db.query(
      `INSERT INTO plan_progress (plan_id, seq, facts) VALUES ($1, $2, $3)
       ON CONFLICT (plan_id) DO UPDATE SET seq = excluded.seq, facts = excluded.facts`,
      [planId, seq, facts],
    );
  }

  async recordVisit(planId: string, userId: string, visit: { seq: number; at: number }): Promise<void> {
    await this.pool.query(
      `INSERT INTO plan_visits (plan_id, user_id, seq, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (plan_id, user_id) DO UPDATE SET seq = excluded.seq, at = excluded.at`,
      [planId, userId, visit.seq, visit.at],
    );
  }

  async lastVisit(planId: string, userId: string): Promise<{ seq: number; at: number } | undefined> {
    const result = await this.pool.query<{ seq: string; at: string }>(
      'SELECT seq, at FROM plan_visits WHERE plan_id = $1 AND user_id = $2',
      [planId, userId],
    );
    const row = result.rows[0];
    return row && { seq: Number(row.seq), at: Number(row.at) };
  }
}
