import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailStore, NewMail } from '../src/storage/MailStore.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { SqliteMailStore } from '../src/storage/sqlite/SqliteMailStore.ts';
import { PostgresMailStore } from '../src/storage/postgres/PostgresMailStore.ts';
import { freshPostgresSchema } from './support/postgresSchema.ts';

let counter = 0;
const mail = (createdAt: number, patch: Partial<NewMail> = {}): NewMail => ({
  id: `mail-${++counter}`,
  kind: 'invitation',
  to: 'kari@eksempel.no',
  subject: 'Emne',
  body: 'Tekst',
  createdAt,
  ...patch,
});

/** The same behaviour from every MailStore; run on SQLite and on PostgreSQL. */
function contract(name: string, open: () => Promise<{ store: MailStore; close(): Promise<void> }>) {
  describe(`MailStore contract: ${name}`, () => {
    let store: MailStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(() => close());

    it('hands out due mails oldest first, each once while its lease holds, and again after a failure', async () => {
      expect(await store.nextDueAt()).toBeUndefined();
      const first = mail(1000);
      const second = mail(2000);
      await store.enqueue(second);
      await store.enqueue(first);
      expect(await store.nextDueAt()).toBe(1000);
      expect(await store.claimDue(500, 60_500)).toBeUndefined();
      const claimed = await store.claimDue(3000, 63_000);
      expect(claimed).toEqual({ ...first, attempts: 1 });
      // Held by its lease: the next claim gets the other one, then nothing.
      expect((await store.claimDue(3000, 63_000))?.id).toBe(second.id);
      expect(await store.claimDue(3000, 63_000)).toBeUndefined();
      await store.markFailed(first.id, 'connection refused', 5000);
      expect(await store.nextDueAt()).toBe(5000);
      expect(await store.claimDue(5000, 65_000)).toMatchObject({ id: first.id, attempts: 2 });
      await store.markSent(first.id, 6000);
      await store.markSent(second.id, 6000);
      expect(await store.nextDueAt()).toBeUndefined();
      // A mail marked sent is not failed afterwards by a late attempt.
      await store.markFailed(first.id, 'late', 7000);
      expect(await store.claimDue(10_000, 70_000)).toBeUndefined();
    });

    it('keeps Norwegian text as it is and forgets sent mails after a while', async () => {
      const text = mail(20_000, { subject: 'Lag nytt passord i Samplan', body: 'Hei! Æ, ø og å.' });
      await store.enqueue(text);
      expect(await store.claimDue(20_000, 80_000)).toMatchObject({ subject: text.subject, body: text.body });
      await store.markSent(text.id, 21_000);
      expect(await store.purgeSent(21_001)).toBeGreaterThanOrEqual(1);
      expect(await store.purgeSent(21_001)).toBe(0);
    });
  });
}

contract('SQLite', async () => {
  const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
  return { store: new SqliteMailStore(db), close: async () => void db.close() };
});
contract('PostgreSQL', async () => {
  const pg = await freshPostgresSchema();
  return { store: new PostgresMailStore(pg.pool), close: pg.drop };
});

describe('PostgresMailStore with several senders', () => {
  it('never gives one mail to two senders claiming at the same moment', async () => {
    const pg = await freshPostgresSchema();
    try {
      const stores = Array.from({ length: 4 }, () => new PostgresMailStore(pg.pool));
      for (let i = 0; i < 40; i++) await stores[0]!.enqueue(mail(i));
      const claimed: string[] = [];
      await Promise.all(
        stores.map(async (store) => {
          for (;;) {
            const next = await store.claimDue(1000, 100_000);
            if (!next) return;
            claimed.push(next.id);
          }
        }),
      );
      expect(claimed).toHaveLength(40);
      expect(new Set(claimed).size).toBe(40);
    } finally {
      await pg.drop();
    }
  });
});
