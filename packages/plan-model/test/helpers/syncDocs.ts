import * as Y from 'yjs';

// Exchanges state-vector diffs until every doc has every update (two rounds suffice for a full mesh).
export function syncDocs(docs: readonly Y.Doc[]): void {
  for (let round = 0; round < 2; round++) {
    for (const from of docs) {
      for (const to of docs) {
        if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'sync');
      }
    }
  }
}

export function newDocs(count: number): Y.Doc[] {
  return Array.from({ length: count }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    return doc;
  });
}
