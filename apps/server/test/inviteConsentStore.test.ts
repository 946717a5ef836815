import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../src/storage/ConsentStore.ts';
import type { InviteRecord } from '../src/storage/InviteStore.ts';
import { postgresBackend, sqliteBackend, type StoreBackend } from './support/storeBackends.ts';

const entry = (action: string) => ({ at: 1, actorId: 'kari', actorName: 'Kari', action, details: {} });

const invite = (id: string, patch: Partial<InviteRecord> = {}): InviteRecord => ({
  id,
  planId: 'p1',
  email: `${id}@eksempel.no`,
  role: 'deltaker',
  membershipEndsAt: null,
  invitedBy: 'kari',
  createdAt: 100,
  expiresAt: 10_000,
  acceptedAt: null,
  acceptedBy: null,
  revokedAt: null,
  revokedBy: null,
  ...patch,
});

const consent = (id: string, patch: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id,
  planId: 'p1',
  kind: 'sharing',
  subjectUserId: null,
  subjectInviteId: null,
  givenBy: 'Kari',
  givenByAccount: { userId: 'kari', login: { method: 'oidc:idporten', level: 'idporten-loa-high' } },
  givenAt: 100,
  note: 'Skolen',
  recordedBy: 'kari',
  recordedAt: 100,
  withdrawnAt: null,
  withdrawnBy: null,
  withdrawalNote: null,
  ...patch,
});

