import type { MailKind, QueuedMail } from './MailStore.ts';
import type { Int } from './rowValues.ts';

// The mail queue's rows, mapped alike for both stores.

export interface MailRow {
  id: string;
  kind: MailKind;
  to_address: string;
  subject: string;
  body: string;
  created_at: Int;
  attempts: number;
}

export const toQueuedMail = (row: MailRow): QueuedMail => ({
  id: row.id,
  kind: row.kind,
  to: row.to_address,
  subject: row.subject,
  body: row.body,
  createdAt: Number(row.created_at),
  attempts: row.attempts,
});
