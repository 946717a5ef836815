import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '@samplan/api';
import type { NotificationRecord, NotificationStore } from '../NotificationStore.ts';
import { toNotification, toSettings, type NotificationRow } from '../notificationRows.ts';
import type { SqliteDatabase } from './openSqlite.ts';

export class SqliteNotificationStore implements NotificationStore {
  private readonly statements;
  private readonly db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.db = db;
    this.statements = {
      insert: db.prepare(
        `INSERT INTO notifications (id, user_id, plan_id, kind, data, dedupe_key, created_at)
         VALUES (@id, @userId, @planId, @kind, @data, @dedupeKey, @createdAt) ON CONFLICT DO NOTHING`,
      ),
      list: db.prepare<[string, number], NotificationRow>(
        'SELECT * FROM notifications WHERE user_id = ? ORDER BY created_at DESC, id LIMIT ?',
      ),
      unread: db
        .prepare<[string], number>('SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL')
        .pluck(),
      readAll: db.prepare<[number, string]>(
        'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
      ),
      readOne: db.prepare<[number, string, string]>(
        'UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL',
      ),
      settings: db.prepare<[string], { settings: string; last_digest_at: number | null }>(
        'SELECT settings, last_digest_at FROM notification_settings WHERE user_id = ?',
      ),
      putSettings: db.prepare<[string, string]>(
        `INSERT INTO notification_settings (user_id, settings) VALUES (?, ?)
         ON CONFLICT(user_id) DO UPDATE SET settings = excluded.settings`,
      ),
      setDigest: db.prepare<[string, string, number]>(
        `INSERT INTO notification_settings (user_id, settings, last_digest_at) VALUES (?, ?, ?)
         ON CONFLICT(user_id) DO UPDATE SET last_digest_at = excluded.last_digest_at`,
      ),
      digestUsers: db.prepare<[], { user_id: string; settings: string; last_digest_at: number | null }>(
        'SELECT user_id, settings, last_digest_at FROM notification_settings',
      ),
    };
  }

  async add(n: NotificationRecord): Promise<boolean> {
    return this.statements.insert.run({ ...n, data: JSON.stringify(n.data) }).changes > 0;
  }

  async list(userId: string, limit: number): Promise<NotificationRecord[]> {
    return this.statements.list.all(userId, limit).map(toNotification);
  }

  async unreadCount(userId: string): Promise<number> {
    return this.statements.unread.get(userId) ?? 0;
  }

  async markRead(userId: string, ids: readonly string[] | null, at: number): Promise<void> {
    if (ids === null) {
      this.statements.readAll.run(at, userId);
      return;
    }
    this.db.transaction(() => {
      for (const id of ids) this.statements.readOne.run(at, userId, id);
    })();
  }

  async settings(userId: string) {
    const row = this.statements.settings.get(userId);
    return row && toSettings(row);
  }

  async putSettings(userId: string, settings: NotificationSettings): Promise<void> {
    this.statements.putSettings.run(userId, JSON.stringify(settings));
  }

  async setLastDigest(userId: string, at: number): Promise<void> {
    this.statements.setDigest.run(userId, JSON.stringify(DEFAULT_NOTIFICATION_SETTINGS), at);
  }

  async digestUsers() {
    return this.statements.digestUsers.all().map((row) => ({ userId: row.user_id, ...toSettings(row) }));
  }
}
