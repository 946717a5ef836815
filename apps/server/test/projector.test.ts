import {
  addItem,
  listItemIds,
  planToJSON,
  progressFacts,
  removeItem,
  seedDemoPlan,
  updateItem,
  updateMeta,
  type PlanPart,
} from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { accessLogChain } from './support/testChain.ts';
import { inlineCompactor } from '../src/documents/Compactor.ts';
import { DocumentLog } from '../src/documents/DocumentLog.ts';
import { InProcessCommitFeed } from '../src/documents/InProcessCommitFeed.ts';
import { KeyedQueue } from '../src/documents/KeyedQueue.ts';
import { DocumentProjector } from '../src/documents/projections/DocumentProjector.ts';
import { VersionGrouper, DEFAULT_VERSION_RULES } from '../src/documents/projections/VersionGrouper.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { SqliteAccessLogStore } from '../src/storage/sqlite/SqliteAccessLogStore.ts';
import { SqliteAccountStore } from '../src/storage/sqlite/SqliteAccountStore.ts';
import { SqliteDocumentStore } from '../src/storage/sqlite/SqliteDocumentStore.ts';
import { SqliteHistoryStore } from '../src/storage/sqlite/SqliteHistoryStore.ts';
import { concurrentFormatting, formattingOf } from './support/concurrentFormatting.ts';
import { waitFor } from './support/waitFor.ts';

const MIN = 60_000;
const parts = (...names: PlanPart[]) => new Set(names);

describe('VersionGrouper', () => {
  const grouperOf = (
    updates: Array<[seq: number, user: string, atMin: number, part?: PlanPart]>,
    named: number[] = [],
  ) => {
    const grouper = new VersionGrouper({ open: null, previous: null }, named, DEFAULT_VERSION_RULES);
    for (const [seq, user, at, part] of updates) {
      grouper.add({ seq, userId: user, at: at * MIN, kind: 'edit', parts: parts(part ?? 'maal') });
    }
    return grouper;
  };
  const grouped = (updates: Array<[number, string, number, PlanPart?]>, named: number[] = []) =>
    grouperOf(updates, named).changed.map((v) => [v.fromSeq, v.toSeq, v.authors.map((a) => a.userId).join('+')]);

  it('keeps one person’s consecutive edits within a few minutes together, and starts over after a pause', () => {
    expect(
      grouped([
        [2, 'kari', 0],
        [3, 'kari', 2],
        [4, 'kari', 6],
        [5, 'kari', 12],
      ]),
    ).toEqual([
      [2, 4, 'kari'],
      [5, 5, 'kari'],
    ]);
  });

  it('keeps the plan as created a version of its own', () => {
    expect(
      grouped([
        [1, 'kari', 0],
        [2, 'kari', 0.1],
      ]),
    ).toEqual([
      [1, 1, 'kari'],
      [2, 2, 'kari'],
    ]);
  });

  it('starts a new version when someone else takes over, even at once, so the plan right before it can come back', () => {
    expect(
      grouped([
        [2, 'kari', 0],
        [3, 'per', 0.3],
        [4, 'per', 0.5],
      ]),
    ).toEqual([
      [2, 2, 'kari'],
      [3, 4, 'per'],
    ]);
  });

  it('makes one version of people editing together (A, B, A within a minute)', () => {
    const grouper = grouperOf([
      [2, 'kari', 0],
      [3, 'per', 0.2],
      [4, 'kari', 0.4],
      [5, 'per', 0.5],
      [6, 'kari', 1],
    ]);
    expect(grouper.changed.map((v) => [v.fromSeq, v.toSeq, v.authors.map((a) => a.userId).join('+')])).toEqual([
      [2, 6, 'kari+per'],
    ]);
    // Per's own version, written by an earlier pass, is to be removed from the store.
    expect(grouper.mergedAway).toEqual([3]);
    // A hand-over after a pause longer than a minute is a hand-over.
    expect(
      grouped([
        [2, 'kari', 0],
        [3, 'per', 0.2],
        [4, 'kari', 2],
      ]),
    ).toEqual([
      [2, 2, 'kari'],
      [3, 3, 'per'],
      [4, 4, 'kari'],
    ]);
  });

  it('ends a version at a name, and never lets one span more than half an hour', () => {
    expect(
      grouped(
        [
          [2, 'kari', 0],
          [3, 'kari', 1],
          [4, 'kari', 2],
        ],
        [3],
      ),
    ).toEqual([
      [2, 3, 'kari'],
      [4, 4, 'kari'],
    ]);
    const long = Array.from({ length: 20 }, (_, i): [number, string, number] => [i + 2, 'kari', i * 2]);
    expect(grouped(long).length).toBe(2);
  });

  it('keeps a restore as a version of its own, with the parts each author changed', () => {
    const grouper = new VersionGrouper({ open: null, previous: null }, [], DEFAULT_VERSION_RULES);
    grouper.add({ seq: 2, userId: 'kari', at: 0, kind: 'edit', parts: parts('tiltak') });
    grouper.add({ seq: 3, userId: 'per', at: 1000, kind: 'edit', parts: parts('maal', 'omBarnet') });
    grouper.add({ seq: 4, userId: 'kari', at: 1500, kind: 'edit', parts: parts('tiltak') });
    grouper.add({ seq: 5, userId: 'kari', at: 2000, kind: 'restore', parts: parts('maal') });
    expect(grouper.changed).toMatchObject([
      {
        fromSeq: 2,
        toSeq: 4,
        parts: ['omBarnet', 'maal', 'tiltak'],
        authors: [
          { userId: 'kari', parts: ['tiltak'] },
          { userId: 'per', parts: ['omBarnet', 'maal'] },
        ],
      },
      { fromSeq: 5, toSeq: 5, kind: 'restore' },
    ]);
  });
});

