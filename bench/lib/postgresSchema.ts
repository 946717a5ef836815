import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A PostgreSQL schema of the bench's own, on the database at `url`; `drop` removes it with all it holds. */
export interface PostgresSchema {
  name: string;
  /** `url` with `options=-c search_path=<name>`: a server given it sees only this schema's tables. */
  url: string;
  /** One query on this schema (its own connection, closed after). */
  query<R extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Creates `<prefix>_<random>` on the database at `url` (the servers create their tables in it). */
export async function createPostgresSchema(url: string, prefix: string): Promise<PostgresSchema> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withClient(url, (client) => client.query(`CREATE SCHEMA ${name}`));
  const separator = url.includes('?') ? '&' : '?';
  const schemaUrl = `${url}${separator}options=${encodeURIComponent(`-c search_path=${name}`)}`;
  return {
    name,
    url: schemaUrl,
    query: (sql, values) => withClient(schemaUrl, async (client) => (await client.query(sql, values)).rows),
    drop: () => withClient(url, async (client) => void (await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`))),
  };
}
