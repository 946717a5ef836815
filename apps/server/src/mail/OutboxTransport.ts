import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { QueuedMail } from '../storage/MailStore.ts';
import { mailMessage } from './mailMessage.ts';
import type { MailTransport } from './MailTransport.ts';

export interface OutboxLogger {
  info(obj: object, msg: string): void;
}

/**
 * Without `SMTP_URL` (the embedded default) mails are written to `DATA_DIR/outbox/` as .eml files, one per mail
 * (readable by the server's user only), and the log names each file, so a server started with nothing else still
 * shows what it would have sent.
 */
export class OutboxTransport implements MailTransport {
  private readonly builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly domain: string,
    private readonly logger: OutboxLogger,
  ) {}

  async send(mail: QueuedMail): Promise<void> {
    const info = await this.builder.sendMail(mailMessage(mail, this.from, this.domain));
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${new Date(mail.createdAt).toISOString().replaceAll(':', '-')}-${mail.id}.eml`);
    writeFileSync(file, info.message as Buffer, { mode: 0o600 });
    // Only where it is: its words name people, and its links carry tokens (a new password's, an invitation's).
    this.logger.info({ mailId: mail.id, kind: mail.kind, file }, 'mail written to the outbox');
  }

  close(): void {
    this.builder.close();
  }
}
