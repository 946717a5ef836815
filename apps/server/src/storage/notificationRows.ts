import { DEFAULT_NOTIFICATION_SETTINGS, NotificationSettingsBody, type NotificationSettings } from '@samplan/api';
import type { NotificationRecord } from './NotificationStore.ts';
import { intOrNull, json, type Int, type Json } from './rowValues.ts';

// Notifications' rows and settings, read alike for both stores.

export interface NotificationRow {
  id: string;
  user_id: string;
  plan_id: string;
  kind: NotificationRecord['kind'];
  data: Json<Record<string, unknown>>;
  dedupe_key: string;
  created_at: Int;
  read_at: Int | null;
}

export const toNotification = (row: NotificationRow): NotificationRecord => ({
  id: row.id,
  userId: row.user_id,
  planId: row.plan_id,
  kind: row.kind,
  data: json(row.data),
  dedupeKey: row.dedupe_key,
  createdAt: Number(row.created_at),
  readAt: intOrNull(row.read_at),
});

/** Stored settings as they are now: anything unreadable (or from an older shape) falls back to the defaults. */
export function readSettings(value: Json<unknown>): NotificationSettings {
  let parsed: unknown;
  try {
    parsed = json(value);
  } catch {
    return DEFAULT_NOTIFICATION_SETTINGS;
  }
  const settings = NotificationSettingsBody.safeParse(parsed);
  return settings.success ? settings.data : DEFAULT_NOTIFICATION_SETTINGS;
}

/** A user's settings row: what they chose and when their last digest went. */
export const toSettings = (row: { settings: Json<unknown>; last_digest_at: Int | null }) => ({
  settings: readSettings(row.settings),
  lastDigestAt: intOrNull(row.last_digest_at),
});
