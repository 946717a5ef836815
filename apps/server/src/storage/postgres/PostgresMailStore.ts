import type pg from 'pg';
import type { MailStore, NewMail, QueuedMail } from '../MailStore.ts';
import { toQueuedMail, type MailRow } from '../mailRows.ts';

/**
 * The mail queue on PostgreSQL (migration 2), for several instances sending from one queue: a claim takes the mail
 * due first that no other sender holds (`FOR UPDATE SKIP LOCKED`) and leases it, so two senders never take one
 * mail at once.
 */
export class PostgresMailStore implements MailStore {
  constructor(private readonly pool: pg.Pool) {}

  async enqueue(mail: NewMail): Promise<void> {
    await this.pool.query(
      `INSERT INTO mail_queue (id, kind, to_address, subject, body, created_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)`,
      [mail.id, mail.kind, mail.to, mail.subject, mail.body, mail.createdAt],
    );
  }

  async claimDue(now: number, leaseUntil: number): Promise<QueuedMail | undefined> {
    const result = await this.pool.query<MailRow>(
      `UPDATE mail_queue SET attempts = attempts + 1, next_attempt_at = $2
       WHERE id = (SELECT id FROM mail_queue WHERE sent_at IS NULL AND next_attempt_at <= $1
                   ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, to_address, subject, body, created_at, attempts`,
      [now, leaseUntil],
    );
    const row = result.rows[0];
    return row && toQueuedMail(row);
  }

  async markSent(id: string, at: number): Promise<void> {
    await this.pool.query('UPDATE mail_queue SET sent_at = $1, last_error = NULL WHERE id = $2', [at, id]);
  }

  async markFailed(id: string, error: string, nextAttemptAt: number): Promise<void> {
    await this.pool.query(
      'UPDATE mail_queue SET last_error = $1, next_attempt_at = $2 WHERE id = $3 AND sent_at IS NULL',
      [error.slice(0, 500), nextAttemptAt, id],
    );
  }

  async nextDueAt(): Promise<number | undefined> {
    const result = await this.pool.query<{ due: string | null }>(
      'SELECT MIN(next_attempt_at) AS due FROM mail_queue WHERE sent_at IS NULL',
    );
    const due = result.rows[0]?.due;
    return due === null || due === undefined ? undefined : Number(due);
  }

  async purgeSent(before: number): Promise<number> {
    const result = await this.pool.query('DELETE FROM mail_queue WHERE sent_at IS NOT NULL AND sent_at < $1', [before]);
    return result.rowCount ?? 0;
  }
}
