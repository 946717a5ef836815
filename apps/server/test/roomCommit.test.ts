import * as decoding from 'lib0/decoding';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { PLAN_PARTS } from '@samplan/plan-model';
import { AuthMessageType, CloseCode, MessageType } from '@samplan/protocol';
import { inlineCompactor } from '../src/documents/Compactor.ts';
import { createPeer, type Peer } from '../src/collab/Peer.ts';
import { Room } from '../src/collab/Room.ts';
import type { WritePolicy } from '../src/collab/WritePolicy.ts';
import { DocumentLog } from '../src/documents/DocumentLog.ts';
import { InProcessCommitFeed } from '../src/documents/InProcessCommitFeed.ts';
import { REMOTE_ORIGIN } from '../src/documents/RedisCommitFeed.ts';
import { encodeUpdateMessage } from '../src/collab/serverMessages.ts';
import type { Checkpoint, DocumentStore, PendingUpdate } from '../src/storage/DocumentStore.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { SqliteDocumentStore } from '../src/storage/sqlite/SqliteDocumentStore.ts';
import { concurrentFormatting, formattingOf } from './support/concurrentFormatting.ts';
import { waitFor } from './support/waitFor.ts';

/** A store whose appends stay pending until the test settles them, so commit order can be watched. */
class HeldStore implements DocumentStore {
  readonly appends: Array<{ updates: readonly PendingUpdate[]; settle: () => void }> = [];
  readonly checkpoints: Checkpoint[] = [];
  private seq = 0;

  async load() {
    return { checkpoint: null, checkpointStateVector: null, checkpointSeq: 0, updates: [], lastSeq: 0 };
  }

  append(_planId: string, updates: readonly PendingUpdate[]): Promise<number> {
    return new Promise((resolve) => {
      this.appends.push({
        updates,
        settle: () => {
          this.seq += updates.length;
          resolve(this.seq);
        },
      });
    });
  }

  async clientOwners() {
    return new Map<number, string>();
  }
  async readCheckpoint() {
    return undefined;
  }
  async writeCheckpoint(_planId: string, checkpoint: Checkpoint) {
    this.checkpoints.push(checkpoint);
  }
  async history() {
    return [];
  }
  async lastSeq() {
    return this.seq;
  }
  async lastSeqsOf(planIds: readonly string[]) {
    return new Map(planIds.map((planId) => [planId, this.seq]));
  }
  async seqAt() {
    return this.seq;
  }
  async lastWrite() {
    return undefined;
  }
  async writeSnapshot() {}
  async snapshotAtOrBefore() {
    return undefined;
  }
  async ping() {}
  async close() {}
}

/** These tests write to a top-level text `t`, which the plan does not have: their policy lets everything in. */
const acceptAll: WritePolicy = { check: () => ({ ok: true }) };

function fakePeer(userId: string): { peer: Peer; received: Uint8Array[]; closed: number[] } {
  const received: Uint8Array[] = [];
  const closed: number[] = [];
  const socket = { send: (data: Uint8Array) => received.push(data), close: (code: number) => closed.push(code) };
  const presence = { id: userId, name: userId, color: '#1f5fa8', role: 'foresatt' };
  return { peer: createPeer(socket, presence, new Set(PLAN_PARTS)), received, closed };
}

/** Three successive edits of one writer, each one update frame. */
function edits(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => frames.push(encodeUpdateMessage(update)));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, String(i));
  return frames;
}

const isUpdate = (frame: Uint8Array) => frame[0] === 0 && frame[1] === 2;

describe('Room commits', () => {
  it('commits an update at once, relays it only once committed, and batches what arrives meanwhile', async () => {
    const store = new HeldStore();
    const room = new Room({
      planId: 'plan-1',
      log: new DocumentLog(store, new InProcessCommitFeed()),
      writePolicy: acceptAll,
      checkpointPolicy: { everyUpdates: 1000, everyBytes: 1_000_000 },
      compactor: inlineCompactor,
      logger: { warn: () => {}, error: () => {} },
      onClosing: () => {},
    });
    await room.loaded;
    const writer = fakePeer('writer');
    const reader = fakePeer('reader');
    room.join(writer.peer);
    room.join(reader.peer);
    const [first, second, third] = edits(3);

    room.receive(writer.peer, first!);
    // Committed within the same turn (no timer or setImmediate in between) ...
    await Promise.resolve();
    await Promise.resolve();
    expect(store.appends).toHaveLength(1);
    // ... and not relayed before the store has it.
    expect(reader.received.filter(isUpdate)).toHaveLength(0);

    room.receive(writer.peer, second!);
    room.receive(writer.peer, third!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.appends).toHaveLength(1);

    store.appends[0]!.settle();
    await waitFor(() => store.appends.length === 2);
    expect(reader.received.filter(isUpdate)).toEqual([first]);
    // Both updates that came during the first commit go in the next one, in order.
    expect(store.appends[1]!.updates.map((u) => u.userId)).toEqual(['writer', 'writer']);
    expect(reader.received.filter(isUpdate)).toHaveLength(1);

    store.appends[1]!.settle();
    await waitFor(() => reader.received.filter(isUpdate).length === 3);
    expect(reader.received.filter(isUpdate)).toEqual([first, second, third]);
    expect(writer.received.filter(isUpdate)).toHaveLength(0);
  });
});

