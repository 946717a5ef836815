/**
 * One Hocuspocus 4 instance for the bench's cluster section: `@hocuspocus/server` with `@hocuspocus/extension-redis`
 * (updates reach the other instances' documents through Redis pub/sub) and `@hocuspocus/extension-database` as
 * its durable store, one row per document (the whole Yjs state) in a PostgreSQL table of its own. Everything is
 * Hocuspocus's default: the database extension stores a document 2 s after its last change (at most 10 s after
 * the first), not before it relays the change (bench/README.md). No authentication.
 *
 * Run by bench/lib/servers.ts as `node --import tsx bench/hocuspocusServer.ts` with PORT, HOST, DATABASE_URL (its
 * search_path naming the bench's schema), REDIS_URL, REDIS_PREFIX (shared by the instances of one run) and
 * INSTANCE (this instance's name). Creates its table when missing, so start the instances one after the other.
 */
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';
import pg from 'pg';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const pool = new pg.Pool({ connectionString: env('DATABASE_URL'), max: 4 });
await pool.query('CREATE TABLE IF NOT EXISTS hocuspocus_documents (name text PRIMARY KEY, data bytea NOT NULL)');

const redis = new URL(env('REDIS_URL'));
const server = new Server({
  port: Number(env('PORT')),
  address: env('HOST'),
  quiet: true,
  // SIGINT/SIGTERM below: the server is destroyed (pending stores run) before the pool closes.
  stopOnSignals: false,
  extensions: [
    new Redis({
      host: redis.hostname,
      port: Number(redis.port || 6379),
      identifier: env('INSTANCE'),
      prefix: env('REDIS_PREFIX'),
    }),
    new Database({
      fetch: async ({ documentName }) => {
        const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM hocuspocus_documents WHERE name = $1', [
          documentName,
        ]);
        return rows[0] ? new Uint8Array(rows[0].data) : null;
      },
      store: async ({ documentName, state }) => {
        await pool.query(
          'INSERT INTO hocuspocus_documents (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = $2',
          [documentName, state],
        );
      },
    }),
  ],
});
await server.listen();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server
      .destroy()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}
