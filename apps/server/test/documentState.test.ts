import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '@samplan/protocol';
import { encodeSyncReply } from '../src/collab/serverMessages.ts';
import { compactUpdates, WorkerCompactor } from '../src/documents/Compactor.ts';
import { DocumentState } from '../src/documents/DocumentState.ts';
import { readUpdateMeta } from '../src/documents/updateMeta.ts';

const policy = { everyUpdates: 5, everyBytes: 1_000_000 };

/** A writer whose every transaction is one stored update. */
function writer() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

function stateFrom(updates: Uint8Array[], checkpointUpTo = 0): DocumentState {
  const checkpoint = checkpointUpTo > 0 ? Y.mergeUpdates(updates.slice(0, checkpointUpTo)) : null;
  return new DocumentState({
    checkpoint,
    checkpointStateVector: checkpoint && Y.encodeStateVectorFromUpdate(checkpoint),
    checkpointSeq: checkpointUpTo,
    updates: updates.slice(checkpointUpTo),
    lastSeq: updates.length,
  });
}

/** Applies the server's reply frames to a doc, as a provider would; returns the sync sub-types seen. */
function applyReply(doc: Y.Doc, frames: Uint8Array[]): number[] {
  return frames.map((frame) => {
    const decoder = decoding.createDecoder(frame);
    expect(decoding.readVarUint(decoder)).toBe(MessageType.sync);
    const subType = decoding.readVarUint(decoder);
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    return subType;
  });
}

const syncReply = (state: DocumentState, stateVector: Uint8Array, hasNothing: boolean): Uint8Array[] =>
  encodeSyncReply(state.missingFor(stateVector, hasNothing));