/** A Room on a real (in-memory) SQLite log, with two fake peers. */
async function openRoom(writePolicy = acceptAll) {
  const store = new SqliteDocumentStore(openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true }));
  const log = new DocumentLog(store, new InProcessCommitFeed());
  const refused: string[] = [];
  const room = new Room({
    planId: 'plan-1',
    log,
    writePolicy,
    checkpointPolicy: { everyUpdates: 1000, everyBytes: 1_000_000 },
    compactor: inlineCompactor,
    logger: { warn: () => {}, error: () => {} },
    onClosing: () => {},
    onEditRefused: (_planId, userId, reason) => refused.push(`${userId}:${reason}`),
  });
  await room.loaded;
  const a = fakePeer('a');
  const b = fakePeer('b');
  room.join(a.peer);
  room.join(b.peer);
  return { store, log, room, a, b, refused };
}

/** The updates in a peer's sync frames (message type, sync type, then the update). */
function updatesIn(frames: Uint8Array[]): Uint8Array[] {
  return frames.filter(isUpdate).map((frame) => {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    return decoding.readVarUint8Array(decoder);
  });
}

/** The reason of an auth permissionDenied frame. */
function deniedReason(frame: Uint8Array): string {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(MessageType.auth);
  expect(decoding.readVarUint(decoder)).toBe(AuthMessageType.permissionDenied);
  return decoding.readVarString(decoder);
}

describe('Room seams', () => {
  it('commits a server update under its user, in order with the peers, and relays it to every peer', async () => {
    const { store, room, a, b } = await openRoom();
    const [first] = edits(1);
    const server = new Y.Doc();
    server.getText('t').insert(0, 'gjenopprettet');
    room.receive(a.peer, first!);
    const seq = await room.commitServerUpdate(Y.encodeStateAsUpdate(server), 'koordinator-1', 'restore');
    expect(seq).toBe(2);
    const history = await store.history('plan-1', { afterSeq: 0, limit: 10 });
    expect(history.map((row) => row.userId)).toEqual(['a', 'koordinator-1']);
    // Both peers get the server's update, the sender of the first only that one.
    expect(b.received.filter(isUpdate)).toHaveLength(2);
    expect(a.received.filter(isUpdate)).toHaveLength(1);
  });

  it('adds and relays what others commit to the plan (the CommitFeed), and skips what it already has', async () => {
    const { log, room, a, b } = await openRoom();
    const other = new Y.Doc();
    other.getText('t').insert(0, 'fra en annen');
    const update = Y.encodeStateAsUpdate(other);
    await log.append('plan-1', [{ update, userId: 'c' }], 'elsewhere');
    expect(updatesIn(a.received)).toHaveLength(1);
    expect(updatesIn(b.received)).toHaveLength(1);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, updatesIn(b.received)[0]!);
    expect(reader.getText('t').toString()).toBe('fra en annen');
    // Its own commits come back on the feed too; they are not relayed twice.
    room.receive(a.peer, edits(1)[0]!);
    await waitFor(() => b.received.filter(isUpdate).length === 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.received.filter(isUpdate)).toHaveLength(2);
  });

  it('never commits or relays what the write policy refuses, tells the sender why and closes it to reload', async () => {
    const policy = { check: () => ({ ok: false as const, reason: 'part:omBarnet' }) };
    const { store, room, a, b, refused } = await openRoom(policy);
    room.receive(a.peer, edits(1)[0]!);
    room.receive(a.peer, edits(1)[0]!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.history('plan-1', { afterSeq: 0, limit: 10 })).toEqual([]);
    expect(b.received.filter(isUpdate)).toHaveLength(0);
    const denied = a.received.filter((frame) => frame[0] === MessageType.auth);
    expect(denied.map(deniedReason)).toEqual(['part:omBarnet']);
    expect(a.closed).toEqual([CloseCode.updateRefused]);
    expect(refused).toEqual(['a:part:omBarnet']);
    expect(room.peerCount).toBe(1);
  });

  it('refuses an update under a client id another account has written with, and keeps the claim across rooms', async () => {
    const { store, log, room, a, b } = await openRoom();
    const doc = new Y.Doc();
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(encodeUpdateMessage(update)));
    doc.getText('t').insert(0, 'a skriver');
    doc.getText('t').insert(0, 'b later som a: ');
    room.receive(a.peer, frames[0]!);
    await waitFor(() => b.received.filter(isUpdate).length === 1);
    room.receive(b.peer, frames[1]!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(b.closed).toEqual([CloseCode.updateRefused]);
    expect((await store.history('plan-1', { afterSeq: 0, limit: 10 })).map((row) => row.userId)).toEqual(['a']);
    expect(await log.clientOwners('plan-1')).toEqual(new Map([[doc.clientID, 'a']]));
  });

  it('stores nothing for an update that brings nothing new (a returning peer with nothing to send)', async () => {
    const { store, room, a, b } = await openRoom();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hei');
    doc.getText('t').delete(0, 1);
    const update = Y.encodeStateAsUpdate(doc);
    room.receive(a.peer, encodeUpdateMessage(update));
    await waitFor(async () => (await store.lastSeq('plan-1')) === 1);
    // The same state again (what a peer's SyncStep2 carries after a reconnect): its delete set is done already.
    room.receive(b.peer, encodeUpdateMessage(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc))));
    room.receive(a.peer, encodeUpdateMessage(update));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await store.lastSeq('plan-1')).toBe(1);
    expect(a.closed).toEqual([]);
    expect(b.closed).toEqual([]);
  });
});

