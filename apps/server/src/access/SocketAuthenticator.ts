import { CloseCode } from '@samplan/protocol';
import type { CollabTokens } from '../auth/CollabTokens.ts';
import { AppError } from '../errors/AppError.ts';
import type { PlanAccess } from './PlanAccess.ts';
import type { Role } from './roles.ts';
import { SocketRefused } from './SocketRefused.ts';

export interface SocketCredentials {
  planId: string;
  /** A collab token from the URL, if the socket carries one. */
  token: string | undefined;
  /** The session's user; the route only trusts the cookie of a socket opened from our own pages. */
  sessionUser: () => Promise<{ id: string } | undefined>;
}

/** Close codes for refusals from PlanAccess; the reason is the stable error code. */
const closeCodeOf: Partial<Record<string, number>> = {
  PLAN_NOT_FOUND: CloseCode.planNotFound,
  CONSENT_REQUIRED: CloseCode.forbidden,
  FORBIDDEN: CloseCode.forbidden,
};

/** Who is on a websocket and with which role in its plan; refusals throw SocketRefused. */
export class SocketAuthenticator {
  private readonly tokens: CollabTokens;
  private readonly access: PlanAccess;

  constructor(tokens: CollabTokens, access: PlanAccess) {
    this.tokens = tokens;
    this.access = access;
  }

  async authenticate(credentials: SocketCredentials): Promise<{ userId: string; role: Role }> {
    const { planId, token } = credentials;
    let userId: string | undefined;
    if (token) {
      try {
        userId = this.tokens.verify(token, planId).userId;
      } catch (error) {
        if (error instanceof AppError) throw new SocketRefused(CloseCode.unauthenticated, error.code);
        throw error;
      }
    } else {
      userId = (await credentials.sessionUser())?.id;
    }
    if (!userId) throw new SocketRefused(CloseCode.unauthenticated, 'UNAUTHENTICATED');
    try {
      const { membership } = await this.access.authorize({ id: userId }, planId, 'read');
      return { userId, role: membership.role };
    } catch (error) {
      const code = error instanceof AppError ? closeCodeOf[error.code] : undefined;
      if (code && error instanceof AppError) throw new SocketRefused(code, error.code);
      throw error;
    }
  }
}
