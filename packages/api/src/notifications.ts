import { z } from 'zod';

/** What a notification is about. */
export const NOTIFICATION_KINDS = ['task', 'meeting', 'due', 'consentRequest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A notification in the app ("Varsler"); it names plan content only the member may see anyway. */
export interface NotificationInfo {
  id: string;
  kind: NotificationKind;
  planId: string;
  /** The plan's child, as the member sees the plan. */
  childName: string;
  /** What it is about: a task's or a meeting's title, a goal's title, a date; by kind. */
  data: {
    title?: string;
    date?: string;
    days?: number;
    byName?: string;
    /** For `due`: what is due (an evaluation, a revision). */
    what?: 'evaluation' | 'revision';
  };
  createdAt: string;
  read: boolean;
}

/** `GET /api/notifications`. */
export interface NotificationList {
  notifications: NotificationInfo[];
  unread: number;
}

/** `POST /api/notifications/read`: the ones named, or all. */
export const MarkReadBody = z.object({ ids: z.array(z.string().min(1).max(64)).max(500).optional() });
export type MarkReadInput = z.input<typeof MarkReadBody>;

export const DIGESTS = ['av', 'daglig', 'ukentlig'] as const;
export type Digest = (typeof DIGESTS)[number];

/** `GET` and `PUT /api/notification-settings`: what reaches me by mail (everything shows in the app). */
export const NotificationSettingsBody = z.object({
  mail: z.object({
    task: z.boolean(),
    meeting: z.boolean(),
    due: z.boolean(),
    consentRequest: z.boolean(),
  }),
  /** A mail now and then saying in how many of my plans something changed (never what). */
  digest: z.enum(DIGESTS),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsBody>;

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  mail: { task: true, meeting: true, due: true, consentRequest: true },
  digest: 'av',
};