describe('Room with commits from another instance', () => {
  /** An update of another writer's document: what another instance's peer committed. */
  const elsewhere = (doc: Y.Doc, text: string): Uint8Array => {
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(doc.getText('t').length, text);
    return Y.encodeStateAsUpdate(doc, before);
  };

  it('relays in seq order: its own commit waits for the one before it, from the message or else from the log', async () => {
    const { store, log, room, a, b } = await openRoom();
    const feed = log.feed as InProcessCommitFeed;
    const other = new Y.Doc();
    const reads: number[] = [];
    const history = log.history.bind(log);
    log.history = (planId, options) => {
      reads.push(options.afterSeq);
      return history(planId, options);
    };
    const [own1, own2] = edits(2);

    // Another instance commits seq 1; its message comes after this room's own commit (seq 2) is in.
    const first = elsewhere(other, 'B');
    await store.append('plan-1', [{ update: first, userId: 'b' }]);
    room.receive(a.peer, own1!);
    await waitFor(async () => (await store.lastSeq('plan-1')) === 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(updatesIn(b.received)).toEqual([]);
    feed.publishToPlan([{ planId: 'plan-1', seq: 1, update: first, userId: 'b' }], REMOTE_ORIGIN);
    expect(updatesIn(b.received).map((u) => Buffer.from(u))).toEqual([
      Buffer.from(first),
      Buffer.from(updatesIn([own1!])[0]!),
    ]);
    expect(reads).toEqual([]);

    // Seq 3's message is lost: after a short wait the gap is read from the log, then seq 4 (own) is relayed.
    const lost = elsewhere(other, 'C');
    await store.append('plan-1', [{ update: lost, userId: 'b' }]);
    room.receive(a.peer, own2!);
    await waitFor(() => updatesIn(b.received).length === 4);
    expect(reads).toEqual([2]);
    expect(Buffer.from(updatesIn(b.received)[2]!)).toEqual(Buffer.from(lost));
    expect(Buffer.from(updatesIn(b.received)[3]!)).toEqual(Buffer.from(updatesIn([own2!])[0]!));
    // The writer gets the other instance's updates, never its own back.
    expect(updatesIn(a.received).map((u) => Buffer.from(u))).toEqual([Buffer.from(first), Buffer.from(lost)]);
    expect(room['state']!.lastSeq).toBe(4);
  });
});

describe('Room after a failed commit', () => {
  it('rebuilds its live document with its own commits still waiting for those before them', async () => {
    const { store, log, room, a } = await openRoom();
    const [own1, own2] = edits(2);
    // Another instance has committed seq 1; its message is not here, nor can the log be read for it (yet): this
    // room's own seq 2 waits in `ahead`.
    const other = new Y.Doc();
    other.getText('t').insert(0, 'B');
    await store.append('plan-1', [{ update: Y.encodeStateAsUpdate(other), userId: 'b' }]);
    log.history = () => new Promise(() => {});
    room.receive(a.peer, own1!);
    await waitFor(async () => (await store.lastSeq('plan-1')) === 2);
    expect(room['ahead'].size).toBe(1);
    // The next commit fails (the database away for a moment): the live document is rebuilt.
    log.append = () => Promise.reject(new Error('database away'));
    room.receive(a.peer, own2!);
    await waitFor(() => a.closed.length > 0);
    // What seq 2 wrote ('0') is in it, so a later edit referring to it is not refused as missing; seq 3 is not.
    expect(room['doc']?.getText('t').toString()).toBe('0');
  });
});

describe('Room checkpoints with several instances', () => {
  it('a plan open on two instances is compacted once: the later one takes the checkpoint the first wrote', async () => {
    const store = new SqliteDocumentStore(openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true }));
    const log = new DocumentLog(store, new InProcessCommitFeed());
    let written = 0;
    const writeCheckpoint = store.writeCheckpoint.bind(store);
    store.writeCheckpoint = (planId, checkpoint) => {
      written += 1;
      return writeCheckpoint(planId, checkpoint);
    };
    // The first instance waits at most 20 ms, the second at most 2 s (Math.random is held at 0.5).
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const open = (spread: number) =>
      new Room({
        planId: 'plan-1',
        log,
        writePolicy: acceptAll,
        checkpointPolicy: { everyUpdates: 5, everyBytes: 1_000_000 },
        compactor: inlineCompactor,
        logger: { warn: () => {}, error: () => {} },
        onClosing: () => {},
        checkpointSpreadMs: spread,
      });
    const first = open(20);
    const second = open(2000);
    try {
      await Promise.all([first.loaded, second.loaded]);
      const a = fakePeer('a');
      const b = fakePeer('b');
      first.join(a.peer);
      second.join(b.peer);
      // Three edits on each instance: both rooms hold all six, and both reach the checkpoint (five updates).
      const [onFirst, onSecond] = [edits(3), edits(3)];
      for (let i = 0; i < 6; i++) {
        if (i % 2 === 0) first.receive(a.peer, onFirst[i / 2]!);
        else second.receive(b.peer, onSecond[(i - 1) / 2]!);
        await waitFor(async () => (await store.lastSeq('plan-1')) === i + 1);
      }
      await waitFor(async () => (await store.readCheckpoint('plan-1')) !== undefined);
      await waitFor(() => second['state']!.checkpointSeq > 0, { timeout: 5000 });
      expect(written).toBe(1);
      expect(second['state']!.checkpointSeq).toBe((await store.readCheckpoint('plan-1'))!.upToSeq);
    } finally {
      random.mockRestore();
    }
  });
});

