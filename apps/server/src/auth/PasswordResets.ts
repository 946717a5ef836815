import { LINK_PATHS } from '@samplan/api';
import { AppError } from '../errors/AppError.ts';
import type { MailQueue } from '../mail/MailQueue.ts';
import { mailTexts } from '../mail/mailTexts.ts';
import type { AccountStore } from '../storage/AccountStore.ts';
import { hashToken, newSecretToken } from './ids.ts';
import { hashPassword } from './passwords.ts';

export interface PasswordResetsOptions {
  accounts: AccountStore;
  mail: MailQueue;
  /** Told when a reset has ended every session of a user, so their sockets close. */
  onSessionsEnded: (userId: string) => void;
  /** How long a reset link works. */
  validMinutes: number;
  /** Reset mails one address gets per hour at most; more requests are answered alike and send nothing. */
  maxPerHour: number;
  /** Absolute address of a page of the web app, for the link in the mail. */
  linkTo: (path: string) => string;
  now?: () => number;
}

/**
 * Password reset by mail: a single-use link with an expiry, stored only as its token's hash, with the token in the
 * link's fragment. Asking answers alike whether or not the address has an account.
 */
export class PasswordResets {
  private readonly options: PasswordResetsOptions;
  private readonly now: () => number;

  constructor(options: PasswordResetsOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Sends a reset link to the address if it has an account (and has not had too many this hour). */
  async request(email: string): Promise<void> {
    const { accounts, mail, validMinutes } = this.options;
    const user = await accounts.findUserByEmail(email.trim().toLowerCase());
    if (!user) return;
    const now = this.now();
    if ((await accounts.countPasswordResets(user.id, now - 60 * 60_000)) >= this.options.maxPerHour) return;
    const token = newSecretToken();
    await accounts.createPasswordReset({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt: now + validMinutes * 60_000,
    });
    const link = `${this.options.linkTo(LINK_PATHS.resetPassword)}#${token}`;
    await mail.send({ kind: 'passwordReset', to: user.email, ...mailTexts.passwordReset({ link, validMinutes }) });
  }

  /**
   * Sets a new password with a reset link's token, which is spent (with the user's other links). Every session of
   * the user ends (a reset is what someone does who fears another has the password), and the login lock is lifted.
   */
  async confirm(token: string, password: string): Promise<void> {
    const { accounts } = this.options;
    const userId = await accounts.usePasswordReset(hashToken(token), this.now());
    const user = userId === undefined ? undefined : await accounts.findUserById(userId);
    if (!user) throw new AppError('RESET_LINK_INVALID', 'Lenken for nytt passord er brukt, utløpt eller ukjent');
    await accounts.setPasswordHash(user.id, await hashPassword(password));
    // The link came to the account's address: its owner has shown the address is theirs.
    await accounts.confirmEmail(user.id, this.now());
    await accounts.deleteSessionsOf(user.id);
    await accounts.clearLoginFailures(user.email);
    this.options.onSessionsEnded(user.id);
  }
}
