import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inlineCompactor } from '../src/documents/Compactor.ts';
import { createPeer, type Peer } from '../src/collab/Peer.ts';
import { Room } from '../src/collab/Room.ts';
import { encodeUpdateMessage } from '../src/collab/serverMessages.ts';
import type { DocumentStore, PendingUpdate } from '../src/storage/DocumentStore.ts';
import { waitFor } from './support/waitFor.ts';

/** A store whose appends stay pending until the test settles them, so commit order can be watched. */
class HeldStore implements DocumentStore {
  readonly appends: Array<{ updates: readonly PendingUpdate[]; settle: () => void }> = [];
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

  async writeCheckpoint() {}
  async history() {
    return [];
  }
  async ping() {}
  async close() {}
}

function fakePeer(userId: string): { peer: Peer; received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return { peer: createPeer({ send: (data) => received.push(data), close: () => {} }, userId, true), received };
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
      store,
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
