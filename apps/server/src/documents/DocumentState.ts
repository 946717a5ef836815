import * as Y from 'yjs';
import type { Checkpoint, LoadedDocument } from '../storage/DocumentStore.ts';
import type { Compacted } from './Compactor.ts';
import { readUpdateMeta, type UpdateMeta } from './updateMeta.ts';

const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

export interface CompactionSnapshot {
  parts: Uint8Array[];
  tailLength: number;
  upToSeq: number;
}

/**
 * What a peer lacks, in the order it must receive it: `first` (the stored checkpoint, sent before the tail so
 * the peer integrates it without pending structs), then `last`, which completes the sync.
 */
export interface SyncReply {
  first: Uint8Array | null;
  last: Uint8Array;
}

export interface CheckpointPolicy {
  everyUpdates: number;
  everyBytes: number;
}

/**
 * The committed state of one plan, held as binary updates (checkpoint + tail) rather than a live Y.Doc:
 * a new peer gets the stored bytes as they are, and relaying an update never re-encodes it.
 */
export class DocumentState {
  private checkpoint: Uint8Array | null;
  private tail: Uint8Array[];
  /** For each update of the tail, whether it deletes something. */
  private deletingUpdates: boolean[];
  private tailBytes: number;
  private mergedCache: Uint8Array | null = null;
  private mergedTailCache: Uint8Array | null = null;
  private stateVector: Map<number, number>;
  private stateVectorExact = true;
  private encodedStateVector: Uint8Array | null;
  lastSeq: number;

  constructor(loaded: LoadedDocument) {
    this.checkpoint = loaded.checkpoint;
    this.encodedStateVector = loaded.checkpointStateVector;
    this.stateVector = loaded.checkpointStateVector ? Y.decodeStateVector(loaded.checkpointStateVector) : new Map();
    this.tail = [];
    this.deletingUpdates = [];
    this.tailBytes = 0;
    this.lastSeq = loaded.checkpointSeq;
    for (const update of loaded.updates) this.add(update, readUpdateMeta(update), this.lastSeq + 1);
  }

  /** Records a committed update. */
  add(update: Uint8Array, meta: UpdateMeta, seq: number): void {
    this.tail.push(update);
    this.deletingUpdates.push(meta.deletes);
    this.tailBytes += update.byteLength;
    this.lastSeq = seq;
    this.mergedCache = null;
    this.mergedTailCache = null;
    this.encodedStateVector = null;
    if (meta.hasGaps) this.stateVectorExact = false;
    for (const [client, [from, to]] of meta.ranges) {
      const known = this.stateVector.get(client) ?? 0;
      if (from > known) this.stateVectorExact = false;
      if (to > known) this.stateVector.set(client, to);
    }
  }

  /** The server's state vector, sent as SyncStep1 so a peer returns what the server lacks. */
  encodeStateVector(): Uint8Array {
    if (!this.stateVectorExact) {
      this.stateVector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(this.merged()));
      this.stateVectorExact = true;
      this.encodedStateVector = null;
    }
    this.encodedStateVector ??= Y.encodeStateVector(this.stateVector);
    return this.encodedStateVector;
  }

  /**
   * What a peer with `peerStateVector` lacks. A peer with nothing gets the stored checkpoint bytes unparsed,
   * first, so it integrates without pending structs; the (small) tail follows last.
   */
  missingFor(peerStateVector: Uint8Array, peerHasNothing: boolean): SyncReply {
    // A returning peer gets only what it lacks: the checkpoint and the tail are diffed apart, never merged.
    const forPeer = (update: Uint8Array) => (peerHasNothing ? update : Y.diffUpdate(update, peerStateVector));
    if (this.tail.length === 0) return { first: null, last: forPeer(this.checkpoint ?? EMPTY_UPDATE) };
    const last = forPeer(this.mergedTail());
    return { first: this.checkpoint === null ? null : forPeer(this.checkpoint), last };
  }

  private mergedTail(): Uint8Array {
    this.mergedTailCache ??= this.tail.length === 1 ? this.tail[0]! : Y.mergeUpdates(this.tail);
    return this.mergedTailCache;
  }

  /** The whole state as one update. */
  merged(): Uint8Array {
    if (this.mergedCache === null) {
      const parts = this.checkpoint ? [this.checkpoint, ...this.tail] : this.tail;
      this.mergedCache = parts.length === 0 ? EMPTY_UPDATE : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
    }
    return this.mergedCache;
  }

  get tailLength(): number {
    return this.tail.length;
  }

  /**
   * Whether an update since the checkpoint deletes something: the stored bytes (checkpoint and tail) then still
   * hold the deleted words, which only a compaction (or a live document) lets go of.
   */
  get holdsDeletedWords(): boolean {
    return this.deletingUpdates.includes(true);
  }

  /** The seq the checkpoint reaches (0 without one): the tail holds the updates after it. */
  get checkpointSeq(): number {
    return this.lastSeq - this.tail.length;
  }

  /**
   * Takes a checkpoint of this plan written elsewhere (another instance compacted the same log) in place of
   * compacting it here, when it reaches further than this state's own and no further than its last seq. The tail
   * keeps the updates after it. False, and nothing changed, otherwise.
   */
  adopt(checkpoint: Checkpoint): boolean {
    if (checkpoint.upToSeq <= this.checkpointSeq || checkpoint.upToSeq > this.lastSeq) return false;
    this.useCheckpoint(checkpoint.state, checkpoint.upToSeq - this.checkpointSeq);
    return true;
  }

  /**
   * Checkpoint when the tail is long, amortised against the checkpoint's size so that
   * compacting a large plan stays a small cost per update.
   */
  needsCheckpoint(policy: CheckpointPolicy): boolean {
    if (this.tail.length === 0) return false;
    const checkpointBytes = this.checkpoint?.byteLength ?? 0;
    const bigEnough = this.tailBytes * 4 >= checkpointBytes || this.tail.length >= policy.everyUpdates * 4;
    return (this.tail.length >= policy.everyUpdates || this.tailBytes >= policy.everyBytes) && bigEnough;
  }

  /** What a compaction starts from: the parts to merge, and how far they reach. */
  snapshot(): CompactionSnapshot {
    const parts = this.checkpoint ? [this.checkpoint, ...this.tail] : [...this.tail];
    return { parts, tailLength: this.tail.length, upToSeq: this.lastSeq };
  }

  /**
   * Installs a compaction of `snapshot` as the new checkpoint. Updates committed while it ran stay in the tail;
   * the state vector already covers everything, so it is kept.
   */
  install(snapshot: CompactionSnapshot, compacted: Compacted): Checkpoint {
    this.useCheckpoint(compacted.state, snapshot.tailLength);
    return { upToSeq: snapshot.upToSeq, state: compacted.state, stateVector: compacted.stateVector };
  }

  /** `state` as the checkpoint in place of the first `covered` updates of the tail. */
  private useCheckpoint(state: Uint8Array, covered: number): void {
    this.checkpoint = state;
    this.tail = this.tail.slice(covered);
    this.deletingUpdates = this.deletingUpdates.slice(covered);
    this.tailBytes = this.tail.reduce((bytes, update) => bytes + update.byteLength, 0);
    this.mergedCache = this.tail.length === 0 ? state : null;
    this.mergedTailCache = null;
  }
}
