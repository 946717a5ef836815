import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountStore, LiveSession, LoginMethod, User } from '../storage/AccountStore.ts';
import { hashToken, newSecretToken } from './ids.ts';

export const SESSION_COOKIE = 'samplan_session';

/** A login with e-mail and password (also registering, and accepting an invitation with a new password). */
export const PASSWORD_LOGIN: LoginMethod = { method: 'password', level: null };

/** Login sessions: a random token in an httpOnly cookie, stored only as its hash. */
export class Sessions {
  private readonly accounts: AccountStore;
  private readonly ttlMs: number;
  private readonly secureCookie: boolean;

  constructor(accounts: AccountStore, options: { ttlHours: number; secureCookie: boolean }) {
    // Secure cookies when configured; a request that itself came over https also gets one.
    this.accounts = accounts;
    this.ttlMs = options.ttlHours * 3600 * 1000;
    this.secureCookie = options.secureCookie;
  }

  /**
   * Starts a session, remembering how it logged in (a consent given in Samplan records it). Returns how long it
   * lasts (ms).
   */
  async start(reply: FastifyReply, userId: string, login: LoginMethod): Promise<number> {
    const token = newSecretToken();
    const expiresAt = Date.now() + this.ttlMs;
    await this.accounts.createSession(hashToken(token), userId, expiresAt, login);
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.secureCookie || reply.request.protocol === 'https',
      path: '/',
      expires: new Date(expiresAt),
    });
    return this.ttlMs;
  }

  /** The logged-in user of a request (by its cookie), if any. */
  async userOf(request: FastifyRequest): Promise<User | undefined> {
    return (await this.current(request))?.user;
  }

  /**
   * The request's session: its user, its id (what collab tokens and sockets are bound to) and when it ends (ms).
   */
  async current(request: FastifyRequest): Promise<(LiveSession & { sessionId: string }) | undefined> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return undefined;
    const sessionId = hashToken(token);
    const session = await this.accounts.findSession(sessionId, Date.now());
    return session && { ...session, sessionId };
  }

  /** How the request's session logged in; null when that was not recorded (a session from an older server). */
  async loginOf(request: FastifyRequest): Promise<LoginMethod | null> {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return null;
    return (await this.accounts.sessionLogin(hashToken(token), Date.now())) ?? null;
  }

  /** The user of a session (by its id) while it is open. */
  async userOfSession(sessionId: string): Promise<User | undefined> {
    return (await this.accounts.findSession(sessionId, Date.now()))?.user;
  }

  /** Ends the request's session; returns the one it ended. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<{ user: User; sessionId: string } | undefined> {
    const session = await this.current(request);
    if (session) await this.accounts.deleteSession(session.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return session;
  }

  /** Ends every session of a user. */
  async endAll(userId: string, reply: FastifyReply): Promise<void> {
    await this.accounts.deleteSessionsOf(userId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
