import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBackend, sqliteBackend, type StoreBackend } from './support/storeBackends.ts';

const entry = (action: string) => ({ at: 1, actorId: 'kari', actorName: 'Kari', action, details: {} });

/** The same behaviour from every PlanStore; run on SQLite and on PostgreSQL. */
function contract(name: string, open: () => Promise<StoreBackend>) {
  describe(`PlanStore contract: ${name}`, () => {
    let b: StoreBackend;
    beforeAll(async () => {
      b = await open();
      for (const id of ['kari', 'ola', 'lise']) {
        await b.accounts.createUser({ id, email: `${id}@eksempel.no`, name: id, createdAt: 0, passwordHash: null });
      }
      await b.createPlan({ id: 'p1', title: 'Plan', childName: 'Emma', createdBy: 'kari', createdAt: 100 }, 'foresatt');
      await b.createPlan({ id: 'p2', title: 'Plan 2', childName: 'Bo', createdBy: 'kari', createdAt: 200 }, 'foresatt');
    });
    afterAll(() => b.close());

    it('keeps plans and memberships, with the membership change and its log entries together', async () => {
      expect(await b.plans.findPlan('p1')).toEqual({
        id: 'p1',
        title: 'Plan',
        childName: 'Emma',
        createdBy: 'kari',
        createdAt: 100,
      });
      expect(await b.plans.allPlanIds()).toEqual(['p1', 'p2']);
      await b.plans.putMembership(
        { planId: 'p1', userId: 'lise', role: 'deltaker', createdAt: 300, endsAt: 5000, invitedBy: 'kari' },
        [entry('invite.accepted')],
      );
      expect((await b.plans.plansOfUser('kari', 1000)).map((p) => [p.id, p.role])).toEqual([
        ['p2', 'foresatt'],
        ['p1', 'foresatt'],
      ]);
      expect((await b.plans.listMembers('p1', 1000)).map((m) => [m.userId, m.role, m.email])).toEqual([
        ['kari', 'foresatt', 'kari@eksempel.no'],
        ['lise', 'deltaker', 'lise@eksempel.no'],
      ]);
      expect(await b.plans.findMembership('p1', 'lise', 1000)).toMatchObject({ role: 'deltaker', endsAt: 5000 });
      // A membership whose end has passed counts as gone everywhere.
      expect(await b.plans.findMembership('p1', 'lise', 5000)).toBeUndefined();
      expect(await b.plans.plansOfUser('lise', 6000)).toEqual([]);
      expect(await b.plans.nextMembershipEnd()).toBe(5000);
      expect((await b.plans.endedMemberships(5000)).map((m) => m.userId)).toEqual(['lise']);
      expect(await b.plans.removeMembership('p1', 'lise', [entry('member.expired')])).toBe(true);
      expect(await b.plans.removeMembership('p1', 'lise', [entry('member.expired')])).toBe(false);
      expect(await b.plans.nextMembershipEnd()).toBeUndefined();
      // The log has the entries of the writes that happened, not of the removal that did not.
      const log = await b.log.list('p1', { afterSeq: 0, limit: 10 });
      expect(log.map((e) => e.action)).toEqual(['invite.accepted', 'member.expired']);
    });
  });
}

contract('SQLite', sqliteBackend);
contract('PostgreSQL', postgresBackend);
