export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: number;
}

export interface UserWithPassword extends User {
  passwordHash: string | null;
}

/** How a session logged in: `password`, or `oidc:<provider>` with the assurance level (acr) of its ID token. */
export interface LoginMethod {
  method: string;
  level: string | null;
}

/**
 * Failed logins are counted under a key: an e-mail address (tries from anywhere), or the address tried from one
 * network address (`loginFailureKeyFrom`), which clearing the address's failures clears too.
 */
export const loginFailureKeyFrom = (email: string, ip: string): string => `${email}\n${ip}`;

/** Failed logins under one key within the current window. */
export interface LoginFailures {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number | null;
}

/** When failed logins lock an address: `maxFailures` within `windowMs` lock it for `lockoutMs`. */
export interface LoginFailureRule {
  now: number;
  windowMs: number;
  maxFailures: number;
  lockoutMs: number;
}

/**
 * How long a reset link is kept after its end: it opens nothing then, but reset mails are counted per address over
 * the last hour (PasswordResets), so it is kept well beyond that.
 */
export const PASSWORD_RESET_KEPT_MS = 24 * 60 * 60_000;

/** What `forgetExpired` deletes at `now`. */
export interface ExpiryRule {
  now: number;
  /** The login failures' window (LoginFailureRule.windowMs): failures older than it, with no lock running, go. */
  loginWindowMs: number;
}

/** A login session that has not ended. */
export interface LiveSession {
  user: User;
  /** When it ends (ms). */
  expiresAt: number;
}

/** Users and their login sessions. Asynchronous so a networked database fits the same callers. */
export interface AccountStore {
  /** Rejects with EmailTaken, creating nothing, when the address has an account already. */
  createUser(user: UserWithPassword): Promise<void>;
  findUserByEmail(email: string): Promise<UserWithPassword | undefined>;
  findUserById(id: string): Promise<User | undefined>;
  createSession(tokenHash: string, userId: string, expiresAt: number, login: LoginMethod): Promise<void>;
  /** How a live session logged in (null for one from before this was recorded). */
  sessionLogin(tokenHash: string, now: number): Promise<LoginMethod | null | undefined>;
  /** A live session's user and when it ends (ms), or undefined when it is unknown or expired. */
  findSession(tokenHash: string, now: number): Promise<LiveSession | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user ("logg ut overalt"). */
  deleteSessionsOf(userId: string): Promise<void>;
  loginFailures(key: string): Promise<LoginFailures | undefined>;
  /**
   * Counts one failed login under `key` in a single statement (so failures at the same moment, on any instance, all
   * count): a new window starts when the last one is over or its lock has run out. Resolves with the state after it.
   */
  countLoginFailure(key: string, rule: LoginFailureRule): Promise<LoginFailures>;
  /** Clears the failed logins of an e-mail address: its own, and those of it from every network address. */
  clearLoginFailures(email: string): Promise<void>;
  /**
   * Deletes what has run out and decides nothing any more, though it holds personal data: sessions past their end,
   * login failures whose window is over and whose lock (if any) has run out (an e-mail address typed into the login
   * form, with a client address), and reset links that ended more than PASSWORD_RESET_KEPT_MS ago. Resolves with how many
   * rows went.
   */
  forgetExpired(rule: ExpiryRule): Promise<number>;
  /** The user an OpenID Connect identity (issuer-scoped subject) is linked to. */
  findOidcUser(provider: string, subject: string): Promise<User | undefined>;
  linkOidcIdentity(provider: string, subject: string, userId: string): Promise<void>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /**
   * Records that the account's owner has shown its e-mail address is theirs: a link mailed there was used, or an
   * identity provider vouched for the address. The first time counts; later calls change nothing.
   */
  confirmEmail(userId: string, at: number): Promise<void>;
  /** Whether the account's owner has shown its e-mail address is theirs (confirmEmail). */
  emailConfirmed(userId: string): Promise<boolean>;
  /** Stores a password reset link by its token's hash. */
  createPasswordReset(reset: {
    tokenHash: string;
    userId: string;
    createdAt: number;
    expiresAt: number;
  }): Promise<void>;
  /** How many reset links were made for a user since `since` (to limit how many mails one address gets). */
  countPasswordResets(userId: string, since: number): Promise<number>;
  /**
   * Spends a reset link: its user when it is unused and unexpired at `now`, in one step, so it works once. The
   * user's other reset links are spent with it.
   */
  usePasswordReset(tokenHash: string, now: number): Promise<string | undefined>;
}