describe('DocumentState', () => {
  it('gives an empty peer checkpoint then tail, ending with SyncStep2', () => {
    const { doc, updates } = writer();
    for (let i = 0; i < 12; i++) doc.getText('t').insert(i, String(i % 10));
    const state = stateFrom(updates, 7);
    const reader = new Y.Doc();
    const types = applyReply(reader, syncReply(state, Y.encodeStateVector(new Y.Doc()), true));
    expect(types).toEqual([SyncMessageType.update, SyncMessageType.step2]);
    expect(reader.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('gives a returning peer only what it lacks', () => {
    const { doc, updates } = writer();
    for (let i = 0; i < 10; i++) doc.getText('t').insert(i, 'x');
    const reader = new Y.Doc();
    Y.applyUpdate(reader, Y.mergeUpdates(updates.slice(0, 8)));
    const state = stateFrom(updates, 5);
    const frames = syncReply(state, Y.encodeStateVector(reader), false);
    applyReply(reader, frames);
    expect(reader.getText('t').toString()).toBe('x'.repeat(10));
    const full = syncReply(stateFrom(updates, 5), Y.encodeStateVector(new Y.Doc()), true);
    const bytes = (list: Uint8Array[]) => list.reduce((n, f) => n + f.byteLength, 0);
    expect(bytes(frames)).toBeLessThan(bytes(full));
  });

  it('keeps an exact state vector as updates arrive, and recomputes it after a gap', () => {
    const { doc, updates } = writer();
    for (let i = 0; i < 6; i++) doc.getText('t').insert(i, 'y');
    const state = stateFrom(updates.slice(0, 2));
    state.add(updates[2]!, readUpdateMeta(updates[2]!), 3);
    expect(Y.decodeStateVector(state.encodeStateVector())).toEqual(new Map([[doc.clientID, 3]]));
    // Update 5 arrives before 4: the server must not claim to have 4.
    state.add(updates[4]!, readUpdateMeta(updates[4]!), 4);
    expect(Y.decodeStateVector(state.encodeStateVector()).get(doc.clientID)).toBe(3);
  });

  it('asks for a checkpoint once the tail is long, and compacts to the same content', () => {
    const { doc, updates } = writer();
    for (let i = 0; i < 8; i++) doc.getText('t').insert(0, `ord${i} `);
    doc.getText('t').delete(0, 4);
    const state = stateFrom(updates);
    expect(state.needsCheckpoint(policy)).toBe(true);
    const snapshot = state.snapshot();
    const checkpoint = state.install(snapshot, compactUpdates(snapshot.parts));
    expect(state.tailLength).toBe(0);
    expect(state.needsCheckpoint(policy)).toBe(false);
    expect(checkpoint.upToSeq).toBe(updates.length);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, checkpoint.state);
    expect(reader.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(checkpoint.stateVector).toEqual(Y.encodeStateVector(doc));
  });

  it('compacts many small updates to the same state on the worker as inline, dropping deleted text', async () => {
    const { doc, updates } = writer();
    const text = doc.getText('t');
    for (let i = 0; i < 400; i++) {
      if (i % 5 === 4) text.delete(text.length - 3, 3);
      else text.insert(text.length, `ord${i} `);
    }
    const parts = [Y.mergeUpdates(updates.slice(0, 200)), ...updates.slice(200)];
    const inline = compactUpdates(parts);
    const compactor = new WorkerCompactor();
    const onWorker = await compactor.compact(parts);
    await compactor.close();
    expect(onWorker.state).toEqual(inline.state);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, inline.state);
    expect(reader.getText('t').toString()).toBe(text.toString());
    // Through a Y.Doc, deleted characters are garbage-collected: smaller than merging the updates.
    expect(inline.state.byteLength).toBeLessThan(Y.mergeUpdates(updates).byteLength);
  });

  it('keeps an update whose predecessor is missing, so it applies once the gap is filled', () => {
    const { doc, updates } = writer();
    for (let i = 0; i < 6; i++) doc.getText('t').insert(i, String(i));
    // Update 4 (index 3) never arrived; 5 and 6 depend on it.
    const compacted = compactUpdates([...updates.slice(0, 3), ...updates.slice(4)]);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, compacted.state);
    expect(reader.getText('t').toString()).toBe('012');
    Y.applyUpdate(reader, updates[3]!);
    expect(reader.getText('t').toString()).toBe('012345');
  });

  it('keeps updates committed while a compaction ran in the tail', async () => {
    const { doc, updates } = writer();
    for (let i = 0; i < 10; i++) doc.getText('t').insert(i, String(i));
    const state = stateFrom(updates.slice(0, 8));
    const snapshot = state.snapshot();
    const compactor = new WorkerCompactor();
    const compacted = await compactor.compact(snapshot.parts);
    await compactor.close();
    for (const [i, update] of updates.slice(8).entries()) state.add(update, readUpdateMeta(update), 9 + i);
    const checkpoint = state.install(snapshot, compacted);
    expect(checkpoint.upToSeq).toBe(8);
    expect(state.tailLength).toBe(2);
    const reader = new Y.Doc();
    applyReply(reader, syncReply(state, Y.encodeStateVector(new Y.Doc()), true));
    expect(reader.getText('t').toString()).toBe('0123456789');
  });
});

describe('DocumentState.adopt: a checkpoint written by another instance', () => {
  it('takes one that reaches further than its own, keeps the tail after it, and refuses one behind or ahead', () => {
    const { doc, updates } = writer();
    for (let i = 0; i < 10; i++) doc.getText('t').insert(i, String(i));
    const state = stateFrom(updates, 2);
    const expected = Y.encodeStateVector(doc);
    const upTo = (seq: number) => {
      const merged = Y.mergeUpdates(updates.slice(0, seq));
      return { upToSeq: seq, state: merged, stateVector: Y.encodeStateVectorFromUpdate(merged) };
    };
    expect(state.adopt(upTo(2))).toBe(false);
    expect(state.adopt(upTo(11))).toBe(false);
    expect(state.adopt(upTo(7))).toBe(true);
    expect(state.checkpointSeq).toBe(7);
    expect(state.tailLength).toBe(3);
    expect(state.lastSeq).toBe(10);
    expect(state.adopt(upTo(5))).toBe(false);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, state.merged());
    expect(copy.getText('t').toString()).toBe('0123456789');
    expect(Buffer.from(Y.encodeStateVector(copy))).toEqual(Buffer.from(expected));
  });
});
