import type pg from 'pg';
import type {
  AccountStore,
  LiveSession,
  LoginFailureRule,
  ExpiryRule,
  LoginFailures,
  LoginMethod,
  User,
  UserWithPassword,
} from '../AccountStore.ts';
import { toLoginFailures, toUser, type LoginFailuresRow, type UserRow } from '../accountRows.ts';
import { loginFailureKeyFrom, PASSWORD_RESET_KEPT_MS } from '../AccountStore.ts';
import { EmailTaken } from '../EmailTaken.ts';

/** Users, sessions, login throttling, OpenID identities and password reset links on PostgreSQL (migration 3). */
export class PostgresAccountStore implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  async createUser(user: UserWithPassword): Promise<void> {
    try {
      await this.pool.query(
        'INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [user.id, user.email, user.name, user.passwordHash, user.createdAt],
      );
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === '23505' && constraint === 'users_email') throw new EmailTaken();
      throw error;
    }
  }

  async findUserByEmail(email: string): Promise<UserWithPassword | undefined> {
    const result = await this.pool.query<UserRow>('SELECT * FROM users WHERE lower(email) = lower($1)', [email]);
    const row = result.rows[0];
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async findUserById(id: string): Promise<User | undefined> {
    const row = (await this.pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0];
    return row && toUser(row);
  }

  async createSession(tokenHash: string, userId: string, expiresAt: number, login: LoginMethod): Promise<void> {
    await this.pool.query(
      `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, login_method, login_level)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tokenHash, userId, Date.now(), expiresAt, login.method, login.level],
    );
  }

  async sessionLogin(tokenHash: string, now: number): Promise<LoginMethod | null | undefined> {
    const result = await this.pool.query<{ login_method: string | null; login_level: string | null }>(
      'SELECT login_method, login_level FROM sessions WHERE token_hash = $1 AND expires_at > $2',
      [tokenHash, now],
    );
    const row = result.rows[0];
    if (!row) return undefined;
    return row.login_method === null ? null : { method: row.login_method, level: row.login_level };
  }

  async findSession(tokenHash: string, now: number): Promise<LiveSession | undefined> {
    const result = await this.pool.query<UserRow & { session_expires_at: string }>(
      `SELECT users.*, sessions.expires_at AS session_expires_at FROM sessions JOIN users ON users.id = sessions.user_id
       WHERE sessions.token_hash = $1 AND sessions.expires_at > $2`,
      [tokenHash, now],
    );
    const row = result.rows[0];
    return row && { user: toUser(row), expiresAt: Number(row.session_expires_at) };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async loginFailures(email: string): Promise<LoginFailures | undefined> {
    const result = await this.pool.query<LoginFailuresRow>(
      'SELECT failures, first_failure_at, locked_until FROM login_failures WHERE email = $1',
      [email],
    );
    const row = result.rows[0];
    return row && toLoginFailures(row);
  }

  async countLoginFailure(email: string, rule: LoginFailureRule): Promise<LoginFailures> {
    // Every SET expression reads the row as it was; a new window when the last is over or its lock ran out.
    const fresh =
      '(login_failures.first_failure_at < $2::bigint - $3::bigint OR COALESCE(login_failures.locked_until, 9223372036854775807) <= $2::bigint)';
    const result = await this.pool.query<LoginFailuresRow>(
      `INSERT INTO login_failures (email, failures, first_failure_at, locked_until)
       VALUES ($1, 1, $2::bigint, CASE WHEN 1 >= $4::int THEN $2::bigint + $5::bigint END)
       ON CONFLICT (email) DO UPDATE SET
         failures = CASE WHEN ${fresh} THEN 1 ELSE login_failures.failures + 1 END,
         first_failure_at = CASE WHEN ${fresh} THEN $2::bigint ELSE login_failures.first_failure_at END,
         locked_until = CASE WHEN (CASE WHEN ${fresh} THEN 1 ELSE login_failures.failures + 1 END) >= $4::int
           THEN $2::bigint + $5::bigint END
       RETURNING failures, first_failure_at, locked_until`,
      [email, rule.now, rule.windowMs, rule.maxFailures, rule.lockoutMs],
    );
    return toLoginFailures(result.rows[0]!);
  }

  async clearLoginFailures(email: string): Promise<void> {
    const prefix = loginFailureKeyFrom(email, '');
    await this.pool.query('DELETE FROM login_failures WHERE email = $1 OR left(email, length($2)) = $2', [
      email,
      prefix,
    ]);
  }

  async forgetExpired({ now, loginWindowMs }: ExpiryRule): Promise<number> {
    const result = await this.pool.query<{ count: string }>(
      `WITH sessions_gone AS (DELETE FROM sessions WHERE expires_at <= $1 RETURNING 1),
       failures_gone AS (
         DELETE FROM login_failures WHERE first_failure_at < $2 AND (locked_until IS NULL OR locked_until <= $1)
         RETURNING 1
       ),
       resets_gone AS (DELETE FROM password_resets WHERE expires_at < $3 RETURNING 1)
       SELECT (SELECT COUNT(*) FROM sessions_gone) + (SELECT COUNT(*) FROM failures_gone)
         + (SELECT COUNT(*) FROM resets_gone) AS count`,
      [now, now - loginWindowMs, now - PASSWORD_RESET_KEPT_MS],
    );
    return Number(result.rows[0]!.count);
  }

  async findOidcUser(provider: string, subject: string): Promise<User | undefined> {
    const result = await this.pool.query<UserRow>(
      `SELECT users.* FROM oidc_identities JOIN users ON users.id = oidc_identities.user_id
       WHERE oidc_identities.provider = $1 AND oidc_identities.subject = $2`,
      [provider, subject],
    );
    const row = result.rows[0];
    return row && toUser(row);
  }

  async linkOidcIdentity(provider: string, subject: string, userId: string): Promise<void> {
    await this.pool.query(
      'INSERT INTO oidc_identities (provider, subject, user_id, created_at) VALUES ($1, $2, $3, $4)',
      [provider, subject, userId, Date.now()],
    );
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.pool.query('UPDATE users SET password_hash = $1 WHERE id = $2', [passwordHash, userId]);
  }

  async confirmEmail(userId: string, at: number): Promise<void> {
    await this.pool.query('UPDATE users SET email_confirmed_at = COALESCE(email_confirmed_at, $1) WHERE id = $2', [
      at,
      userId,
    ]);
  }

  async emailConfirmed(userId: string): Promise<boolean> {
    const result = await this.pool.query<{ confirmed: boolean }>(
      'SELECT email_confirmed_at IS NOT NULL AS confirmed FROM users WHERE id = $1',
      [userId],
    );
    return result.rows[0]?.confirmed === true;
  }

  async createPasswordReset(reset: {
    tokenHash: string;
    userId: string;
    createdAt: number;
    expiresAt: number;
  }): Promise<void> {
    await this.pool.query(
      'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [reset.tokenHash, reset.userId, reset.createdAt, reset.expiresAt],
    );
  }

  async countPasswordResets(userId: string, since: number): Promise<number> {
    const result = await this.pool.query<{ count: string }>(
      'SELECT COUNT(*) AS count FROM password_resets WHERE user_id = $1 AND created_at >= $2',
      [userId, since],
    );
    return Number(result.rows[0]?.count ?? 0);
  }

  /** One statement spends the link and the user's others: two instances confirming one link cannot both win. */
  async usePasswordReset(tokenHash: string, now: number): Promise<string | undefined> {
    const result = await this.pool.query<{ user_id: string }>(
      `WITH spent AS (
         UPDATE password_resets SET used_at = $2
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
         RETURNING user_id
       ), others AS (
         UPDATE password_resets SET used_at = $2
         WHERE user_id IN (SELECT user_id FROM spent) AND used_at IS NULL AND token_hash <> $1
       )
       SELECT user_id FROM spent`,
      [tokenHash, now],
    );
    return result.rows[0]?.user_id;
  }
}
