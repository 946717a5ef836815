import type { FastifyRequest } from 'fastify';
import type { Sessions } from '../auth/Sessions.ts';
import { AppError } from '../errors/AppError.ts';
import type { User } from '../storage/AccountStore.ts';

export async function requireUser(sessions: Sessions, request: FastifyRequest): Promise<User> {
  const user = await sessions.userOf(request);
  if (!user) throw new AppError('UNAUTHENTICATED', 'Du må logge inn');
  return user;
}
