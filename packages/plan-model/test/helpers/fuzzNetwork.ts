import * as Y from 'yjs';
import { syncDocs } from './syncDocs.ts';

const REMOTE = Symbol('remote');

interface Message {
  to: number;
  update: Uint8Array;
}

// Peers whose updates travel through one unordered pool: delivered in random order, sometimes twice, sometimes
// never (a later state-vector sync repairs what was dropped).
export class FuzzNetwork {
  readonly docs: Y.Doc[];
  private pending: Message[] = [];

  constructor(
    peerCount: number,
    private readonly random: () => number,
  ) {
    this.docs = Array.from({ length: peerCount }, (_, index) => {
      const doc = new Y.Doc();
      doc.clientID = index + 1;
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        for (let to = 0; to < peerCount; to++) if (to !== index) this.pending.push({ to, update });
      });
      return doc;
    });
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  deliverSome(maxMessages: number): void {
    const count = Math.floor(this.random() * (maxMessages + 1));
    for (let i = 0; i < count && this.pending.length > 0; i++) {
      const index = Math.floor(this.random() * this.pending.length);
      const message = this.pending[index] as Message;
      const roll = this.random();
      if (roll < 0.8) this.pending.splice(index, 1); // else: duplicated, it will arrive again
      if (roll < 0.05) continue; // dropped
      Y.applyUpdate(this.docs[message.to] as Y.Doc, message.update, REMOTE);
    }
  }

  syncRandomPair(): void {
    const a = this.docs[Math.floor(this.random() * this.docs.length)] as Y.Doc;
    const b = this.docs[Math.floor(this.random() * this.docs.length)] as Y.Doc;
    if (a === b) return;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), REMOTE);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), REMOTE);
  }

  // Delivers what is still in flight (in random order), then repairs drops with a full state-vector sync.
  settle(): void {
    while (this.pending.length > 0) this.deliverSome(this.pending.length);
    syncDocs(this.docs);
    this.pending = [];
  }
}
