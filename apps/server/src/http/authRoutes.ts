import {
  LoginBody,
  PasswordResetConfirmBody,
  PasswordResetRequestBody,
  RegisterBody,
  type AuthProviders,
  type Me,
  type User as PublicUser,
} from '@samplan/api';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords.ts';
import { newId } from '../auth/ids.ts';
import type { LoginThrottle } from '../auth/LoginThrottle.ts';
import type { PasswordResets } from '../auth/PasswordResets.ts';
import { PASSWORD_LOGIN, type Sessions } from '../auth/Sessions.ts';
import { AppError } from '../errors/AppError.ts';
import type { AccessEvents } from '../access/AccessEvents.ts';
import type { AccountStore, User } from '../storage/AccountStore.ts';
import { rethrowAs } from '../storage/EmailTaken.ts';
import { requireSession, requireUser } from './requireUser.ts';

export const publicUser = (user: User): PublicUser => ({ id: user.id, email: user.email, name: user.name });

export interface AuthRoutesOptions {
  accounts: AccountStore;
  sessions: Sessions;
  throttle: LoginThrottle;
  allowRegistration: boolean;
  /** Stricter per-address rate limit for login and registration. */
  authRateLimit: { max: number; timeWindow: string };
  oidcProviders: Array<{ id: string; label: string }>;
  /** Announces ended sessions, so their sockets close. */
  events: AccessEvents;
  passwordResets: PasswordResets;
}

export async function authRoutes(app: FastifyInstance, options: AuthRoutesOptions): Promise<void> {
  const { accounts, sessions, throttle } = options;
  const strict = { config: { rateLimit: options.authRateLimit } };

  app.get('/api/auth/providers', async (): Promise<AuthProviders> => ({
    registration: options.allowRegistration,
    oidc: options.oidcProviders.map((p) => ({
      id: p.id,
      label: p.label,
      loginUrl: `/api/auth/oidc/${p.id}/login`,
    })),
  }));

  app.post('/api/auth/register', strict, async (request, reply) => {
    if (!options.allowRegistration) throw new AppError('REGISTRATION_DISABLED', 'Registrering er slått av');
    const body = RegisterBody.parse(request.body);
    const email = body.email.toLowerCase();
    const taken = () => new AppError('EMAIL_TAKEN', 'E-postadressen er allerede i bruk');
    if (await accounts.findUserByEmail(email)) throw taken();
    const user = { id: newId(), email, name: body.name, createdAt: Date.now() };
    // Made meanwhile (two registrations at once): the store refuses the second.
    await accounts.createUser({ ...user, passwordHash: await hashPassword(body.password) }).catch(rethrowAs(taken));
    const sessionMsLeft = await sessions.start(reply, user.id, PASSWORD_LOGIN);
    return reply.status(201).send({ user: publicUser(user), sessionMsLeft } satisfies Me);
  });

  app.post('/api/auth/login', strict, async (request, reply) => {
    const body = LoginBody.parse(request.body);
    const email = body.email.trim().toLowerCase();
    const attempt = await throttle.attempt(email, request.ip);
    const user = await accounts.findUserByEmail(email);
    // Verify against a dummy hash for unknown users, so the answer takes as long either way.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? (await dummyPasswordHash));
    if (!user || !user.passwordHash || !ok) {
      if (attempt.lastTry) request.log.warn({ emailHash: hashEmail(email) }, 'login locked after failures');
      throw new AppError('INVALID_CREDENTIALS', 'Feil e-post eller passord');
    }
    await throttle.succeeded(email);
    const sessionMsLeft = await sessions.start(reply, user.id, PASSWORD_LOGIN);
    return { user: publicUser(user), sessionMsLeft } satisfies Me;
  });

  // Logging out closes the session's sockets and ends its collab tokens; "logg ut overalt" does so for every session.
  app.post('/api/auth/logout', async (request, reply) => {
    const ended = await sessions.end(request, reply);
    if (ended) options.events.sessionEnded({ userId: ended.user.id, sessionId: ended.sessionId });
    return reply.status(204).send();
  });

  app.post('/api/auth/logout-everywhere', async (request, reply) => {
    const user = await requireUser(sessions, request);
    await sessions.endAll(user.id, reply);
    options.events.sessionEnded({ userId: user.id, sessionId: null });
    return reply.status(204).send();
  });

  // The answer is the same, and as quick, whether or not the address has an account: the work happens after it.
  app.post('/api/auth/password-reset', strict, async (request, reply) => {
    const { email } = PasswordResetRequestBody.parse(request.body);
    setImmediate(() => {
      options.passwordResets.request(email).catch((error: unknown) => {
        request.log.error({ err: (error as Error).message }, 'could not send a password reset link');
      });
    });
    return reply.status(202).send();
  });

  app.post('/api/auth/password-reset/confirm', strict, async (request, reply) => {
    const { token, password } = PasswordResetConfirmBody.parse(request.body);
    await options.passwordResets.confirm(token, password);
    return reply.status(204).send();
  });

  app.get('/api/me', async (request): Promise<Me> => {
    const { user, expiresAt } = await requireSession(sessions, request);
    return { user: publicUser(user), sessionMsLeft: Math.max(0, expiresAt - Date.now()) };
  });
}

/** Logs name an address only by a short hash. */
const hashEmail = (email: string): string => createHash('sha256').update(email).digest('hex').slice(0, 12);
