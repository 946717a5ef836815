import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '@samplan/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationRecord, NotificationStore } from '../src/storage/NotificationStore.ts';
import { PostgresNotificationStore } from '../src/storage/postgres/PostgresNotificationStore.ts';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { SqliteNotificationStore } from '../src/storage/sqlite/SqliteNotificationStore.ts';
import { freshPostgresSchema } from './support/postgresSchema.ts';

const note = (id: string, patch: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id,
  userId: 'u1',
  planId: 'p1',
  kind: 'task',
  data: { title: 'Lage ukeplan', byName: 'Kari Hansen' },
  dedupeKey: `task:${id}`,
  createdAt: 1000,
  readAt: null,
  ...patch,
});

/** The same behaviour from every NotificationStore; run on SQLite and on PostgreSQL. */
function contract(name: string, open: () => Promise<{ store: NotificationStore; close(): Promise<void> }>) {
  describe(`NotificationStore contract: ${name}`, () => {
    let store: NotificationStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(() => close());

    it('tells each thing once per user, newest first, and counts and marks what is unread', async () => {
      expect(await store.add(note('n1'))).toBe(true);
      expect(await store.add(note('n1-again', { dedupeKey: 'task:n1' }))).toBe(false);
      expect(await store.add(note('n2', { createdAt: 2000, kind: 'meeting', data: { days: 3 } }))).toBe(true);
      // Another user may get the same key.
      expect(await store.add(note('n3', { userId: 'u2', dedupeKey: 'task:n1' }))).toBe(true);
      const listed = await store.list('u1', 10);
      expect(listed.map((n) => n.id)).toEqual(['n2', 'n1']);
      expect(listed[1]).toEqual(note('n1'));
      expect(await store.unreadCount('u1')).toBe(2);
      await store.markRead('u1', ['n1', 'n3'], 3000);
      expect(await store.unreadCount('u1')).toBe(1);
      expect(await store.unreadCount('u2')).toBe(1);
      await store.markRead('u1', null, 4000);
      expect((await store.list('u1', 10)).map((n) => n.readAt)).toEqual([4000, 3000]);
      expect(await store.list('u1', 1)).toHaveLength(1);
    });

    it('keeps settings and the last digest', async () => {
      expect(await store.settings('u9')).toBeUndefined();
      const settings: NotificationSettings = {
        mail: { task: false, meeting: true, due: true, consentRequest: false },
        digest: 'daglig',
      };
      await store.putSettings('u9', settings);
      expect(await store.settings('u9')).toEqual({ settings, lastDigestAt: null });
      await store.setLastDigest('u9', 5000);
      await store.setLastDigest('u8', 6000);
      expect(await store.settings('u9')).toEqual({ settings, lastDigestAt: 5000 });
      expect(await store.settings('u8')).toEqual({ settings: DEFAULT_NOTIFICATION_SETTINGS, lastDigestAt: 6000 });
      const users = await store.digestUsers();
      expect(users.map((u) => u.userId).sort()).toEqual(['u8', 'u9']);
    });
  });
}

contract('SQLite', async () => {
  const db = openSqlite({ dataDir: '', synchronous: 'NORMAL', inMemory: true });
  // The SQLite table refers to users and plans, as the server's database has them.
  db.exec(`INSERT INTO users (id, email, name, password_hash, created_at) VALUES
    ('u1', 'u1@eksempel.no', 'U1', NULL, 0), ('u2', 'u2@eksempel.no', 'U2', NULL, 0),
    ('u8', 'u8@eksempel.no', 'U8', NULL, 0), ('u9', 'u9@eksempel.no', 'U9', NULL, 0);
    INSERT INTO plans (id, title, child_name, created_by, created_at) VALUES ('p1', 'Plan', 'Barn', 'u1', 0);`);
  return { store: new SqliteNotificationStore(db), close: async () => void db.close() };
});
contract('PostgreSQL', async () => {
  const pg = await freshPostgresSchema();
  return { store: new PostgresNotificationStore(pg.pool), close: pg.drop };
});
