import { randomUUID } from 'node:crypto';
import type { MailKind, MailStore } from '../storage/MailStore.ts';
import type { MailTransport } from './MailTransport.ts';

export interface MailQueueLogger {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface MailQueueOptions {
  store: MailStore;
  transport: MailTransport;
  logger: MailQueueLogger;
  /** The longest wait between two attempts at one mail (the wait doubles from 1 s up to this). */
  retryMaxMs: number;
  /** How long sent mails are kept before they are forgotten. */
  keepSentMs?: number;
  now?: () => number;
}

/** How long an attempt holds its mail; longer than the transport's own timeouts, so a live attempt keeps it. */
const LEASE_MS = 2 * 60_000;

/** The wait after a mail's n-th failed attempt: 1 s, 2 s, 4 s … never more than `maxMs`. */
export const retryDelay = (attempts: number, maxMs: number): number =>
  Math.min(maxMs, 1000 * 2 ** Math.min(Math.max(attempts, 1) - 1, 20));
const PURGE_EVERY_MS = 60 * 60_000;

/**
 * The durable mail queue. `send` stores the mail and returns; a single sender loop hands due mails to the
 * transport one at a time, marks each sent once it is accepted, and tries a failed one again later (1 s, 2 s, 4 s …
 * up to `retryMaxMs` apart) until it goes through. A mail stored before a restart is sent after it.
 */
export class MailQueue {
  private readonly options: MailQueueOptions;
  private readonly now: () => number;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private lastPurge = 0;

  constructor(options: MailQueueOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Stores a mail for sending; resolves once it is stored (so it is never lost), not once it is sent. */
  async send(mail: { kind: MailKind; to: string; subject: string; body: string }): Promise<string> {
    const id = randomUUID();
    await this.options.store.enqueue({ id, ...mail, createdAt: this.now() });
    this.kick();
    return id;
  }

  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Stops sending (a mail under way finishes); what is left is sent after the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.options.transport.close();
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async run(): Promise<void> {
    const { store, transport, logger } = this.options;
    try {
      while (!this.stopped) {
        const now = this.now();
        const mail = await store.claimDue(now, now + LEASE_MS);
        if (!mail) break;
        try {
          await transport.send(mail);
          await store.markSent(mail.id, this.now());
        } catch (error) {
          const delay = retryDelay(mail.attempts, this.options.retryMaxMs);
          await store.markFailed(mail.id, (error as Error).message, this.now() + delay);
          logger.warn(
            {
              mailId: mail.id,
              kind: mail.kind,
              attempts: mail.attempts,
              retryInMs: delay,
              err: (error as Error).message,
            },
            'mail not sent; trying again',
          );
        }
      }
      if (this.now() - this.lastPurge > PURGE_EVERY_MS) {
        this.lastPurge = this.now();
        await store.purgeSent(this.now() - (this.options.keepSentMs ?? 30 * 24 * 60 * 60_000));
      }
      this.schedule(await store.nextDueAt());
    } catch (error) {
      // The store itself failed: try again in a while rather than stop sending for good.
      logger.error({ err: (error as Error).message }, 'the mail queue could not be read');
      this.schedule(this.now() + this.options.retryMaxMs);
    }
  }

  private schedule(dueAt: number | undefined): void {
    if (this.stopped || dueAt === undefined) return;
    const wait = Math.max(0, Math.min(dueAt - this.now(), this.options.retryMaxMs));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.kick();
    }, wait);
    this.timer.unref();
  }
}
