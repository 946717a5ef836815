import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { applyUpdates } from './applyUpdates.ts';

export interface Compacted {
  state: Uint8Array;
  stateVector: Uint8Array;
}

/** Merges a plan's checkpoint and tail into one garbage-collected state. */
export interface Compactor {
  compact(parts: readonly Uint8Array[]): Promise<Compacted>;
  close(): Promise<void>;
}

/** Through a Y.Doc, which garbage-collects deleted content; mergeUpdates would keep it. */
export function compactUpdates(parts: readonly Uint8Array[]): Compacted {
  const doc = new Y.Doc();
  try {
    applyUpdates(doc, parts);
    return { state: Y.encodeStateAsUpdate(doc), stateVector: Y.encodeStateVector(doc) };
  } finally {
    doc.destroy();
  }
}

/** Compacts on the calling thread (tests, tools). */
export const inlineCompactor: Compactor = {
  compact: async (parts) => compactUpdates(parts),
  close: async () => undefined,
};

// The worker runs below normal priority (nice 10; on Linux a thread has a nice value of its own): a burst of
// compactions, many plans reaching their checkpoint at once, must not take the CPU from the relays on the main
// thread, yet on a machine that is busy for long it still gets about a tenth of a core.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const os = require('node:os');
try { os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL); } catch {}
const Y = require(workerData.yjs);
parentPort.on('message', ({ id, packed, lengths }) => {
  const doc = new Y.Doc();
  try {
    // As applyUpdates does on the main thread: one transaction, the server's own, which tidies nothing.
    doc.transact((transaction) => {
      let offset = 0;
      for (const length of lengths) { Y.applyUpdate(doc, packed.subarray(offset, offset + length)); offset += length; }
      transaction.local = true;
    });
    const state = Y.encodeStateAsUpdate(doc);
    const stateVector = Y.encodeStateVector(doc);
    parentPort.postMessage({ id, state, stateVector }, [state.buffer, stateVector.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  } finally {
    doc.destroy();
  }
});
`;

interface Reply {
  id: number;
  state?: Uint8Array;
  stateVector?: Uint8Array;
  error?: string;
}

/**
 * Compacts on a worker thread, so replaying a plan's whole state every few hundred updates never holds up
 * the relay of other updates (bench: checkpoints on the event loop cost p99 latency).
 */
export class WorkerCompactor implements Compactor {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (c: Compacted) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { yjs: createRequire(import.meta.url).resolve('yjs') },
    });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.error || !reply.state || !reply.stateVector) waiter.reject(new Error(reply.error ?? 'no state'));
      else waiter.resolve({ state: reply.state, stateVector: reply.stateVector });
    });
    this.worker.on('error', (error) => {
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    });
  }

  compact(parts: readonly Uint8Array[]): Promise<Compacted> {
    const id = this.nextId++;
    // One packed, transferred buffer: posting the parts themselves would clone each one's whole backing
    // buffer (often a shared 8 KiB slab for a small websocket frame).
    const lengths = parts.map((part) => part.byteLength);
    const packed = new Uint8Array(lengths.reduce((sum, length) => sum + length, 0));
    let offset = 0;
    for (const part of parts) {
      packed.set(part, offset);
      offset += part.byteLength;
    }
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Keep the process alive while a compaction is under way.
      this.worker.ref();
      this.worker.postMessage({ id, packed, lengths }, [packed.buffer]);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
