import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedLogChain } from '../src/audit/chain.ts';
import type { AccessLogStore } from '../src/storage/AccessLogStore.ts';
import type { HistoryStore, ProjectionPass } from '../src/storage/HistoryStore.ts';
import { PostgresAccessLogStore } from '../src/storage/postgres/PostgresAccessLogStore.ts';
import { PostgresHistoryStore } from '../src/storage/postgres/PostgresHistoryStore.ts';
import { StaleProjectionPass } from '../src/storage/StaleProjectionPass.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { SqliteAccessLogStore } from '../src/storage/sqlite/SqliteAccessLogStore.ts';
import { SqliteHistoryStore } from '../src/storage/sqlite/SqliteHistoryStore.ts';
import { freshPostgresSchema } from './support/postgresSchema.ts';

const chain = keyedLogChain('en-testnøkkel-som-er-lang-nok-for-hmac-0123456789');

const pass = (seq: number, patch: Partial<ProjectionPass> = {}): ProjectionPass => ({
  from: { seq: 0, changeLoggedThrough: 0 },
  cursor: { seq, state: new Uint8Array([1, 2, seq]), pending: `{"seq":${seq}}`, changeLoggedThrough: seq },
  versions: [],
  mergedVersions: [],
  names: [],
  deletions: [],
  appeared: [],
  changeLog: [],
  ...patch,
});

/** The same behaviour from every HistoryStore; run on SQLite and on PostgreSQL. */
function contract(
  name: string,
  open: () => Promise<{ store: HistoryStore; log: AccessLogStore; close(): Promise<void> }>,
) {
  describe(`HistoryStore contract: ${name}`, () => {
    let store: HistoryStore;
    let log: AccessLogStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, log, close } = await open());
    });
    afterAll(() => close());

    it('commits a pass with its versions, names, removals, progress and change log, and reads them back', async () => {
      expect(await store.cursor('p1')).toBeUndefined();
      const authors = [{ userId: 'kari', parts: ['maal' as const] }];
      await store.commitPass(
        'p1',
        pass(10, {
          versions: [
            { fromSeq: 1, toSeq: 4, firstAt: 100, lastAt: 200, kind: 'edit', authors, parts: ['maal'] },
            { fromSeq: 5, toSeq: 10, firstAt: 300, lastAt: 400, kind: 'restore', authors: [], parts: [] },
          ],
          names: [{ seq: 4, name: 'Revisjon', kind: 'revision', userId: null, createdAt: 250 }],
          deletions: [
            {
              seq: 7,
              collection: 'goals',
              itemId: 'g1',
              title: 'Svømme',
              parentId: null,
              userId: 'kari',
              at: 350,
              returnedSeq: null,
            },
          ],
          progress: '{"version":3}',
          changeLog: [{ at: 400, actorId: 'kari', actorName: 'Kari', action: 'plan.changed', details: {} }],
        }),
      );
      expect(await store.cursor('p1')).toEqual({
        seq: 10,
        state: new Uint8Array([1, 2, 10]),
        pending: '{"seq":10}',
        changeLoggedThrough: 10,
      });
      expect((await store.versions('p1', { limit: 10 })).map((v) => [v.fromSeq, v.toSeq, v.kind])).toEqual([
        [5, 10, 'restore'],
        [1, 4, 'edit'],
      ]);
      expect((await store.versions('p1', { limit: 10, beforeSeq: 10 }))[0]).toEqual({
        fromSeq: 1,
        toSeq: 4,
        firstAt: 100,
        lastAt: 200,
        kind: 'edit',
        authors,
        parts: ['maal'],
      });
      expect(await store.versions('p1', { limit: 10, fromSeq: 5 })).toHaveLength(1);
      // A version merged into the one before it disappears.
      await store.commitPass('p1', pass(10, { from: { seq: 10, changeLoggedThrough: 10 }, mergedVersions: [5] }));
      expect(await store.versions('p1', { limit: 10 })).toHaveLength(1);
      // A pass computed from an older cursor (another instance's view) writes nothing.
      await expect(store.commitPass('p1', pass(12, { mergedVersions: [1] }))).rejects.toBeInstanceOf(
        StaleProjectionPass,
      );
      expect(await store.versions('p1', { limit: 10 })).toHaveLength(1);
      expect(await store.names('p1')).toEqual([
        { seq: 4, name: 'Revisjon', kind: 'revision', userId: null, createdAt: 250 },
      ]);
      const manual = { seq: 4, name: 'Før møtet', kind: 'manual' as const, userId: 'kari', createdAt: 500 };
      const entry = { at: 500, actorId: 'kari', actorName: 'Kari', action: 'version.named', details: {} };
      // A name from a revision stays; a member's name is replaced by a member's.
      expect(await store.addName('p1', manual, [entry])).toBe(false);
      expect(await store.addName('p1', { ...manual, seq: 10 }, [entry])).toBe(true);
      expect(await store.addName('p1', { ...manual, seq: 10, name: 'Etter møtet', createdAt: 600 }, [entry])).toBe(
        true,
      );
      // Someone else's name stays too.
      expect(await store.addName('p1', { ...manual, seq: 10, name: 'Mitt', userId: 'per' }, [entry])).toBe(false);
      expect((await store.names('p1')).map((n) => [n.seq, n.name, n.kind, n.createdAt])).toEqual([
        [4, 'Revisjon', 'revision', 250],
        [10, 'Etter møtet', 'manual', 600],
      ]);
      expect((await store.deletions('p1', { since: 300, fromSeq: 0, limit: 10 })).map((d) => d.title)).toEqual([
        'Svømme',
      ]);
      expect(await store.deletions('p1', { since: 351, fromSeq: 0, limit: 10 })).toEqual([]);
      expect(await store.deletionsBetween('p1', 7, 7)).toHaveLength(1);
      expect(await store.progress(['p1', 'p2'])).toEqual(new Map([['p1', { seq: 10, facts: '{"version":3}' }]]));
      await store.putProgress('p1', 10, '{"version":4}');
      expect((await store.progress(['p1'])).get('p1')?.facts).toBe('{"version":4}');
      expect((await log.list('p1', { afterSeq: 0, limit: 10 })).map((e) => e.action)).toEqual([
        'plan.changed',
        'version.named',
        'version.named',
      ]);
    });

    it('marks a removed item that came back by the update that brought it, and lists only those still gone', async () => {
      const removal = (seq: number, itemId: string) => ({
        seq,
        collection: 'measures' as const,
        itemId,
        title: `Tiltak ${itemId}`,
        parentId: null,
        userId: 'kari',
        at: 1000 + seq,
        returnedSeq: null,
      });
      // m1 removed at 3 and back at 5 (undone), removed again at 8; m2 removed at 4 and still gone; a new item at 6.
      await store.commitPass(
        'p3',
        pass(6, {
          deletions: [removal(3, 'm1'), removal(4, 'm2')],
          appeared: [
            { seq: 5, collection: 'measures', itemId: 'm1' },
            { seq: 6, collection: 'measures', itemId: 'ny' },
            { seq: 6, collection: 'goals', itemId: 'm2' },
          ],
        }),
      );
      await store.commitPass(
        'p3',
        pass(8, { from: { seq: 6, changeLoggedThrough: 6 }, deletions: [removal(8, 'm1')] }),
      );
      expect((await store.deletionsBetween('p3', 1, 8)).map((d) => [d.seq, d.itemId, d.returnedSeq])).toEqual([
        [3, 'm1', 5],
        [4, 'm2', null],
        [8, 'm1', null],
      ]);
      expect((await store.deletions('p3', { since: 0, fromSeq: 0, limit: 10 })).map((d) => d.seq)).toEqual([8, 4]);
    });

    it('keeps each member’s last visit', async () => {
      expect(await store.lastVisit('p1', 'kari')).toBeUndefined();
      await store.recordVisit('p1', 'kari', { seq: 5, at: 600 });
      await store.recordVisit('p1', 'kari', { seq: 9, at: 700 });
      expect(await store.lastVisit('p1', 'kari')).toEqual({ seq: 9, at: 700 });
    });
  });
}

