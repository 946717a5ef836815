import * as Y from 'yjs';
import type {
  Checkpoint,
  DocumentStore,
  LoadedDocument,
  PendingUpdate,
  StoredUpdate,
} from '../storage/DocumentStore.ts';

/**
 * A plan's document as its append-only update log: what rooms append to and load from, and what history reads.
 * No Fastify and no auth here: callers have decided who may do what.
 */
export class DocumentLog {
  private readonly store: DocumentStore;

  constructor(store: DocumentStore) {
    this.store = store;
  }

  load(planId: string): Promise<LoadedDocument> {
    return this.store.load(planId);
  }

  /** Commits updates in one transaction; resolves with the seq of the last. */
  append(planId: string, updates: readonly PendingUpdate[]): Promise<number> {
    return this.store.append(planId, updates);
  }

  writeCheckpoint(planId: string, checkpoint: Checkpoint): Promise<void> {
    return this.store.writeCheckpoint(planId, checkpoint);
  }

  history(planId: string, options: { afterSeq: number; limit: number }): Promise<StoredUpdate[]> {
    return this.store.history(planId, options);
  }

  /** The plan's committed content as a fresh Y.Doc (the caller destroys it). */
  async currentDoc(planId: string): Promise<Y.Doc> {
    const loaded = await this.store.load(planId);
    const doc = new Y.Doc();
    doc.transact(() => {
      if (loaded.checkpoint) Y.applyUpdate(doc, loaded.checkpoint);
      for (const update of loaded.updates) Y.applyUpdate(doc, update);
    });
    return doc;
  }

  ping(): Promise<void> {
    return this.store.ping();
  }
}
