import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainVerifier, keyedLogChain } from '../src/audit/chain.ts';
import type { AccessLogStore, NewAccessLogEntry } from '../src/storage/AccessLogStore.ts';
import { PostgresAccessLogStore } from '../src/storage/postgres/PostgresAccessLogStore.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { SqliteAccessLogStore } from '../src/storage/sqlite/SqliteAccessLogStore.ts';
import { freshPostgresSchema, POSTGRES_URL } from './support/postgresSchema.ts';

const chain = keyedLogChain('en-testnøkkel-som-er-lang-nok-for-hmac-0123456789');
const entry = (action: string, at = 1000): NewAccessLogEntry => ({
  at,
  actorId: 'u1',
  actorName: 'Kari Nilsen',
  action,
  details: { via: 'rest', ord: 'æøå' },
});
const verify = (entries: Parameters<ChainVerifier['add']>[0][]) => {
  const verifier = new ChainVerifier((fields) => chain.entryHash(fields));
  for (const e of entries) verifier.add(e);
  return verifier.result();
};

/** The same behaviour from every AccessLogStore; run on SQLite and on PostgreSQL. */
function contract(
  name: string,
  open: () => Promise<{ store: AccessLogStore; tamper(planId: string): Promise<unknown>; close(): Promise<void> }>,
) {
  describe(`AccessLogStore contract: ${name}`, () => {
    let store: AccessLogStore;
    let tamper: (planId: string) => Promise<unknown>;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, tamper, close } = await open());
    });
    afterAll(() => close());

    it('chains entries per plan, in order, and lists them page by page', async () => {
      const first = await store.append('p1', [entry('plan.created'), entry('plan.viewed')]);
      expect(first.map((e) => [e.seq, e.action])).toEqual([
        [1, 'plan.created'],
        [2, 'plan.viewed'],
      ]);
      expect(first[0]!.prevHash).toBe(chain.genesisHash);
      expect(first[1]!.prevHash).toBe(first[0]!.hash);
      await store.append('p2', [entry('plan.created')]);
      await store.append('p1', [entry('plan.exported', 2000)]);
      const all = await store.list('p1', { afterSeq: 0, limit: 10 });
      // From a moment on: those written at or after it.
      expect((await store.list('p1', { afterSeq: 0, limit: 10, since: 1001 })).map((e) => e.seq)).toEqual([3]);
      expect((await store.list('p1', { afterSeq: 0, limit: 10, since: 1000 })).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(all.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(verify(all)).toMatchObject({ ok: true, checked: 3 });
      expect((await store.list('p1', { afterSeq: 1, limit: 1 })).map((e) => e.seq)).toEqual([2]);
      expect(all[0]!.details).toBe(chain.serializeDetails({ via: 'rest', ord: 'æøå' }));
    });

    it('refuses to change or delete an entry', async () => {
      await store.append('p3', [entry('plan.created')]);
      await expect(tamper('p3')).rejects.toThrow(/append-only/);
    });
  });
}

contract('SQLite', async () => {
  const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
  return {
    store: new SqliteAccessLogStore(db, chain),
    tamper: async (planId) => db.prepare("UPDATE access_log SET action = 'x' WHERE plan_id = ?").run(planId),
    close: async () => void db.close(),
  };
});
contract('PostgreSQL', async () => {
  const fresh = await freshPostgresSchema();
  return {
    store: new PostgresAccessLogStore(fresh.pool, chain),
    tamper: (planId) => fresh.pool.query('DELETE FROM access_log WHERE plan_id = $1', [planId]),
    close: fresh.drop,
  };
});

describe('PostgresAccessLogStore with several instances', () => {
  it('keeps one valid chain while three instances append to the same plan at once', async () => {
    const fresh = await freshPostgresSchema();
    // Three pools, as three server processes would have.
    const pools = Array.from(
      { length: 3 },
      () => new pg.Pool({ connectionString: POSTGRES_URL, options: `-c search_path=${fresh.schema}`, max: 3 }),
    );
    try {
      const stores = pools.map((pool) => new PostgresAccessLogStore(pool, chain));
      await Promise.all(
        stores.flatMap((store, i) =>
          Array.from({ length: 20 }, (_, n) =>
            store.append('shared', [entry(`instance${i}.${n}`), entry('plan.viewed')]),
          ),
        ),
      );
      const entries = await stores[0]!.list('shared', { afterSeq: 0, limit: 1000 });
      expect(entries).toHaveLength(120);
      expect(verify(entries)).toMatchObject({ ok: true, checked: 120 });
      // Each append's two entries are next to each other: appends do not interleave.
      for (let i = 0; i < entries.length; i += 2) expect(entries[i + 1]!.action).toBe('plan.viewed');
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
      await fresh.drop();
    }
  });
});
