import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClientIdTaken } from '../src/storage/ClientIdTaken.ts';
import type { DocumentStore } from '../src/storage/DocumentStore.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { PostgresDocumentStore } from '../src/storage/postgres/PostgresDocumentStore.ts';
import { SqliteDocumentStore } from '../src/storage/sqlite/SqliteDocumentStore.ts';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String(i % 10));
  return updates;
}

function textOf(parts: Array<Uint8Array | null>): string {
  const doc = new Y.Doc();
  for (const part of parts) if (part) Y.applyUpdate(doc, part);
  return doc.getText('t').toString();
}

/** The contract every DocumentStore keeps; run against each implementation. */
function contract(name: string, open: () => Promise<DocumentStore>) {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    const planId = () => `plan-${randomBytes(6).toString('hex')}`;

    afterAll(() => store?.close());

    it('appends in order with gapless seqs and who made each update', async () => {
      store = await open();
      const id = planId();
      const updates = edits(5);
      expect(await store.append(id, [{ update: updates[0]!, userId: 'u1' }])).toBe(1);
      expect(
        await store.append(
          id,
          updates.slice(1).map((update) => ({ update, userId: 'u2' })),
        ),
      ).toBe(5);
      const history = await store.history(id, { afterSeq: 0, limit: 100 });
      expect(history.map((h) => h.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(history.map((h) => h.userId)).toEqual(['u1', 'u2', 'u2', 'u2', 'u2']);
      expect(Buffer.from(history[2]!.update)).toEqual(Buffer.from(updates[2]!));
    });

    it('refuses, whole, an append claiming a client id another account owns', async () => {
      const id = planId();
      const [first, second, third] = edits(3);
      expect(await store.append(id, [{ update: first!, userId: 'u1', claims: [7] }])).toBe(1);
      // Claimed again by its owner: fine. By another account (another instance accepted it at the same moment): no.
      expect(await store.append(id, [{ update: second!, userId: 'u1', claims: [7] }])).toBe(2);
      const refused = store.append(id, [
        { update: third!, userId: 'u1' },
        { update: third!, userId: 'u2', claims: [8, 7] },
      ]);
      await expect(refused).rejects.toBeInstanceOf(ClientIdTaken);
      await expect(refused).rejects.toMatchObject({ planId: id, clientId: 7 });
      expect(await store.lastSeq(id)).toBe(2);
      expect(await store.clientOwners(id)).toEqual(new Map([[7, 'u1']]));
      expect(await store.append(id, [{ update: third!, userId: 'u2', claims: [8] }])).toBe(3);
    });

    it('reads the last seq of several plans in one go, leaving out a plan without updates', async () => {
      const [one, two, none] = [planId(), planId(), planId()];
      const [first, second] = edits(2);
      await store.append(one, [{ update: first!, userId: 'u1' }]);
      await store.append(two, [
        { update: first!, userId: 'u1' },
        { update: second!, userId: 'u1' },
      ]);
      expect(await store.lastSeqsOf([one, two, none])).toEqual(
        new Map([
          [one, 1],
          [two, 2],
        ]),
      );
      expect(await store.lastSeqsOf([])).toEqual(new Map());
    });

    it('loads an unknown plan as empty', async () => {
      expect(await store.load(planId())).toEqual({
        checkpoint: null,
        checkpointStateVector: null,
        checkpointSeq: 0,
        updates: [],
        lastSeq: 0,
      });
    });

    it('loads checkpoint + later updates and keeps the whole log as history', async () => {
      const id = planId();
      const updates = edits(10);
      await store.append(
        id,
        updates.map((update) => ({ update, userId: null })),
      );
      const merged = Y.mergeUpdates(updates.slice(0, 6));
      await store.writeCheckpoint(id, {
        upToSeq: 6,
        state: merged,
        stateVector: Y.encodeStateVectorFromUpdate(merged),
      });
      const loaded = await store.load(id);
      expect(loaded.checkpointSeq).toBe(6);
      expect(loaded.updates).toHaveLength(4);
      expect(loaded.lastSeq).toBe(10);
      expect(textOf([loaded.checkpoint, ...loaded.updates])).toBe('0123456789');
      expect(await store.history(id, { afterSeq: 0, limit: 100 })).toHaveLength(10);
    });

    it('never replaces a checkpoint with an older one', async () => {
      const id = planId();
      const updates = edits(4);
      await store.append(
        id,
        updates.map((update) => ({ update, userId: null })),
      );
      const newer = Y.mergeUpdates(updates);
      const older = Y.mergeUpdates(updates.slice(0, 2));
      await store.writeCheckpoint(id, { upToSeq: 4, state: newer, stateVector: Y.encodeStateVectorFromUpdate(newer) });
      await store.writeCheckpoint(id, { upToSeq: 2, state: older, stateVector: Y.encodeStateVectorFromUpdate(older) });
      expect((await store.load(id)).checkpointSeq).toBe(4);
      const read = await store.readCheckpoint(id);
      expect(read?.upToSeq).toBe(4);
      expect(Buffer.from(read!.state)).toEqual(Buffer.from(newer));
      expect(Buffer.from(read!.stateVector)).toEqual(Buffer.from(Y.encodeStateVectorFromUpdate(newer)));
      expect(await store.readCheckpoint(planId())).toBeUndefined();
    });

    it('keeps seqs gapless under concurrent appends to one plan', async () => {
      const id = planId();
      const updates = edits(40);
      await Promise.all(updates.map((update) => store.append(id, [{ update, userId: null }])));
      const history = await store.history(id, { afterSeq: 0, limit: 100 });
      expect(history.map((h) => h.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    it("keeps snapshots, answers the last seq, reads a bounded range, and keeps each update's kind", async () => {
      const id = planId();
      const updates = edits(6);
      expect(await store.lastSeq(id)).toBe(0);
      await store.append(
        id,
        updates.map((update, i) => ({ update, userId: 'u', ...(i === 5 ? { kind: 'restore' as const } : {}) })),
      );
      expect(await store.lastSeq(id)).toBe(6);
      const range = await store.history(id, { afterSeq: 2, upToSeq: 4, limit: 100 });
      expect(range.map((h) => h.seq)).toEqual([3, 4]);
      const all = await store.history(id, { afterSeq: 0, limit: 100 });
      expect(all.map((h) => h.kind)).toEqual(['edit', 'edit', 'edit', 'edit', 'edit', 'restore']);

      expect(await store.snapshotAtOrBefore(id, 6)).toBeUndefined();
      const at2 = Y.mergeUpdates(updates.slice(0, 2));
      const at4 = Y.mergeUpdates(updates.slice(0, 4));
      await store.writeSnapshot(id, { seq: 2, state: at2 });
      await store.writeSnapshot(id, { seq: 4, state: at4 });
      // A second snapshot at a seq keeps the first.
      await store.writeSnapshot(id, { seq: 4, state: at2 });
      expect(await store.snapshotAtOrBefore(id, 1)).toBeUndefined();
      expect((await store.snapshotAtOrBefore(id, 3))?.seq).toBe(2);
      const latest = await store.snapshotAtOrBefore(id, 9);
      expect(latest?.seq).toBe(4);
      expect(textOf([latest!.state])).toBe(textOf(updates.slice(0, 4)));
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

contract(
  'SQLite',
  async () => new SqliteDocumentStore(openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true })),
);
contract('PostgreSQL', async () => {
  const store = await PostgresDocumentStore.connect(POSTGRES_URL);
  return store;
});

describe('SqliteDocumentStore: remembered seqs', () => {
  it('remembers a bounded number of plans and continues the seqs of one it forgot', async () => {
    const store = new SqliteDocumentStore(openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true }), {
      seqCacheSize: 2,
    });
    const update = (n: number) => ({ update: new Uint8Array([n]), userId: 'u' });
    expect(await store.append('plan-a', [update(1), update(2)])).toBe(2);
    expect(await store.append('plan-b', [update(1)])).toBe(1);
    expect(await store.append('plan-a', [update(3)])).toBe(3); // plan-a is now the most recent
    expect(await store.append('plan-c', [update(1)])).toBe(1); // plan-b, the oldest, is forgotten
    expect(store.rememberedSeqs).toBe(2);
    expect(await store.append('plan-b', [update(2), update(3)])).toBe(3);
    expect(await store.append('plan-a', [update(4)])).toBe(4);
    expect(store.rememberedSeqs).toBe(2);
    const history = await store.history('plan-b', { afterSeq: 0, limit: 10 });
    expect(history.map((h) => [h.seq, h.update[0]])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    await store.close();
  });
});
