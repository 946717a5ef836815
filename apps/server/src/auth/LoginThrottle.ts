import { AppError } from '../errors/AppError.ts';
import type { AccountStore } from '../storage/AccountStore.ts';

export interface LoginThrottleOptions {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
  now?: () => number;
}

/**
 * Locks an e-mail address after repeated failed logins, known account or not (so the lock does not tell which
 * addresses have accounts). Kept in the database, so a restart does not reset it.
 */
export class LoginThrottle {
  private readonly accounts: AccountStore;
  private readonly options: LoginThrottleOptions;
  private readonly now: () => number;

  constructor(accounts: AccountStore, options: LoginThrottleOptions) {
    this.accounts = accounts;
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Throws LOGIN_LOCKED while the address is locked; `retryAfterSeconds` is in the error's details. */
  async assertNotLocked(email: string): Promise<void> {
    const state = await this.accounts.loginFailures(email);
    const now = this.now();
    if (state?.lockedUntil && state.lockedUntil > now) {
      throw new AppError('LOGIN_LOCKED', 'For mange mislykkede innlogginger; prøv igjen senere', {
        retryAfterSeconds: Math.ceil((state.lockedUntil - now) / 1000),
      });
    }
  }

  /** Counts a failure; returns true when this failure locked the address. */
  async failed(email: string): Promise<boolean> {
    const { maxFailures, windowMs, lockoutMs } = this.options;
    const state = await this.accounts.countLoginFailure(email, { now: this.now(), windowMs, maxFailures, lockoutMs });
    return state.lockedUntil !== null;
  }

  async succeeded(email: string): Promise<void> {
    await this.accounts.clearLoginFailures(email);
  }
}
