import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { accessLogChain } from '../src/audit/chain.ts';
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
