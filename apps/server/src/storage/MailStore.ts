/** What a mail is about; each kind has its text in mail/mailTexts.ts. */
export type MailKind = 'invitation' | 'passwordReset' | 'consentRequest' | 'task' | 'meeting' | 'due' | 'digest';

export interface NewMail {
  id: string;
  kind: MailKind;
  to: string;
  subject: string;
  /** Plain text. Never plan content or the child's name: only what happened, who did it, and a link. */
  body: string;
  createdAt: number;
}

export interface QueuedMail extends NewMail {
  /** Attempts so far, this one included. */
  attempts: number;
}

/** The durable mail queue: a mail is stored before anyone is told it was sent, and leaves only once it is. */
export interface MailStore {
  enqueue(mail: NewMail): Promise<void>;
  /**
   * Takes the mail due first (at `now`), if any, for one attempt: counts the attempt and holds the mail until
   * `leaseUntil`, so no other sender takes it meanwhile. A sender that dies mid-attempt leaves it to be retried then.
   */
  claimDue(now: number, leaseUntil: number): Promise<QueuedMail | undefined>;
  markSent(id: string, at: number): Promise<void>;
  /** Records a failed attempt; the mail is tried again at `nextAttemptAt`. */
  markFailed(id: string, error: string, nextAttemptAt: number): Promise<void>;
  /** When the next unsent mail is due (a lease counts), or undefined when none is waiting. */
  nextDueAt(): Promise<number | undefined>;
  /** Forgets mails sent before `before` (the address and text are personal data, kept no longer than needed). */
  purgeSent(before: number): Promise<number>;
}