/**
 * A room on a held store that checkpoints every `everyUpdates` updates, with the number of parts each compaction its
 * compactor made replayed.
 */
async function heldRoom(everyUpdates: number) {
  const store = new HeldStore();
  const compacted: number[] = [];
  const room = new Room({
    planId: 'plan-1',
    log: new DocumentLog(store, new InProcessCommitFeed()),
    writePolicy: acceptAll,
    checkpointPolicy: { everyUpdates, everyBytes: 1_000_000 },
    compactor: {
      compact: async (parts) => {
        compacted.push(parts.length);
        return inlineCompactor.compact(parts);
      },
      close: async () => undefined,
    },
    logger: { warn: () => {}, error: () => {} },
    onClosing: () => {},
  });
  await room.loaded;
  return { store, room, compacted };
}

describe('Room checkpoints', () => {
  /** A room on a held store that checkpoints every two updates, counting what its compactor replays. */
  async function checkpointingRoom() {
    const { store, room, compacted } = await heldRoom(2);
    const writer = fakePeer('writer');
    room.join(writer.peer);
    return { store, room, writer, compacted };
  }
  const textOf = (state: Uint8Array) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc.getText('t').toString();
  };

  it('are the live document encoded, with no replay, when it holds exactly what is committed', async () => {
    const { store, room, writer, compacted } = await checkpointingRoom();
    const frames = edits(2);
    for (const [i, frame] of frames.entries()) {
      room.receive(writer.peer, frame);
      await waitFor(() => store.appends.length === i + 1);
      store.appends[i]!.settle();
    }
    await waitFor(() => store.checkpoints.length === 1);
    expect(compacted).toEqual([]);
    const [checkpoint] = store.checkpoints;
    expect(checkpoint!.upToSeq).toBe(2);
    expect(textOf(checkpoint!.state)).toBe('01');
    expect(Y.decodeStateVector(checkpoint!.stateVector)).toEqual(
      Y.decodeStateVector(Y.encodeStateVectorFromUpdate(checkpoint!.state)),
    );
    expect(room['state']!.checkpointSeq).toBe(2);
  });

  it('are compacted from the committed updates when the live document holds one that is still queued', async () => {
    const { store, room, writer, compacted } = await checkpointingRoom();
    const [first, second, third] = edits(3);
    room.receive(writer.peer, first!);
    await waitFor(() => store.appends.length === 1);
    room.receive(writer.peer, second!);
    store.appends[0]!.settle();
    await waitFor(() => store.appends.length === 2);
    // The third arrives while the second is being committed: the live document has it, the log not yet.
    room.receive(writer.peer, third!);
    store.appends[1]!.settle();
    await waitFor(() => store.checkpoints.length === 1);
    expect(compacted).toEqual([2]);
    const [checkpoint] = store.checkpoints;
    expect(checkpoint!.upToSeq).toBe(2);
    expect(textOf(checkpoint!.state)).toBe('01');
    await waitFor(() => store.appends.length === 3);
    store.appends[2]!.settle();
    await waitFor(() => room['state']!.lastSeq === 3);
    expect(room['state']!.tailLength).toBe(1);
  });
});

