import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migratePostgres, postgresMigrations } from '../src/storage/postgres/migratePostgres.ts';
import { freshPostgresSchema, POSTGRES_URL } from './support/postgresSchema.ts';

describe('PostgreSQL migrations', () => {
  it('run each version once when several instances start together, and again is nothing to do', async () => {
    const fresh = await freshPostgresSchema();
    // freshPostgresSchema has migrated it already; start over on an empty schema of the same name.
    await fresh.pool.query(`DROP SCHEMA ${fresh.schema} CASCADE; CREATE SCHEMA ${fresh.schema}`);
    const pools = Array.from(
      { length: 3 },
      () => new pg.Pool({ connectionString: POSTGRES_URL, options: `-c search_path=${fresh.schema}`, max: 2 }),
    );
    try {
      const versions = await Promise.all(pools.map((pool) => migratePostgres(pool)));
      expect(versions).toEqual([postgresMigrations.length, postgresMigrations.length, postgresMigrations.length]);
      const applied = await fresh.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY 1');
      expect(applied.rows.map((row) => row.version)).toEqual(postgresMigrations.map((_, i) => i + 1));
      expect(await migratePostgres(pools[0]!)).toBe(postgresMigrations.length);
      const tables = await fresh.pool.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [fresh.schema],
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['doc_updates', 'mail_queue', 'notifications', 'notification_settings']),
      );
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await fresh.drop();
    }
  });

  it('mark the plans made with the example content before it was recorded, as their innsynslogg says', async () => {
    const fresh = await freshPostgresSchema();
    try {
      // As before version 14: no column, and that version not applied.
      await fresh.pool.query('ALTER TABLE plans DROP COLUMN example');
      await fresh.pool.query('DELETE FROM schema_migrations WHERE version = 14');
      await fresh.pool.query(
        "INSERT INTO users (id, email, name, created_at) VALUES ('u1', 'k@eksempel.no', 'Kari', 1)",
      );
      for (const [planId, demo] of [
        ['p-example', true],
        ['p-real', false],
      ] as const) {
        await fresh.pool.query(
          "INSERT INTO plans (id, title, child_name, created_by, created_at) VALUES ($1, 'Plan', 'Emma', 'u1', 1)",
          [planId],
        );
        await fresh.pool.query(
          `INSERT INTO access_log (plan_id, seq, at, actor_id, actor_name, action, details, prev_hash, hash)
           VALUES ($1, 1, 1, 'u1', 'Kari', 'plan.created', $2, 'x', 'y')`,
          [planId, JSON.stringify({ role: 'foresatt', demo })],
        );
      }
      expect(postgresMigrations).toHaveLength(14);
      await migratePostgres(fresh.pool);
      const plans = await fresh.pool.query('SELECT id, example FROM plans ORDER BY id');
      expect(plans.rows).toEqual([
        { id: 'p-example', example: 1 },
        { id: 'p-real', example: 0 },
      ]);
    } finally {
      await fresh.drop();
    }
  });
});