contract('SQLite', async () => {
  const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
  const log = new SqliteAccessLogStore(db, chain);
  return { store: new SqliteHistoryStore(db, log), log, close: async () => void db.close() };
});
contract('PostgreSQL', async () => {
  const fresh = await freshPostgresSchema();
  const log = new PostgresAccessLogStore(fresh.pool, chain);
  return { store: new PostgresHistoryStore(fresh.pool, log), log, close: fresh.drop };
});

describe('PostgresHistoryStore with several instances', () => {
  it('commits only a pass from the stored cursor: one behind, or one at the same head, writes nothing', async () => {
    const fresh = await freshPostgresSchema();
    try {
      const log = new PostgresAccessLogStore(fresh.pool, chain);
      const store = new PostgresHistoryStore(fresh.pool, log);
      const entry = { at: 1, actorId: null, actorName: null, action: 'plan.changed' as const, details: {} };
      // Two instances project the same updates from the same cursor at the same moment: one pass wins.
      const racing = await Promise.allSettled([
        store.commitPass('p1', pass(20, { changeLog: [entry] })),
        store.commitPass('p1', pass(20, { changeLog: [entry] })),
      ]);
      expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(racing.find((r) => r.status === 'rejected')?.reason).toBeInstanceOf(StaleProjectionPass);
      expect(await log.list('p1', { afterSeq: 0, limit: 10 })).toHaveLength(1);
      const behind = pass(15, { changeLog: [entry], progress: '{"stale":true}' });
      await expect(store.commitPass('p1', behind)).rejects.toBeInstanceOf(StaleProjectionPass);
      expect((await store.cursor('p1'))?.seq).toBe(20);
      expect(await store.progress(['p1'])).toEqual(new Map());
      expect(await log.list('p1', { afterSeq: 0, limit: 10 })).toHaveLength(1);
      // From the stored cursor: committed.
      await store.commitPass('p1', pass(25, { from: { seq: 20, changeLoggedThrough: 20 } }));
      expect((await store.cursor('p1'))?.seq).toBe(25);
    } finally {
      await fresh.drop();
    }
  });
});
