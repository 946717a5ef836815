import { listItemIds, planToJSON, removeItem, seedDemoPlan, type PlanPart } from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { accessLogChain } from '../src/audit/chain.ts';
import { DocumentLog } from '../src/documents/DocumentLog.ts';
import { InProcessCommitFeed } from '../src/documents/InProcessCommitFeed.ts';
import { PlanHistory } from '../src/documents/PlanHistory.ts';
import { DocumentProjector } from '../src/documents/projections/DocumentProjector.ts';
import { openSqliteStorage } from '../src/storage/sqlite/openSqliteStorage.ts';

describe('PlanHistory.restore', () => {
  it('asks about every part the restore writes before committing anything, and commits nothing when refused', async () => {
    const storage = openSqliteStorage({ dataDir: '', synchronous: 'NORMAL', inMemory: true, chain: accessLogChain });
    const log = new DocumentLog(storage.documents, new InProcessCommitFeed());
    const committed: Uint8Array[] = [];
    const history = new PlanHistory({
      log,
      history: storage.history,
      projector: new DocumentProjector({
        documents: storage.documents,
        history: storage.history,
        accounts: storage.accounts,
        changeLogDelayMs: 3_600_000,
        logger: { warn: () => {}, error: () => {} },
      }),
      commits: {
        commitServerUpdate: async (planId, update, userId, kind) => {
          committed.push(update);
          return log.append(planId, [{ update, userId, kind }]);
        },
      },
    });
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => void log.append('p1', [{ update, userId: 'kari' }]));
    seedDemoPlan(doc);
    const before = planToJSON(doc);
    const goal = before.goals.find(
      (g) => before.measures.some((m) => m.goalIds.includes(g.id)) && g.parentId === null,
    )!;
    removeItem(doc, 'goals', goal.id);
    expect(listItemIds(doc, 'goals')).not.toContain(goal.id);

    // Bringing back a goal also re-links the measures that served it: that writes tiltak too.
    const asked: PlanPart[][] = [];
    const refuse = async (parts: ReadonlySet<PlanPart>) => {
      asked.push([...parts].sort());
      if (parts.has('tiltak')) throw new Error('FORBIDDEN');
    };
    const scope = { kind: 'item' as const, collection: 'goals' as const, itemId: goal.id };
    await expect(history.restore('p1', 1, scope, 'per', refuse)).rejects.toThrow('FORBIDDEN');
    expect(asked).toEqual([['maal', 'tiltak']]);
    expect(committed).toEqual([]);
    expect(await log.head('p1')).toBe(2);

    expect(await history.restore('p1', 1, scope, 'kari', async () => {})).toBe(3);
    const restored = await log.currentDoc('p1');
    expect(planToJSON(restored)).toEqual(before);
    restored.destroy();
    await storage.close();
  });
});
