import { AppError } from '../errors/AppError.ts';
import { loginFailureKeyFrom, type AccountStore, type LoginFailures } from '../storage/AccountStore.ts';

export interface LoginThrottleOptions {
  /** Failed logins for one e-mail address from one network address, within the window, that lock it there. */
  maxFailures: number;
  /** Failed logins for one e-mail address from every network address together that lock it everywhere. */
  maxFailuresPerAddress: number;
  windowMs: number;
  lockoutMs: number;
  now?: () => number;
}

/** A login attempt that may have its password checked. */
export interface LoginAttempt {
  /** If its password is wrong, the address is locked (from this network address, or everywhere). */
  lastTry: boolean;
}

/**
 * Locks an e-mail address after repeated failed logins, known account or not (so the lock does not tell which
 * addresses have accounts). Kept in the database, so a restart does not reset it, and instances count together.
 *
 * Failures count per network address first: someone who knows a parent's e-mail address and tries it a few times
 * locks it for their own network only, not for the parent at home (who also has a password reset, which lifts every
 * lock). Many networks together lock it everywhere, at a higher count, which bounds guessing from many addresses.
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

  /**
   * Counts an attempt to log in as `email` from `ip` as failed before its password is checked, and lets it be
   * checked unless the address is locked: tries sent at the same moment stop at the limit as tries sent one after
   * another do (counted afterwards, every try in flight would be checked). Throws LOGIN_LOCKED, with
   * `retryAfterSeconds` in its details. A correct password then clears the count (`succeeded`).
   */
  async attempt(email: string, ip: string): Promise<LoginAttempt> {
    const { maxFailures, maxFailuresPerAddress, windowMs, lockoutMs } = this.options;
    const limits = [
      { key: loginFailureKeyFrom(email, ip), maxFailures },
      { key: email, maxFailures: maxFailuresPerAddress },
    ];
    const now = this.now();
    // Locked already: refused without counting, so more tries do not lengthen the lock.
    const before = await Promise.all(limits.map(({ key }) => this.accounts.loginFailures(key)));
    assertOpen(before, now);
    const counted = await Promise.all(
      limits.map(({ key, maxFailures }) =>
        this.accounts.countLoginFailure(key, { now, windowMs, maxFailures, lockoutMs }),
      ),
    );
    assertOpen(
      counted.filter((state, i) => state.failures > limits[i]!.maxFailures),
      now,
    );
    return { lastTry: counted.some((state, i) => state.failures === limits[i]!.maxFailures) };
  }

  /** The password was right: the address's failures are cleared, from every network address. */
  async succeeded(email: string): Promise<void> {
    await this.accounts.clearLoginFailures(email);
  }
}

function assertOpen(states: ReadonlyArray<LoginFailures | undefined>, now: number): void {
  const until = Math.max(0, ...states.map((state) => state?.lockedUntil ?? 0));
  if (until > now) {
    throw new AppError('LOGIN_LOCKED', 'For mange mislykkede innlogginger; prøv igjen senere', {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
    });
  }
}
