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
 * Without `SMTP_URL` (the embedded default) mails are written to `DATA_DIR/outbox/` as .eml files, one per mail,
 * and to the log, so a server started with nothing else still shows what it would have sent.
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
    this.logger.info(
      { mailId: mail.id, kind: mail.kind, file, subject: mail.subject, text: mail.body },
      'mail written to the outbox',
    );
  }

  close(): void {
    this.builder.close();
  }
}
