import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExpiredAuthSweep } from '../src/auth/ExpiredAuthSweep.ts';
import { loginFailureKeyFrom, PASSWORD_RESET_KEPT_MS, type AccountStore } from '../src/storage/AccountStore.ts';
import { EmailTaken } from '../src/storage/EmailTaken.ts';
import { PostgresAccountStore } from '../src/storage/postgres/PostgresAccountStore.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { SqliteAccountStore } from '../src/storage/sqlite/SqliteAccountStore.ts';
import { freshPostgresSchema } from './support/postgresSchema.ts';

const user = (id: string, email: string) => ({ id, email, name: `Navn ${id}`, createdAt: 1000, passwordHash: 'h' });

/** The same behaviour from every AccountStore; run on SQLite and on PostgreSQL. */
function contract(name: string, open: () => Promise<{ store: AccountStore; close(): Promise<void> }>) {
  describe(`AccountStore contract: ${name}`, () => {
    let store: AccountStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(() => close());

    it('finds users by id and by e-mail regardless of case, and refuses a second account for one address', async () => {
      await store.createUser(user('u1', 'kari@eksempel.no'));
      expect(await store.findUserByEmail('KARI@eksempel.no')).toEqual({
        id: 'u1',
        email: 'kari@eksempel.no',
        name: 'Navn u1',
        createdAt: 1000,
        passwordHash: 'h',
      });
      expect(await store.findUserById('u1')).toEqual({
        id: 'u1',
        email: 'kari@eksempel.no',
        name: 'Navn u1',
        createdAt: 1000,
      });
      await expect(store.createUser(user('u2', 'Kari@Eksempel.no'))).rejects.toBeInstanceOf(EmailTaken);
      expect(await store.findUserById('u2')).toBeUndefined();
      await store.setPasswordHash('u1', 'nytt');
      expect((await store.findUserByEmail('kari@eksempel.no'))?.passwordHash).toBe('nytt');
    });

    it("remembers when an account's address was first shown to be its owner's", async () => {
      await store.createUser(user('u-confirm', 'bekreft@eksempel.no'));
      expect(await store.emailConfirmed('u-confirm')).toBe(false);
      await store.confirmEmail('u-confirm', 2000);
      await store.confirmEmail('u-confirm', 3000);
      expect(await store.emailConfirmed('u-confirm')).toBe(true);
      expect(await store.emailConfirmed('ingen-slik')).toBe(false);
    });

    it('keeps sessions with how they logged in, until they expire or end', async () => {
      await store.createUser(user('s1', 's1@eksempel.no'));
      await store.createSession('t1', 's1', 10_000, { method: 'oidc:idporten', level: 'idporten-loa-high' });
      await store.createSession('t2', 's1', 10_000, { method: 'password', level: null });
      const live = await store.findSession('t1', 5000);
      expect(live?.user.id).toBe('s1');
      expect(live?.user.email).toBe('s1@eksempel.no');
      expect(live?.expiresAt).toBe(10_000);
      expect(await store.findSession('t1', 10_000)).toBeUndefined();
      expect(await store.sessionLogin('t1', 5000)).toEqual({ method: 'oidc:idporten', level: 'idporten-loa-high' });
      expect(await store.sessionLogin('nope', 5000)).toBeUndefined();
      await store.deleteSession('t1');
      expect(await store.findSession('t1', 5000)).toBeUndefined();
      expect((await store.findSession('t2', 5000))?.user.id).toBe('s1');
      await store.deleteSessionsOf('s1');
      expect(await store.findSession('t2', 5000)).toBeUndefined();
    });

    it('counts login failures and links OpenID identities', async () => {
      const rule = (now: number) => ({ now, windowMs: 1000, maxFailures: 3, lockoutMs: 500 });
      const email = 'x@eksempel.no';
      expect(await store.countLoginFailure(email, rule(100))).toEqual({
        failures: 1,
        firstFailureAt: 100,
        lockedUntil: null,
      });
      await store.countLoginFailure(email, rule(200));
      expect(await store.countLoginFailure(email, rule(300))).toEqual({
        failures: 3,
        firstFailureAt: 100,
        lockedUntil: 800,
      });
      // A failure while locked extends the lock; once it has run out, a new window starts.
      expect(await store.countLoginFailure(email, rule(400))).toEqual({
        failures: 4,
        firstFailureAt: 100,
        lockedUntil: 900,
      });
      expect(await store.countLoginFailure(email, rule(900))).toEqual({
        failures: 1,
        firstFailureAt: 900,
        lockedUntil: null,
      });
      // So does one after the window is over.
      expect(await store.countLoginFailure(email, rule(2000))).toEqual({
        failures: 1,
        firstFailureAt: 2000,
        lockedUntil: null,
      });
      expect(await store.loginFailures(email)).toEqual({ failures: 1, firstFailureAt: 2000, lockedUntil: null });
      // Failures at the same moment (from several instances) all count.
      await Promise.all(Array.from({ length: 20 }, () => store.countLoginFailure('y@eksempel.no', rule(5000))));
      expect(await store.loginFailures('y@eksempel.no')).toMatchObject({ failures: 20, lockedUntil: 5500 });
      // Clearing an address clears its failures from every network address, and nobody else's.
      const fromHome = loginFailureKeyFrom('x@eksempel.no', '192.0.2.7');
      const otherAddress = loginFailureKeyFrom('x@eksempel.no.annen', '192.0.2.7');
      await store.countLoginFailure(fromHome, rule(5000));
      await store.countLoginFailure(otherAddress, rule(5000));
      await store.clearLoginFailures('x@eksempel.no');
      expect(await store.loginFailures('x@eksempel.no')).toBeUndefined();
      expect(await store.loginFailures(fromHome)).toBeUndefined();
      expect(await store.loginFailures(otherAddress)).toMatchObject({ failures: 1 });
      expect(await store.loginFailures('y@eksempel.no')).toMatchObject({ failures: 20 });
      await store.createUser(user('o1', 'o1@eksempel.no'));
      await store.linkOidcIdentity('idporten', 'sub-1', 'o1');
      expect((await store.findOidcUser('idporten', 'sub-1'))?.id).toBe('o1');
      expect(await store.findOidcUser('helseid', 'sub-1')).toBeUndefined();
    });

    it('spends a reset link once, with the user’s other links, and not after it expires', async () => {
      await store.createUser(user('r1', 'r1@eksempel.no'));
      for (const [tokenHash, createdAt] of [
        ['a', 100],
        ['b', 200],
        ['old', 0],
      ] as const) {
        await store.createPasswordReset({
          tokenHash,
          userId: 'r1',
          createdAt,
          expiresAt: tokenHash === 'old' ? 50 : 5000,
        });
      }
      expect(await store.countPasswordResets('r1', 100)).toBe(2);
      expect(await store.usePasswordReset('old', 1000)).toBeUndefined();
      expect(await store.usePasswordReset('b', 1000)).toBe('r1');
      expect(await store.usePasswordReset('b', 1000)).toBeUndefined();
      expect(await store.usePasswordReset('a', 1000)).toBeUndefined();
    });

    it('forgets ended sessions, failures that count no more and old reset links, and keeps everything else', async () => {
      const day = 24 * 60 * 60_000;
      const now = 10 * day;
      const window = 15 * 60_000;
      const rule = (at: number, lockoutMs = 0) => ({ now: at, windowMs: window, maxFailures: 1, lockoutMs });
      await store.createUser(user('f1', 'f1@eksempel.no'));
      await store.createSession('ended', 'f1', now, { method: 'password', level: null });
      await store.createSession('live', 'f1', now + 1, { method: 'password', level: null });
      // Failures: one whose window is over, one still in its window, one whose window is over but locked still.
      await store.countLoginFailure('gammel@eksempel.no', { ...rule(now - window - 1), maxFailures: 5 });
      await store.countLoginFailure('ny@eksempel.no', { ...rule(now - window + 1), maxFailures: 5 });
      await store.countLoginFailure('låst@eksempel.no', rule(now - window - 1, window + 2));
      for (const [tokenHash, expiresAt] of [
        ['long-gone', now - PASSWORD_RESET_KEPT_MS - 1],
        ['lately', now - PASSWORD_RESET_KEPT_MS + 1],
      ] as const) {
        await store.createPasswordReset({ tokenHash, userId: 'f1', createdAt: expiresAt - 60_000, expiresAt });
      }
      const before = await store.countPasswordResets('f1', 0);

      expect(await store.forgetExpired({ now, loginWindowMs: window })).toBeGreaterThanOrEqual(3);
      expect(await store.sessionLogin('ended', now - 1)).toBeUndefined();
      expect((await store.findSession('live', now))?.user.id).toBe('f1');
      expect(await store.loginFailures('gammel@eksempel.no')).toBeUndefined();
      expect(await store.loginFailures('ny@eksempel.no')).toMatchObject({ failures: 1 });
      expect(await store.loginFailures('låst@eksempel.no')).toMatchObject({ lockedUntil: now + 1 });
      expect(await store.countPasswordResets('f1', 0)).toBe(before - 1);
      expect(await store.forgetExpired({ now, loginWindowMs: window })).toBe(0);
    });
  });
}