/** A projector on a real SQLite database whose clock the test moves. */
function setup() {
  let now = Date.parse('2026-03-12T10:00:00Z');
  const clock = () => now;
  const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
  const documents = new SqliteDocumentStore(db, { now: clock });
  const accessLog = new SqliteAccessLogStore(db, accessLogChain);
  const history = new SqliteHistoryStore(db, accessLog);
  const projector = new DocumentProjector({
    queue: new KeyedQueue(),
    documents,
    history,
    accounts: new SqliteAccountStore(db),
    changeLogDelayMs: 60_000,
    logger: { warn: () => {}, error: () => {} },
    now: clock,
    snapshotEveryUpdates: 5,
  });
  const doc = new Y.Doc();
  let user = 'kari';
  doc.on('update', (update: Uint8Array) => void documents.append('p1', [{ update, userId: user }]));
  return {
    documents,
    history,
    accessLog,
    projector,
    doc,
    as: (who: string, minutesLater: number, edit: () => void) => {
      user = who;
      now += minutesLater * MIN;
      edit();
    },
  };
}

describe('DocumentProjector', () => {
  it('derives versions, removed items with their titles, progress and snapshots from the log, once', async () => {
    const { documents, history, projector, doc, as } = setup();
    as('kari', 0, () => seedDemoPlan(doc));
    const goalId = listItemIds(doc, 'goals')[0]!;
    as('per', 10, () => removeItem(doc, 'goals', goalId));
    as('per', 1, () => addItem(doc, 'measures', { title: 'Nytt tiltak' }));
    expect(await projector.catchUp('p1')).toBe(3);

    const versions = await history.versions('p1', { limit: 10 });
    expect(versions.map((v) => [v.fromSeq, v.toSeq, v.authors.map((a) => a.userId)])).toEqual([
      [2, 3, ['per']],
      [1, 1, ['kari']],
    ]);
    expect(versions[0]!.parts).toEqual(['maal', 'tiltak']);
    const deletions = await history.deletions('p1', { since: 0, fromSeq: 0, limit: 10 });
    const goal = planToJSON(doc); // after the removal: the goal and its delmål are gone
    expect(goal.goals.some((g) => g.id === goalId)).toBe(false);
    expect(deletions.find((d) => d.itemId === goalId)).toMatchObject({
      seq: 2,
      collection: 'goals',
      title: 'Emma skal kunne gå selv med rollator i hele skolebygget innen sommeren 2027.',
      parentId: null,
      userId: 'per',
    });
    expect(deletions.filter((d) => d.parentId === goalId).length).toBeGreaterThan(0);
    const progress = (await history.progress(['p1'])).get('p1')!;
    expect(progress.seq).toBe(3);
    expect(JSON.parse(progress.facts)).toEqual(progressFacts(planToJSON(doc)));

    // Nothing new: nothing is replayed or written again.
    expect(await projector.catchUp('p1')).toBe(3);
    expect(await history.versions('p1', { limit: 10 })).toEqual(versions);
    for (let i = 0; i < 6; i++)
      as('per', 0.1, () => updateItem(doc, 'measures', listItemIds(doc, 'measures')[0]!, { title: `t${i}` }));
    await projector.catchUp('p1');
    const snapshot = await documents.snapshotAtOrBefore('p1', 9);
    expect(snapshot?.seq).toBeGreaterThanOrEqual(5);
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, snapshot!.state);
    expect(fromSnapshot.getMap('measures').size).toBeGreaterThan(0);
  });

  it('keeps the name a meeting gave a version: a member cannot rename it', async () => {
    const { history, projector, doc, as } = setup();
    as('kari', 0, () => seedDemoPlan(doc));
    const meeting = planToJSON(doc).meetings.find((m) => m.status === 'planlagt')!;
    as('kari', 1, () => updateItem(doc, 'meetings', meeting.id, { status: 'gjennomfort' }));
    const logAs = async (seq: number) => ({
      at: 1,
      actorId: 'kari',
      actorName: 'Kari',
      action: 'version.named' as const,
      details: { seq },
    });
    expect(await projector.nameCurrent('p1', 'Mitt navn', 'kari', logAs)).toBeNull();
    expect((await history.names('p1')).map((n) => [n.kind, n.name.includes(meeting.title)])).toEqual([
      ['meeting', true],
    ]);
  });

  it('names the version a meeting was held or a revision done in, and the current one on request', async () => {
    const { documents, history, projector, doc, as } = setup();
    as('kari', 0, () => seedDemoPlan(doc));
    const meeting = planToJSON(doc).meetings.find((m) => m.status === 'planlagt')!;
    as('kari', 1, () => updateItem(doc, 'meetings', meeting.id, { status: 'gjennomfort' }));
    as('kari', 1, () => updateMeta(doc, { lastRevision: '2026-03-12' }));
    as('kari', 1, () => updateMeta(doc, { evaluationInterval: 'Hver måned' }));
    const logAs = async (seq: number) => ({
      at: 1,
      actorId: 'kari',
      actorName: 'Kari',
      action: 'version.named',
      details: { seq },
    });
    // A reconnecting peer's SyncStep2 carries its whole delete set and changes nothing: it is stored (seq 5), but
    // the version named is still the one that ends at seq 4.
    await documents.append('p1', [{ update: Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)), userId: 'per' }]);
    expect(await projector.nameCurrent('p1', 'Vedtatt i ansvarsgruppemøtet 12. mars', 'kari', logAs)).toBe(4);
    // Named again, it is renamed (a member's name for it replaces a member's name).
    expect(await projector.nameCurrent('p1', 'Vedtatt 12. mars', 'kari', logAs)).toBe(4);
    const names = await history.names('p1');
    expect(names.at(-1)!.name).toBe('Vedtatt 12. mars');
    expect(names.map((n) => [n.seq, n.kind])).toEqual([
      [2, 'meeting'],
      [3, 'revision'],
      [4, 'manual'],
    ]);
    expect(names[0]!.name).toContain(meeting.title);
    expect(names[1]!.name).toBe('Revisjon 12.03.2026');
    // Each name ends its version: the edits one minute apart are three versions, not one.
    as('kari', 0.5, () => updateMeta(doc, { evaluationInterval: 'Hver uke' }));
    await projector.catchUp('p1');
    const versions = await history.versions('p1', { limit: 10 });
    expect(versions.map((v) => [v.fromSeq, v.toSeq])).toEqual([
      [6, 6],
      [4, 4],
      [3, 3],
      [2, 2],
      [1, 1],
    ]);
  });

  it('projects a plan in the background once its backlog is long, and not before', async () => {
    const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
    const documents = new SqliteDocumentStore(db);
    const history = new SqliteHistoryStore(db, new SqliteAccessLogStore(db, accessLogChain));
    const projector = new DocumentProjector({
      queue: new KeyedQueue(),
      documents,
      history,
      accounts: new SqliteAccountStore(db),
      changeLogDelayMs: 3_600_000,
      logger: { warn: () => {}, error: () => {} },
      backlogLimit: 5,
    });
    const doc = new Y.Doc();
    const commits: Array<Promise<void>> = [];
    doc.on('update', (update: Uint8Array) => {
      commits.push(documents.append('p1', [{ update, userId: 'kari' }]).then(() => projector.committed('p1', 1)));
    });
    for (let i = 0; i < 4; i++) updateMeta(doc, { evaluationInterval: `hver ${i}. uke` });
    await Promise.all(commits);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await history.cursor('p1')).toBeUndefined();
    updateMeta(doc, { evaluationInterval: 'hver uke' });
    await waitFor(async () => (await history.cursor('p1'))?.seq === 5);
    await projector.flushAll();
  });

  it('commits a long catch-up chunk by chunk, letting other work on the plan in between', async () => {
    const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
    const documents = new SqliteDocumentStore(db);
    const history = new SqliteHistoryStore(db, new SqliteAccessLogStore(db, accessLogChain));
    const queue = new KeyedQueue();
    const projector = new DocumentProjector({
      queue,
      documents,
      history,
      accounts: new SqliteAccountStore(db),
      changeLogDelayMs: 3_600_000,
      logger: { warn: () => {}, error: () => {} },
      chunk: 3,
    });
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => void documents.append('p1', [{ update, userId: 'kari' }]));
    for (let i = 0; i < 7; i++) updateMeta(doc, { evaluationInterval: `hver ${i}. uke` });
    const caughtUp = projector.catchUp('p1');
    // Queued behind the first chunk, before the second: it sees the first chunk's work committed.
    const between = await queue.run('p1', async () => (await history.cursor('p1'))?.seq);
    expect(between).toBe(3);
    expect(await caughtUp).toBe(7);
    expect((await history.cursor('p1'))?.seq).toBe(7);
  });

  it('writes the innsynslogg’s change log only when flushed, each person’s edits once', async () => {
    const { accessLog, projector, doc, as } = setup();
    as('kari', 0, () => seedDemoPlan(doc));
    as('per', 1, () => updateMeta(doc, { evaluationInterval: 'Hver måned' }));
    await projector.catchUp('p1');
    expect(await accessLog.list('p1', { afterSeq: 0, limit: 10 })).toEqual([]);
    as('per', 1, () => addItem(doc, 'tasks', { title: 'Søke om assistent' }));
    await projector.catchUp('p1', { flushChangeLog: true });
    await projector.catchUp('p1', { flushChangeLog: true });
    const entries = await accessLog.list('p1', { afterSeq: 0, limit: 10 });
    // The seeded content counts (no plan.created here); per's two edits are one entry.
    expect(entries.map((e) => [e.actorId, JSON.parse(e.details).parts, JSON.parse(e.details).updates])).toEqual([
      ['kari', expect.any(Array), 1],
      ['per', ['planinfo', 'oppgaver'], 2],
    ]);
  });

  it('keeps in snapshots and versions exactly what the log holds, with no formatting tidied that no writer sent', async () => {
    const { documents, projector } = setup();
    const log = new DocumentLog(documents, new InProcessCommitFeed());
    const updates = concurrentFormatting();
    const filler = (n: number) => {
      const doc = new Y.Doc();
      doc.getMap('meta').set('n', n);
      return Y.encodeStateAsUpdate(doc);
    };
    // Seqs 1–4 the three writers, 5 (the snapshot's) and 6 (the head) other edits.
    for (const update of [...updates, filler(5), filler(6)]) await documents.append('p2', [{ update, userId: 'kari' }]);
    expect(await projector.catchUp('p2')).toBe(6);
    const snapshot = await documents.snapshotAtOrBefore('p2', 5);
    expect(snapshot?.seq).toBe(5);
    const fromLog = formattingOf((await inlineCompactor.compact(updates)).state);
    expect(fromLog).toEqual([{ insert: 'a' }, { insert: 'X', attributes: { bold: true } }, { insert: 'c' }]);
    expect(formattingOf(snapshot!.state)).toEqual(fromLog);
    for (const seq of [4, 5]) {
      const version = await log.docAt('p2', seq);
      expect(formattingOf(Y.encodeStateAsUpdate(version))).toEqual(fromLog);
      version.destroy();
    }
  });
});
