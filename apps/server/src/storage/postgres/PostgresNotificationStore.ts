import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '@samplan/api';
import type pg from 'pg';
import type { NotificationRecord, NotificationStore } from '../NotificationStore.ts';
import { toNotification, toSettings, type NotificationRow } from '../notificationRows.ts';

export class PostgresNotificationStore implements NotificationStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(n: NotificationRecord): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO notifications (id, user_id, plan_id, kind, data, dedupe_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [n.id, n.userId, n.planId, n.kind, JSON.stringify(n.data), n.dedupeKey, n.createdAt],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async list(userId: string, limit: number): Promise<NotificationRecord[]> {
    const result = await this.pool.query<NotificationRow>(
      'SELECT * FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT $2',
      [userId, limit],
    );
    return result.rows.map(toNotification);
  }

  async unreadCount(userId: string): Promise<number> {
    const result = await this.pool.query<{ count: string }>(
      'SELECT COUNT(*) AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return Number(result.rows[0]?.count ?? 0);
  }

  async markRead(userId: string, ids: readonly string[] | null, at: number): Promise<void> {
    if (ids === null) {
      await this.pool.query('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [
        at,
        userId,
      ]);
      return;
    }
    await this.pool.query(
      'UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = ANY($3) AND read_at IS NULL',
      [at, userId, [...ids]],
    );
  }

  async settings(userId: string) {
    const result = await this.pool.query<{ settings: unknown; last_digest_at: string | null }>(
      'SELECT settings, last_digest_at FROM notification_settings WHERE user_id = $1',
      [userId],
    );
    const row = result.rows[0];
    return row && toSettings(row);
  }

  async putSettings(userId: string, settings: NotificationSettings): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_settings (user_id, settings) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings`,
      [userId, JSON.stringify(settings)],
    );
  }

  async setLastDigest(userId: string, at: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO notification_settings (user_id, settings, last_digest_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET last_digest_at = excluded.last_digest_at`,
      [userId, JSON.stringify(DEFAULT_NOTIFICATION_SETTINGS), at],
    );
  }

  async digestUsers() {
    const result = await this.pool.query<{ user_id: string; settings: unknown; last_digest_at: string | null }>(
      'SELECT user_id, settings, last_digest_at FROM notification_settings',
    );
    return result.rows.map((row) => ({ userId: row.user_id, ...toSettings(row) }));
  }
}