describe('Room checkpoints of rich text', () => {
  /** A room on a held store that checkpoints every four updates, with a writer and a reader. */
  async function richTextRoom() {
    const { store, room, compacted } = await heldRoom(4);
    const writer = fakePeer('writer');
    const reader = fakePeer('reader');
    room.join(writer.peer);
    room.join(reader.peer);
    const send = async (update: Uint8Array) => {
      const i = store.appends.length;
      room.receive(writer.peer, encodeUpdateMessage(update));
      await waitFor(() => store.appends.length === i + 1);
      store.appends[i]!.settle();
    };
    return { store, room, reader, compacted, send };
  }

  it('are the live document, which tidies no formatting of its own: the checkpoint is what the log holds', async () => {
    const { store, room, compacted, send } = await richTextRoom();
    const updates = concurrentFormatting();
    for (const update of updates) await send(update);
    await waitFor(() => store.checkpoints.length === 1);
    const fromLog = (await inlineCompactor.compact(updates)).state;
    expect(formattingOf(fromLog)).toEqual([
      { insert: 'a' },
      { insert: 'X', attributes: { bold: true } },
      { insert: 'c' },
    ]);
    expect(formattingOf(store.checkpoints[0]!.state)).toEqual(formattingOf(fromLog));
    expect(compacted).toEqual([]);
    expect(room['docChangedItself']).toBe(false);
  });

  it('stores and relays a writer’s own tidying of the formatting, which the server has not done for it', async () => {
    const { store, reader, send } = await richTextRoom();
    const updates = concurrentFormatting();
    // A writer who received the three edits one by one, as a provider does, tidies and sends what it deleted.
    const tidier = new Y.Doc();
    const tidied: Uint8Array[] = [];
    tidier.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (transaction.local) tidied.push(update);
    });
    for (const update of updates) Y.applyUpdate(tidier, update);
    expect(tidied.length).toBeGreaterThan(0);
    for (const update of updates) await send(update);
    for (const update of tidied) await send(update);
    expect(store.appends).toHaveLength(updates.length + tidied.length);
    await waitFor(() => reader.received.filter(isUpdate).length === updates.length + tidied.length);
    expect(formattingOf(Y.mergeUpdates([...updates, ...tidied]))).toEqual(formattingOf(Y.encodeStateAsUpdate(tidier)));
  });

  it('are compacted from the log once something has changed the live document on its own', async () => {
    const { store, room, compacted, send } = await richTextRoom();
    const updates = concurrentFormatting();
    for (const update of updates.slice(0, 3)) await send(update);
    const live = room['doc']!;
    live.transact(() => ((live.getXmlFragment('f').get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 1));
    await send(updates[3]!);
    await waitFor(() => store.checkpoints.length === 1);
    expect(compacted).toEqual([4]);
    expect(formattingOf(store.checkpoints[0]!.state)).toEqual(
      formattingOf((await inlineCompactor.compact(updates)).state),
    );
  });
});
