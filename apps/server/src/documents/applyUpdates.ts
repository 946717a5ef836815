import * as Y from 'yjs';

/**
 * Applies committed updates to a document the server keeps or derives from the log (a room's live copy, a
 * checkpoint, a snapshot, a version, a "what changed"), in one transaction marked as the server's own.
 *
 * Yjs reads every update as a remote change, and after one it deletes formatting marks it finds redundant, in a
 * transaction of its own. No writer sent those deletions: a writer that tidies sends its own, and the log holds them
 * when it does. A document that took the log's updates as remote ones could hold less than the log (a bold word
 * plain in a checkpoint or a version, a change in "what changed" that nobody made), and a room's live copy, tidied
 * already, would drop a writer's own tidying, which the other writers need, as bringing nothing new. Marked local
 * once the updates are read, the transaction tidies nothing. (Nothing on the server reads these documents by index,
 * which is what else Yjs keeps apart for remote changes.)
 */
export function applyUpdates(doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown = null): void {
  doc.transact((transaction) => {
    for (const update of updates) Y.applyUpdate(doc, update, origin);
    transaction.local = true;
  }, origin);
}
