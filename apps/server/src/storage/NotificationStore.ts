import type { NotificationKind, NotificationSettings } from '@samplan/api';

export interface NotificationRecord {
  id: string;
  userId: string;
  planId: string;
  kind: NotificationKind;
  /** JSON-able details by kind (a task's title, a date). */
  data: Record<string, unknown>;
  /** One notification per user and key: the same task, meeting or due date is told once. */
  dedupeKey: string;
  createdAt: number;
  readAt: number | null;
}

/** Notifications ("Varsler") and each user's settings for them. */
export interface NotificationStore {
  /** Adds it unless the user already has one with its key; true when it was added. */
  add(notification: NotificationRecord): Promise<boolean>;
  list(userId: string, limit: number): Promise<NotificationRecord[]>;
  unreadCount(userId: string): Promise<number>;
  /** Marks the user's notifications read: those named, or all. */
  markRead(userId: string, ids: readonly string[] | null, at: number): Promise<void>;
  settings(userId: string): Promise<{ settings: NotificationSettings; lastDigestAt: number | null } | undefined>;
  putSettings(userId: string, settings: NotificationSettings): Promise<void>;
  setLastDigest(userId: string, at: number): Promise<void>;
  /** Users who chose a digest, with when their last went out. */
  digestUsers(): Promise<Array<{ userId: string; settings: NotificationSettings; lastDigestAt: number | null }>>;
}
