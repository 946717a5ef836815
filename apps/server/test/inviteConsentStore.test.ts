import type { PlanRole } from '@samplan/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyedLogChain } from '../src/audit/chain.ts';
import type { AccessLogStore } from '../src/storage/AccessLogStore.ts';
import type { AccountStore } from '../src/storage/AccountStore.ts';
import type { ConsentRecord, ConsentStore } from '../src/storage/ConsentStore.ts';
import type { InviteRecord, InviteStore } from '../src/storage/InviteStore.ts';
import type { PlanRecord, PlanStore } from '../src/storage/PlanStore.ts';
import { inTransaction } from '../src/storage/postgres/inTransaction.ts';
import { PostgresAccessLogStore } from '../src/storage/postgres/PostgresAccessLogStore.ts';
import { PostgresAccountStore } from '../src/storage/postgres/PostgresAccountStore.ts';
import { PostgresConsentStore } from '../src/storage/postgres/PostgresConsentStore.ts';
import { PostgresInviteStore } from '../src/storage/postgres/PostgresInviteStore.ts';
import { PostgresPlanStore } from '../src/storage/postgres/PostgresPlanStore.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { SqliteAccessLogStore } from '../src/storage/sqlite/SqliteAccessLogStore.ts';
import { SqliteAccountStore } from '../src/storage/sqlite/SqliteAccountStore.ts';
import { SqliteConsentStore } from '../src/storage/sqlite/SqliteConsentStore.ts';
import { SqliteInviteStore } from '../src/storage/sqlite/SqliteInviteStore.ts';
import { SqlitePlanStore } from '../src/storage/sqlite/SqlitePlanStore.ts';
import { freshPostgresSchema } from './support/postgresSchema.ts';

const chain = keyedLogChain('en-testnøkkel-som-er-lang-nok-for-hmac-0123456789');
const entry = (action: string) => ({ at: 1, actorId: 'kari', actorName: 'Kari', action, details: {} });

interface Backend {
  invites: InviteStore;
  consents: ConsentStore;
  plans: PlanStore;
  accounts: AccountStore;
  log: AccessLogStore;
  createPlan(plan: PlanRecord, role: PlanRole): Promise<void>;
  close(): Promise<void>;
}

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
function contract(name: string, open: () => Promise<Backend>) {
  describe(`InviteStore and ConsentStore contract: ${name}`, () => {
    let b: Backend;
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

    it('refuses expired and withdrawn invitations, and withdraws consent once', async () => {
      await b.invites.create(invite('old', { expiresAt: 200 }), 'hash-old', { log: [] });
      expect(await b.invites.accept('old', 'ola', 300, [])).toBe('expired');
      await b.invites.create(invite('i2'), 'hash-i2', { log: [entry('member.invited')] });
      expect(await b.invites.revoke('p1', 'i2', 'kari', 400, [entry('invite.revoked')])).toBe(true);
      expect(await b.invites.revoke('p1', 'i2', 'kari', 400, [entry('invite.revoked')])).toBe(false);
      expect(await b.invites.accept('i2', 'ola', 500, [])).toBe('revoked');
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
        'consent.recorded',
        'consent.recorded',
        'consent.withdrawn',
      ]);
    });
  });
}

contract('SQLite', async () => {
  const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
  const log = new SqliteAccessLogStore(db, chain);
  const plans = new SqlitePlanStore(db, log);
  const consents = new SqliteConsentStore(db, log);
  return {
    invites: new SqliteInviteStore(db, log, consents),
    consents,
    plans,
    accounts: new SqliteAccountStore(db),
    log,
    createPlan: async (plan, role) => plans.createSync(plan, role),
    close: async () => void db.close(),
  };
});
contract('PostgreSQL', async () => {
  const fresh = await freshPostgresSchema();
  const log = new PostgresAccessLogStore(fresh.pool, chain);
  const plans = new PostgresPlanStore(fresh.pool, log);
  const consents = new PostgresConsentStore(fresh.pool, log);
  return {
    invites: new PostgresInviteStore(fresh.pool, log, consents),
    consents,
    plans,
    accounts: new PostgresAccountStore(fresh.pool),
    log,
    createPlan: (plan, role) => inTransaction(fresh.pool, (client) => plans.createIn(client, plan, role)),
    close: fresh.drop,
  };
});

describe('PostgresInviteStore with several instances', () => {
  it('makes one member when two instances accept one link at the same moment', async () => {
    const fresh = await freshPostgresSchema();
    try {
      const log = new PostgresAccessLogStore(fresh.pool, chain);
      const plans = new PostgresPlanStore(fresh.pool, log);
      const invites = new PostgresInviteStore(fresh.pool, log, new PostgresConsentStore(fresh.pool, log));
      const accounts = new PostgresAccountStore(fresh.pool);
      for (const id of ['kari', 'a', 'b']) {
        await accounts.createUser({ id, email: `${id}@eksempel.no`, name: id, createdAt: 0, passwordHash: null });
      }
      await inTransaction(fresh.pool, (client) =>
        plans.createIn(client, { id: 'p1', title: 'P', childName: 'E', createdBy: 'kari', createdAt: 0 }, 'foresatt'),
      );
      await invites.create(invite('race'), 'hash-race', { log: [] });
      const outcomes = await Promise.all([
        invites.accept('race', 'a', 100, [entry('invite.accepted')]),
        invites.accept('race', 'b', 100, [entry('invite.accepted')]),
      ]);
      expect(outcomes.sort()).toEqual(['accepted', 'used']);
      expect((await plans.listMembers('p1', 200)).map((m) => m.userId).sort()).toHaveLength(2);
      expect((await log.list('p1', { afterSeq: 0, limit: 10 })).map((e) => e.action)).toEqual(['invite.accepted']);
    } finally {
      await fresh.drop();
    }
  });
});
