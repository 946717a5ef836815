import type { QueuedMail } from '../storage/MailStore.ts';

/** Hands one mail over for delivery; resolves once it is accepted (by the SMTP server, or written to the outbox). */
export interface MailTransport {
  send(mail: QueuedMail): Promise<void>;
  close(): void;
}
