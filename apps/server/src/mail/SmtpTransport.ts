import nodemailer from 'nodemailer';
import type { QueuedMail } from '../storage/MailStore.ts';
import { mailMessage } from './mailMessage.ts';
import type { MailTransport } from './MailTransport.ts';

/** Sends over SMTP (`SMTP_URL`: `smtp://host:port`, `smtps://user:pass@host:port`), one connection per mail. */
export class SmtpTransport implements MailTransport {
  private readonly transporter;

  constructor(
    url: string,
    private readonly from: string,
    private readonly domain: string,
  ) {
    this.transporter = nodemailer.createTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(mail: QueuedMail): Promise<void> {
    await this.transporter.sendMail(mailMessage(mail, this.from, this.domain));
  }

  close(): void {
    this.transporter.close();
  }
}
