import type { FastifyBaseLogger } from 'fastify';
import type { AccountStore } from '../storage/AccountStore.ts';

export interface ExpiredAuthSweepOptions {
  /** The login failures' window: failures older than it no longer count (LoginThrottle). */
  loginWindowMs: number;
  /** How often to sweep; hourly by default. */
  everyMs?: number;
  logger: FastifyBaseLogger;
  now?: () => number;
}

/**
 * Deletes what the login keeps and has run out (AccountStore.forgetExpired): ended sessions, the e-mail and client
 * addresses of failed logins once they count no more, old reset links. Nothing decides anything by them, and they
 * are personal data, so they are not kept. At start and then hourly; every instance may sweep, deleting twice is
 * harmless.
 */
export class ExpiredAuthSweep {
  private readonly accounts: AccountStore;
  private readonly options: ExpiredAuthSweepOptions;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(accounts: AccountStore, options: ExpiredAuthSweepOptions) {
    this.accounts = accounts;
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    const sweep = () => {
      this.running = this.running.then(() => this.sweep());
    };
    sweep();
    this.timer = setInterval(sweep, this.options.everyMs ?? 60 * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One sweep; a failure is logged and the next sweep tries again. */
  async sweep(): Promise<void> {
    try {
      const forgotten = await this.accounts.forgetExpired({
        now: this.now(),
        loginWindowMs: this.options.loginWindowMs,
      });
      if (forgotten > 0)
        this.options.logger.info({ forgotten }, 'expired sessions, login failures and reset links deleted');
    } catch (error) {
      this.options.logger.error({ err: (error as Error).message }, 'could not delete expired login data');
    }
  }
}
