import type { QueuedMail } from '../storage/MailStore.ts';

/**
 * The message nodemailer builds for a queued mail. Its Message-ID comes from the mail's id, so a mail sent again
 * after a crash between the server's acceptance and the queue's record of it is recognisably the same mail.
 */
export function mailMessage(mail: QueuedMail, from: string, domain: string) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.body,
    messageId: `<${mail.id}@${domain}>`,
    date: new Date(mail.createdAt),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Samplan-Kind': mail.kind },
  };
}
