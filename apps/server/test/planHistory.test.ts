import {
  addItem,
  listItemIds,
  planToJSON,
  removeItem,
  seedDemoPlan,
  updateItem,
  type PlanPart,
} from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { accessLogChain } from './support/testChain.ts';
import { DocumentLog } from '../src/documents/DocumentLog.ts';
import { InProcessCommitFeed } from '../src/documents/InProcessCommitFeed.ts';
import { KeyedQueue } from '../src/documents/KeyedQueue.ts';
import { PlanHistory } from '../src/documents/PlanHistory.ts';
import { DocumentProjector } from '../src/documents/projections/DocumentProjector.ts';
import { openSqliteStorage } from '../src/storage/sqlite/openSqliteStorage.ts';

/** An in-memory store with its log, its history-work queue and its projector, as the server wires them. */
function historyParts() {
  const storage = openSqliteStorage({ dataDir: '', synchronous: 'NORMAL', inMemory: true, chain: accessLogChain });
  const log = new DocumentLog(storage.documents, new InProcessCommitFeed());
  const queue = new KeyedQueue();
  const projector = new DocumentProjector({
    queue,
    documents: storage.documents,
    history: storage.history,
    accounts: storage.accounts,
    changeLogDelayMs: 3_600_000,
    logger: { warn: () => {}, error: () => {} },
  });
  return { storage, log, queue, projector };
}

describe('PlanHistory.restore', () => {
  it('asks about every part the restore writes before committing anything, and commits nothing when refused', async () => {
    const { storage, log, queue, projector } = historyParts();
    const committed: Uint8Array[] = [];
    const history = new PlanHistory({
      log,
      queue,
      history: storage.history,
      projector,
      commits: {
        commitServerUpdate: async (planId, update, userId, kind, logAs) => {
          committed.push(update);
          return log.append(planId, [{ update, userId, kind, ...(logAs && { log: logAs }) }]);
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
    const logAs = (seq: number) => [
      { at: 1, actorId: 'per', actorName: 'Per', action: 'plan.restored', details: { seq } },
    ];
    await expect(history.restore('p1', 1, scope, 'per', { mayWrite: refuse, logAs })).rejects.toThrow('FORBIDDEN');
    expect(asked).toEqual([['maal', 'tiltak']]);
    expect(committed).toEqual([]);
    expect(await log.head('p1')).toBe(2);

    expect(await storage.accessLog.list('p1', { afterSeq: 0, limit: 10 })).toEqual([]);

    // Two restores at once: the second starts from the plan as the first left it, and finds nothing to do (two
    // rewrites of the same rich text computed from the same plan would both land, and double it).
    const both = await Promise.all([
      history.restore('p1', 1, { kind: 'plan' }, 'kari', { mayWrite: async () => {}, logAs }),
      history.restore('p1', 1, { kind: 'plan' }, 'kari', { mayWrite: async () => {}, logAs }),
    ]);
    expect(both).toEqual([3, null]);
    const restored = await log.currentDoc('p1');
    expect(planToJSON(restored)).toEqual(before);
    restored.destroy();
    // The restore's innsynslogg entry went in with it, with its seq; the one that did nothing logged nothing.
    expect((await storage.accessLog.list('p1', { afterSeq: 0, limit: 10 })).map((e) => JSON.parse(e.details))).toEqual([
      { seq: 3 },
    ]);
    await storage.close();
  });
});

describe('PlanHistory.changes', () => {
  it('puts a long range down to who edited each part in the versions between, without replaying it', async () => {
    const { storage, log, queue, projector } = historyParts();
    await storage.accounts.createUser({
      id: 'per',
      email: 'p@eksempel.no',
      name: 'Per',
      createdAt: 1,
      passwordHash: null,
    });
    const commits = { commitServerUpdate: async () => 0 };
    const replayed = new PlanHistory({ log, queue, projector, history: storage.history, commits });
    const fromVersions = new PlanHistory({ log, queue, projector, history: storage.history, commits, maxReplay: 2 });
    const doc = new Y.Doc();
    let user = 'kari';
    doc.on('update', (update: Uint8Array) => void log.append('p1', [{ update, userId: user }]));
    seedDemoPlan(doc);
    user = 'per';
    const goals = listItemIds(doc, 'goals');
    for (const id of goals.slice(0, 3)) removeItem(doc, 'goals', id);
    await projector.catchUp('p1');
    const head = await log.head('p1');

    const exact = await replayed.changes('p1', 1, head);
    const approximate = await fromVersions.changes('p1', 1, head);
    // The same changes; each put down to Per, who edited goals and measures in the versions between.
    expect(approximate.map(({ part, kind, itemId }) => [part, kind, itemId])).toEqual(
      exact.map(({ part, kind, itemId }) => [part, kind, itemId]),
    );
    expect(approximate.every((change) => change.userIds.join() === 'per')).toBe(true);
    // Asked again, the answer is remembered (history never changes).
    expect(await fromVersions.changes('p1', 1, head)).toBe(approximate);

    // Ola joins in (Per, Ola, Per within a minute: one version of both); from Ola's edit on, only Per changed it.
    user = 'ola';
    removeItem(doc, 'goals', goals[3]!);
    const olaSeq = await log.head('p1');
    user = 'per';
    removeItem(doc, 'goals', goals[4]!);
    await projector.catchUp('p1');
    const [together] = (await fromVersions.versions('p1', { limit: 1 })).versions;
    expect(together!.authors.map((a) => a.userId)).toEqual(['per', 'ola']);
    const noReplay = new PlanHistory({ log, queue, projector, history: storage.history, commits, maxReplay: 0 });
    const sinceOla = await noReplay.changes('p1', olaSeq, await log.head('p1'));
    expect(sinceOla.some(({ kind, itemId }) => kind === 'removed' && itemId === goals[4])).toBe(true);
    expect(sinceOla.every((change) => change.userIds.join() === 'per')).toBe(true);
    await storage.close();
  });
});

describe('a comparison over a long range', () => {
  it('replays no more than it may one by one, the version `from` falls in included', async () => {
    const { storage, log, queue, projector } = historyParts();
    const doc = new Y.Doc();
    const pending: Promise<number>[] = [];
    doc.on('update', (update: Uint8Array) => pending.push(log.append('p1', [{ update, userId: 'per' }])));
    seedDemoPlan(doc);
    const id = addItem(doc, 'goals', { title: 'Mål' });
    // One writer, seconds apart at most: one version of 3,000 updates.
    for (let i = 0; i < 3000; i += 1) updateItem(doc, 'goals', id, { title: `Mål ${i}` });
    await Promise.all(pending);
    await projector.catchUp('p1');
    const head = await log.head('p1');
    // The updates read to be replayed one by one (log.history's pages; docAt reads merged pages).
    let replayed = 0;
    const history = log.history.bind(log);
    log.history = async (planId, options) => {
      const page = await history(planId, options);
      replayed += page.length;
      return page;
    };
    const planHistory = new PlanHistory({
      log,
      queue,
      projector,
      history: storage.history,
      commits: { commitServerUpdate: async () => 0 },
      maxReplay: 100,
      maxCutReplay: 100,
    });
    const changes = await planHistory.changes('p1', 10, head);
    expect(changes.length).toBeGreaterThan(0);
    expect(head - 10).toBeGreaterThan(100);
    expect(replayed).toBeLessThanOrEqual(100);
    await storage.close();
  });
});
