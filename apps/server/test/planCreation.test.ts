import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { accessLogChain } from './support/testChain.ts';
import type { ConsentRecord } from '../src/storage/ConsentStore.ts';
import { openSqliteStorage } from '../src/storage/sqlite/openSqliteStorage.ts';

const plan = { id: 'p1', title: 'Individuell plan', childName: 'Emma', createdBy: 'u1', createdAt: 1 };
const consent = (kind: string): ConsentRecord =>
  ({
    id: 'c1',
    planId: 'p1',
    kind,
    subjectUserId: 'u1',
    subjectInviteId: null,
    givenBy: 'Familien',
    givenAt: 1,
    note: '',
    recordedBy: 'u1',
    recordedAt: 1,
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawalNote: null,
  }) as ConsentRecord;

describe('creating a plan', () => {
  it('writes the plan, its member, document, consent and log entries in one transaction: all or nothing', async () => {
    const storage = openSqliteStorage({ dataDir: '', synchronous: 'NORMAL', inMemory: true, chain: accessLogChain });
    await storage.accounts.createUser({
      id: 'u1',
      email: 'a@eksempel.no',
      name: 'A',
      createdAt: 1,
      passwordHash: null,
    });
    const records = (kind: string) => ({
      plan,
      creatorRole: 'koordinator' as const,
      document: { update: Y.encodeStateAsUpdate(new Y.Doc()), userId: 'u1' },
      consents: [consent(kind)],
      log: [{ at: 1, actorId: 'u1', actorName: 'A', action: 'plan.created', details: {} }],
    });
    // A consent the database refuses (its kind is checked) takes everything before it down with it.
    await expect(storage.createPlan(records('ukjent'))).rejects.toThrow();
    expect(await storage.plans.findPlan('p1')).toBeUndefined();
    expect(await storage.documents.lastSeq('p1')).toBe(0);
    expect(await storage.accessLog.list('p1', { afterSeq: 0, limit: 10 })).toEqual([]);
    expect(await storage.history.cursor('p1')).toBeUndefined();

    await storage.createPlan(records('sharing'));
    expect(await storage.plans.findMembership('p1', 'u1')).toMatchObject({ role: 'koordinator' });
    expect(await storage.documents.lastSeq('p1')).toBe(1);
    expect(await storage.consents.listForPlan('p1')).toHaveLength(1);
    expect(await storage.accessLog.list('p1', { afterSeq: 0, limit: 10 })).toHaveLength(1);
    // The projections start after the seeded document, which plan.created covers.
    expect(await storage.history.cursor('p1')).toMatchObject({ seq: 0, changeLoggedThrough: 1 });
    await storage.close();
  });
});

describe('a write and its innsynslogg entries', () => {
  it('go in together: when the entry cannot be chained, the write is undone; a write that does not happen logs nothing', async () => {
    // A chain that refuses one action, as a full disk or a bug in the middle of the transaction would.
    const chain = {
      ...accessLogChain,
      entryHash: (fields: Parameters<typeof accessLogChain.entryHash>[0]) => {
        if (fields.action === 'consent.withdrawn') throw new Error('cannot chain');
        return accessLogChain.entryHash(fields);
      },
    };
    const storage = openSqliteStorage({ dataDir: '', synchronous: 'NORMAL', inMemory: true, chain });
    await storage.accounts.createUser({
      id: 'u1',
      email: 'a@eksempel.no',
      name: 'A',
      createdAt: 1,
      passwordHash: null,
    });
    await storage.createPlan({
      plan,
      creatorRole: 'foresatt',
      document: { update: Y.encodeStateAsUpdate(new Y.Doc()), userId: 'u1' },
      consents: [],
      log: [],
    });
    const entry = (action: string) => ({ at: 2, actorId: 'u1', actorName: 'A', action, details: {} });
    await storage.consents.create({ ...consent('plan'), subjectUserId: null }, [entry('consent.recorded')]);
    await expect(storage.consents.withdraw('p1', 'c1', 'u1', 3, null, [entry('consent.withdrawn')])).rejects.toThrow(
      'cannot chain',
    );
    expect((await storage.consents.find('p1', 'c1'))!.withdrawnAt).toBeNull();
    expect((await storage.accessLog.list('p1', { afterSeq: 0, limit: 10 })).map((e) => e.action)).toEqual([
      'consent.recorded',
    ]);
    // Nobody to remove: nothing removed, nothing logged.
    expect(await storage.plans.removeMembership('p1', 'someone-else', [entry('member.revoked')])).toBe(false);
    expect(await storage.accessLog.list('p1', { afterSeq: 1, limit: 10 })).toEqual([]);
    await storage.close();
  });
});
