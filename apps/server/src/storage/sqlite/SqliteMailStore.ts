import type { MailStore, NewMail, QueuedMail } from '../MailStore.ts';
import { toQueuedMail, type MailRow } from '../mailRows.ts';
import type { SqliteDatabase } from './openSqlite.ts';

export class SqliteMailStore implements MailStore {
  private readonly statements;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare<[string, string, string, string, string, number, number]>(
        `INSERT INTO mail_queue (id, kind, to_address, subject, body, created_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      claim: db.prepare<[number, number], MailRow>(
        `UPDATE mail_queue SET attempts = attempts + 1, next_attempt_at = ?
         WHERE id = (SELECT id FROM mail_queue WHERE sent_at IS NULL AND next_attempt_at <= ?
                     ORDER BY next_attempt_at, created_at LIMIT 1)
         RETURNING id, kind, to_address, subject, body, created_at, attempts`,
      ),
      sent: db.prepare<[number, string]>('UPDATE mail_queue SET sent_at = ?, last_error = NULL WHERE id = ?'),
      failed: db.prepare<[string, number, string]>(
        'UPDATE mail_queue SET last_error = ?, next_attempt_at = ? WHERE id = ? AND sent_at IS NULL',
      ),
      nextDue: db
        .prepare<[], number | null>('SELECT MIN(next_attempt_at) FROM mail_queue WHERE sent_at IS NULL')
        .pluck(),
      purge: db.prepare<[number]>('DELETE FROM mail_queue WHERE sent_at IS NOT NULL AND sent_at < ?'),
    };
  }

  async enqueue(mail: NewMail): Promise<void> {
    this.statements.insert.run(mail.id, mail.kind, mail.to, mail.subject, mail.body, mail.createdAt, mail.createdAt);
  }

  async claimDue(now: number, leaseUntil: number): Promise<QueuedMail | undefined> {
    const row = this.statements.claim.get(leaseUntil, now);
    return row && toQueuedMail(row);
  }

  async markSent(id: string, at: number): Promise<void> {
    this.statements.sent.run(at, id);
  }

  async markFailed(id: string, error: string, nextAttemptAt: number): Promise<void> {
    this.statements.failed.run(error.slice(0, 500), nextAttemptAt, id);
  }

  async nextDueAt(): Promise<number | undefined> {
    return this.statements.nextDue.get() ?? undefined;
  }

  async purgeSent(before: number): Promise<number> {
    return this.statements.purge.run(before).changes;
  }
}
