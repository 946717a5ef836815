import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migratePostgres } from '../../src/storage/postgres/migratePostgres.ts';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A pool on a schema of its own, migrated, so a test sees only its own rows; `drop` removes the schema. */
export async function freshPostgresSchema(): Promise<{ pool: pg.Pool; schema: string; drop(): Promise<void> }> {
  const schema = `samplan_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}`, max: 5 });
  await migratePostgres(pool);
  return {
    pool,
    schema,
    async drop() {
      await pool.end();
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