contract('SQLite', async () => {
  const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
  return { store: new SqliteAccountStore(db), close: async () => void db.close() };
});
contract('PostgreSQL', async () => {
  const pg = await freshPostgresSchema();
  return { store: new PostgresAccountStore(pg.pool), close: pg.drop };
});

describe('PostgresAccountStore with several instances', () => {
  it('lets one of two confirmations of the same reset link win', async () => {
    const pg = await freshPostgresSchema();
    try {
      const a = new PostgresAccountStore(pg.pool);
      const b = new PostgresAccountStore(pg.pool);
      await a.createUser(user('c1', 'c1@eksempel.no'));
      await a.createPasswordReset({ tokenHash: 'race', userId: 'c1', createdAt: 0, expiresAt: 10_000 });
      const results = await Promise.all([a.usePasswordReset('race', 100), b.usePasswordReset('race', 100)]);
      expect(results.filter((r) => r === 'c1')).toHaveLength(1);
    } finally {
      await pg.drop();
    }
  });
});

describe('ExpiredAuthSweep', () => {
  it('deletes what has run out when the server starts, and logs a store that fails instead of stopping', async () => {
    const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
    const store = new SqliteAccountStore(db);
    const logged: string[] = [];
    const logger = {
      info: () => logged.push('info'),
      error: () => logged.push('error'),
    } as unknown as FastifyBaseLogger;
    await store.createUser(user('w1', 'w1@eksempel.no'));
    await store.createSession('over', 'w1', 1000, { method: 'password', level: null });
    const sweep = new ExpiredAuthSweep(store, { loginWindowMs: 60_000, logger, now: () => 2000 });
    sweep.start();
    await sweep.stop();
    expect(await store.sessionLogin('over', 0)).toBeUndefined();
    expect(logged).toEqual(['info']);
    db.close();
    await sweep.sweep();
    expect(logged).toEqual(['info', 'error']);
  });
});
