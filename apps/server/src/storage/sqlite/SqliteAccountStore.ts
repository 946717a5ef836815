import type { SqliteDatabase } from './openSqlite.ts';
import type {
  User,
  UserWithPassword,
  LoginFailures,
  LoginFailureRule,
  ExpiryRule,
  AccountStore,
  LiveSession,
  LoginMethod,
} from '../AccountStore.ts';
import { toLoginFailures, toUser, type LoginFailuresRow, type UserRow } from '../accountRows.ts';
import { loginFailureKeyFrom, PASSWORD_RESET_KEPT_MS } from '../AccountStore.ts';
import { EmailTaken } from '../EmailTaken.ts';

/** A failure that starts a new window: the last one is over, or its lock has run out. */
const FRESH = '(first_failure_at < :now - :window OR COALESCE(locked_until, 9e18) <= :now)';

export class SqliteAccountStore implements AccountStore {
  private readonly statements;
  private readonly usePasswordResetTx: (tokenHash: string, now: number) => string | undefined;
  private readonly forgetExpiredTx: (rule: ExpiryRule) => number;

  constructor(db: SqliteDatabase) {
    this.statements = {
      insertUser: db.prepare<[string, string, string, string | null, number]>(
        'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      userByEmail: db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
      userById: db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
      insertSession: db.prepare<[string, string, number, number, string, string | null]>(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, login_method, login_level)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      sessionLogin: db.prepare<[string, number], { login_method: string | null; login_level: string | null }>(
        'SELECT login_method, login_level FROM sessions WHERE token_hash = ? AND expires_at > ?',
      ),
      session: db.prepare<[string, number], UserRow & { session_expires_at: number }>(
        `SELECT users.*, sessions.expires_at AS session_expires_at FROM sessions JOIN users ON users.id = sessions.user_id
         WHERE sessions.token_hash = ? AND sessions.expires_at > ?`,
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
      deleteSessionsOf: db.prepare<[string]>('DELETE FROM sessions WHERE user_id = ?'),
      loginFailures: db.prepare<[string], LoginFailuresRow>(
        'SELECT failures, first_failure_at, locked_until FROM login_failures WHERE email = ?',
      ),
      countLoginFailure: db.prepare<
        [{ email: string; now: number; window: number; max: number; lockout: number }],
        LoginFailuresRow
      >(
        `INSERT INTO login_failures (email, failures, first_failure_at, locked_until)
         VALUES (:email, 1, :now, CASE WHEN 1 >= :max THEN :now + :lockout END)
         ON CONFLICT(email) DO UPDATE SET
           failures = CASE WHEN ${FRESH} THEN 1 ELSE failures + 1 END,
           first_failure_at = CASE WHEN ${FRESH} THEN :now ELSE first_failure_at END,
           locked_until = CASE WHEN (CASE WHEN ${FRESH} THEN 1 ELSE failures + 1 END) >= :max
             THEN :now + :lockout END
         RETURNING failures, first_failure_at, locked_until`,
      ),
      clearLoginFailures: db.prepare<{ email: string; prefix: string }>(
        'DELETE FROM login_failures WHERE email = :email OR substr(email, 1, length(:prefix)) = :prefix',
      ),
      oidcUser: db.prepare<[string, string], UserRow>(
        `SELECT users.* FROM oidc_identities JOIN users ON users.id = oidc_identities.user_id
         WHERE oidc_identities.provider = ? AND oidc_identities.subject = ?`,
      ),
      linkOidc: db.prepare<[string, string, string, number]>(
        'INSERT INTO oidc_identities (provider, subject, user_id, created_at) VALUES (?, ?, ?, ?)',
      ),
      setPasswordHash: db.prepare<[string, string]>('UPDATE users SET password_hash = ? WHERE id = ?'),
      confirmEmail: db.prepare<[number, string]>(
        'UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, ?) WHERE id = ?',
      ),
      emailConfirmed: db
        .prepare<[string], number>('SELECT email_confirmed_at IS NOT NULL FROM users WHERE id = ?')
        .pluck(),
      insertReset: db.prepare<[string, string, number, number]>(
        'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ),
      countResets: db
        .prepare<[string, number], number>('SELECT COUNT(*) FROM password_resets WHERE user_id = ? AND created_at >= ?')
        .pluck(),
      useReset: db
        .prepare<[number, string, number], string>(
          `UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
           RETURNING user_id`,
        )
        .pluck(),
      spendResetsOf: db.prepare<[number, string]>(
        'UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL',
      ),
      forgetSessions: db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?'),
      forgetLoginFailures: db.prepare<[number, number]>(
        'DELETE FROM login_failures WHERE first_failure_at < ? AND (locked_until IS NULL OR locked_until <= ?)',
      ),
      forgetResets: db.prepare<[number]>('DELETE FROM password_resets WHERE expires_at < ?'),
    };
    this.usePasswordResetTx = db.transaction((tokenHash: string, now: number): string | undefined => {
      const userId = this.statements.useReset.get(now, tokenHash, now);
      if (userId !== undefined) this.statements.spendResetsOf.run(now, userId);
      return userId;
    });
    this.forgetExpiredTx = db.transaction(({ now, loginWindowMs }: ExpiryRule): number => {
      const { forgetSessions, forgetLoginFailures, forgetResets } = this.statements;
      return (
        forgetSessions.run(now).changes +
        forgetLoginFailures.run(now - loginWindowMs, now).changes +
        forgetResets.run(now - PASSWORD_RESET_KEPT_MS).changes
      );
    });
  }

  async createUser(user: UserWithPassword): Promise<void> {
    try {
      this.statements.insertUser.run(user.id, user.email, user.name, user.passwordHash, user.createdAt);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String(error).includes('users.email'))
        throw new EmailTaken();
      throw error;
    }
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const row = this.statements.userByEmail.get(email);
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async findUserById(id: string): Promise<User | undefined> {
    const row = this.statements.userById.get(id);
    return row && toUser(row);
  }

  async createSession(tokenHash: string, userId: string, expiresAt: number, login: LoginMethod): Promise<void> {
    this.statements.insertSession.run(tokenHash, userId, Date.now(), expiresAt, login.method, login.level);
  }

  async sessionLogin(tokenHash: string, now: number): Promise<LoginMethod | null | undefined> {
    const row = this.statements.sessionLogin.get(tokenHash, now);
    if (!row) return undefined;
    return row.login_method === null ? null : { method: row.login_method, level: row.login_level };
  }

  async findSession(tokenHash: string, now: number): Promise<LiveSession | undefined> {
    const row = this.statements.session.get(tokenHash, now);
    return row && { user: toUser(row), expiresAt: row.session_expires_at };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.statements.deleteSession.run(tokenHash);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    this.statements.deleteSessionsOf.run(userId);
  }

  async loginFailures(email: string): Promise<LoginFailures | undefined> {
    const row = this.statements.loginFailures.get(email);
    return row && toLoginFailures(row);
  }

  async countLoginFailure(email: string, rule: LoginFailureRule): Promise<LoginFailures> {
    const row = this.statements.countLoginFailure.get({
      email,
      now: rule.now,
      window: rule.windowMs,
      max: rule.maxFailures,
      lockout: rule.lockoutMs,
    })!;
    return toLoginFailures(row);
  }

  async clearLoginFailures(email: string): Promise<void> {
    this.statements.clearLoginFailures.run({ email, prefix: loginFailureKeyFrom(email, '') });
  }

  async forgetExpired(rule: ExpiryRule): Promise<number> {
    return this.forgetExpiredTx(rule);
  }

  async findOidcUser(provider: string, subject: string): Promise<User | undefined> {
    const row = this.statements.oidcUser.get(provider, subject);
    return row && toUser(row);
  }

  async linkOidcIdentity(provider: string, subject: string, userId: string): Promise<void> {
    this.statements.linkOidc.run(provider, subject, userId, Date.now());
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    this.statements.setPasswordHash.run(passwordHash, userId);
  }

  async confirmEmail(userId: string, at: number): Promise<void> {
    this.statements.confirmEmail.run(at, userId);
  }

  async emailConfirmed(userId: string): Promise<boolean> {
    return this.statements.emailConfirmed.get(userId) === 1;
  }

  async createPasswordReset(reset: {
    tokenHash: string;
    userId: string;
    createdAt: number;
    expiresAt: number;
  }): Promise<void> {
    this.statements.insertReset.run(reset.tokenHash, reset.userId, reset.createdAt, reset.expiresAt);
  }

  async countPasswordResets(userId: string, since: number): Promise<number> {
    return this.statements.countResets.get(userId, since) ?? 0;
  }

  async usePasswordReset(tokenHash: string, now: number): Promise<string | undefined> {
    return this.usePasswordResetTx(tokenHash, now);
  }
}
