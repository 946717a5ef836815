import type { FastifyRequest } from 'fastify';
import type { Sessions } from '../auth/Sessions.ts';
import { AppError } from '../errors/AppError.ts';
import type { LiveSession, User } from '../storage/AccountStore.ts';

export async function requireUser(sessions: Sessions, request: FastifyRequest): Promise<User> {
  return (await requireSession(sessions, request)).user;
}

/** The request's login session, or 401 UNAUTHENTICATED. */
export async function requireSession(
  sessions: Sessions,
  request: FastifyRequest,
): Promise<LiveSession & { sessionId: string }> {
  const session = await sessions.current(request);
  if (!session) throw new AppError('UNAUTHENTICATED', 'Du må logge inn');
  return session;
}
