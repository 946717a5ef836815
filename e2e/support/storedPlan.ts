import * as Y from 'yjs';
import type { RunningServer } from './testServer.ts';

/**
 * Changes a stored plan before anyone opens it, as if it had been edited earlier: `edit` writes into the plan's
 * current document with plan-model, and the change goes into the plan's log as one update by `userId`.
 */
export async function editStoredPlan(
  server: RunningServer,
  planId: string,
  userId: string,
  edit: (doc: Y.Doc) => void,
): Promise<void> {
  const { documentLog } = server.app.samplan;
  const doc = await documentLog.currentDoc(planId);
  try {
    const before = Y.encodeStateVector(doc);
    edit(doc);
    await documentLog.append(planId, [{ update: Y.encodeStateAsUpdate(doc, before), userId }]);
  } finally {
    doc.destroy();
  }
}
