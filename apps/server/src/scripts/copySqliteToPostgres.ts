import Database from 'better-sqlite3';
import pg from 'pg';
import { inTransaction } from '../storage/postgres/inTransaction.ts';
import { migratePostgres } from '../storage/postgres/migratePostgres.ts';

/**
 * The tables moved from SQLite to PostgreSQL, parents before children (foreign keys). Both schemas name their
 * columns alike (storage/sqlite/migrations.ts, storage/postgres/migratePostgres.ts); JSON kept as text in SQLite
 * goes into JSONB columns as it is.
 */
export const MOVED_TABLES = [
  'users',
  'sessions',
  'login_failures',
  'oidc_identities',
  'password_resets',
  'plans',
  'memberships',
  'invites',
  'consents',
  'access_log',
  'doc_updates',
  'doc_checkpoints',
  'doc_snapshots',
  'doc_clients',
  'projection_cursors',
  'doc_versions',
  'doc_version_names',
  'doc_deletions',
  'plan_progress',
  'plan_visits',
  'mail_queue',
  'notifications',
  'notification_settings',
] as const;

const BATCH = 500;

export interface CopyResult {
  rows: Record<string, number>;
}

/**
 * Moves a SQLite data folder's database into an empty PostgreSQL database, in one transaction: all of it, or
 * nothing. Refuses a target that has plans or users already. The innsynslogg's key fingerprint goes along, so the
 * server on PostgreSQL must start with the same AUDIT_LOG_KEY (or key file) and the log verifies there as it did.
 */
export async function copySqliteToPostgres(sqlitePath: string, databaseUrl: string): Promise<CopyResult> {
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await migratePostgres(pool);
    const rows: Record<string, number> = {};
    await inTransaction(pool, async (client) => {
      const taken = await client.query<{ n: string }>(
        'SELECT (SELECT COUNT(*) FROM users) + (SELECT COUNT(*) FROM plans) AS n',
      );
      if (Number(taken.rows[0]?.n ?? 0) > 0) throw new Error('the PostgreSQL database has users or plans already');
      for (const table of MOVED_TABLES) {
        const columns = (source.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map(
          (c) => c.name,
        );
        if (columns.length === 0) continue;
        const select = source.prepare(`SELECT ${columns.join(', ')} FROM ${table}`).raw();
        let batch: unknown[][] = [];
        rows[table] = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const values: unknown[] = [];
          const tuples = batch.map((row) => {
            const start = values.length;
            values.push(...row);
            return `(${row.map((_, i) => `$${start + i + 1}`).join(', ')})`;
          });
          await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
          rows[table]! += batch.length;
          batch = [];
        };
        for (const row of select.iterate() as Iterable<unknown[]>) {
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
      }
      const key = source.prepare('SELECT fingerprint FROM audit_chain_key').pluck().get() as string | null | undefined;
      if (key) await client.query('UPDATE audit_chain_key SET fingerprint = $1 WHERE id = 1', [key]);
    });
    return { rows };
  } finally {
    source.close();
    await pool.end();
  }
}