/** The same behaviour from every InviteStore and ConsentStore; run on SQLite and on PostgreSQL. */
function contract(name: string, open: () => Promise<StoreBackend>) {
  describe(`InviteStore and ConsentStore contract: ${name}`, () => {
    let b: StoreBackend;
    beforeAll(async () => {
      b = await open();
      for (const id of ['kari', 'lise', 'ola']) {
        await b.accounts.createUser({ id, email: `${id}@eksempel.no`, name: id, createdAt: 0, passwordHash: null });
      }
      await b.createPlan({ id: 'p1', title: 'Plan', childName: 'Emma', createdBy: 'kari', createdAt: 1 }, 'foresatt');
    });
    afterAll(() => b.close());

    it('accepts an invitation once: member, consent bound to them, entries logged', async () => {
      await b.invites.create(invite('i1'), 'hash-i1', {
        consent: consent('c1', { subjectInviteId: 'i1' }),
        log: [entry('member.invited'), entry('consent.recorded')],
      });
      expect(await b.invites.findByTokenHash('hash-i1')).toEqual(invite('i1'));
      expect((await b.invites.listForPlan('p1')).map((i) => i.id)).toEqual(['i1']);
      expect(await b.invites.accept('i1', 'lise', 500, [entry('invite.accepted')])).toBe('accepted');
      expect(await b.invites.accept('i1', 'ola', 600, [entry('invite.accepted')])).toBe('used');
      expect(await b.plans.findMembership('p1', 'lise', 1000)).toMatchObject({ role: 'deltaker', invitedBy: 'kari' });
      const [bound] = await b.consents.listForPlan('p1');
      expect(bound).toEqual(consent('c1', { subjectInviteId: 'i1', subjectUserId: 'lise' }));
      expect(await b.invites.find('p1', 'i1')).toMatchObject({ acceptedAt: 500, acceptedBy: 'lise' });
    });

    it('counts the invitations an account made since a moment, in any plan', async () => {
      await b.invites.create(invite('c1', { invitedBy: 'ola', createdAt: 1000 }), 'hash-c1', { log: [] });
      await b.invites.create(invite('c2', { invitedBy: 'ola', createdAt: 2000 }), 'hash-c2', { log: [] });
      expect(await b.invites.countByInviterSince('ola', 1500)).toBe(1);
      expect(await b.invites.countByInviterSince('ola', 0)).toBe(2);
      expect(await b.invites.countByInviterSince('lise', 0)).toBe(0);
    });

    it('refuses expired and withdrawn invitations, and withdraws consent once', async () => {
      await b.invites.create(invite('old', { expiresAt: 200 }), 'hash-old', { log: [] });
      expect(await b.invites.accept('old', 'ola', 300, [])).toBe('expired');
      await b.invites.create(invite('i2'), 'hash-i2', { log: [entry('member.invited')] });
      expect(await b.invites.revoke('p1', 'i2', 'kari', 400, [entry('invite.revoked')])).toBe(true);
      expect(await b.invites.revoke('p1', 'i2', 'kari', 400, [entry('invite.revoked')])).toBe(false);
      expect(await b.invites.accept('i2', 'ola', 500, [])).toBe('revoked');
      // Only a pending invitation changes who vouches for it.
      expect(await b.invites.vouch('p1', 'i2', 'kari', [entry('invite.confirmed')])).toBe(false);
      await b.invites.create(invite('i3', { invitedBy: 'lise' }), 'hash-i3', { log: [] });
      expect(await b.invites.vouch('p1', 'i3', 'kari', [entry('invite.confirmed')])).toBe(true);
      expect(await b.invites.find('p1', 'i3')).toMatchObject({ invitedBy: 'kari', acceptedAt: null });
      expect(await b.invites.vouch('p2', 'i3', 'ola', [])).toBe(false);
      expect(await b.invites.accept('nope', 'ola', 500, [])).toBe('revoked');
      await b.consents.createAll(
        [consent('plan', { kind: 'plan' }), consent('c2', { subjectUserId: 'ola' })],
        [entry('consent.recorded'), entry('consent.recorded')],
      );
      expect(await b.consents.find('p1', 'plan')).toMatchObject({
        kind: 'plan',
        givenByAccount: consent('x').givenByAccount,
      });
      expect(await b.consents.withdraw('p1', 'c2', 'kari', 700, 'Ikke lenger', [entry('consent.withdrawn')])).toBe(
        true,
      );
      expect(await b.consents.withdraw('p1', 'c2', 'kari', 800, null, [entry('consent.withdrawn')])).toBe(false);
      expect(await b.consents.find('p1', 'c2')).toMatchObject({
        withdrawnAt: 700,
        withdrawnBy: 'kari',
        withdrawalNote: 'Ikke lenger',
      });
      // Only the writes that happened are in the log.
      const actions = (await b.log.list('p1', { afterSeq: 0, limit: 50 })).map((e) => e.action);
      expect(actions).toEqual([
        'member.invited',
        'consent.recorded',
        'invite.accepted',
        'member.invited',
        'invite.revoked',
        'invite.confirmed',
        'consent.recorded',
        'consent.recorded',
        'consent.withdrawn',
      ]);
    });
  });
}

contract('SQLite', sqliteBackend);
contract('PostgreSQL', postgresBackend);

describe('PostgresInviteStore with several instances', () => {
  it('makes one member when two instances accept one link at the same moment', async () => {
    const b = await postgresBackend();
    try {
      const { invites, plans, accounts, log } = b;
      for (const id of ['kari', 'a', 'b']) {
        await accounts.createUser({ id, email: `${id}@eksempel.no`, name: id, createdAt: 0, passwordHash: null });
      }
      await b.createPlan({ id: 'p1', title: 'P', childName: 'E', createdBy: 'kari', createdAt: 0 }, 'foresatt');
      await invites.create(invite('race'), 'hash-race', { log: [] });
      const outcomes = await Promise.all([
        invites.accept('race', 'a', 100, [entry('invite.accepted')]),
        invites.accept('race', 'b', 100, [entry('invite.accepted')]),
      ]);
      expect(outcomes.sort()).toEqual(['accepted', 'used']);
      expect((await plans.listMembers('p1', 200)).map((m) => m.userId).sort()).toHaveLength(2);
      expect((await log.list('p1', { afterSeq: 0, limit: 10 })).map((e) => e.action)).toEqual(['invite.accepted']);
    } finally {
      await b.close();
    }
  });
});
