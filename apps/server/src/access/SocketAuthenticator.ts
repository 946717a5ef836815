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
  session: () => Promise<{ userId: string; sessionId: string } | undefined>;
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
  private readonly sessionOpen: (sessionId: string, userId: string) => Promise<boolean>;

  constructor(
    tokens: CollabTokens,
    access: PlanAccess,
    sessionOpen: (sessionId: string, userId: string) => Promise<boolean>,
  ) {
    this.tokens = tokens;
    this.access = access;
    this.sessionOpen = sessionOpen;
  }

  async authenticate(credentials: SocketCredentials): Promise<{ userId: string; sessionId: string; role: Role }> {
    const { planId, token } = credentials;
    let session: { userId: string; sessionId: string } | undefined;
    if (token) {
      try {
        const claims = this.tokens.verify(token, planId);
        session = { userId: claims.userId, sessionId: claims.sessionId };
      } catch (error) {
        if (error instanceof AppError) throw new SocketRefused(CloseCode.unauthenticated, error.code);
        throw error;
      }
      // A token dies with the session it was issued in (logout).
      if (!(await this.sessionOpen(session.sessionId, session.userId))) {
        throw new SocketRefused(CloseCode.unauthenticated, 'SESSION_ENDED');
      }
    } else {
      session = await credentials.session();
    }
    if (!session) throw new SocketRefused(CloseCode.unauthenticated, 'UNAUTHENTICATED');
    const { userId, sessionId } = session;
    try {
      const { membership } = await this.access.authorize({ id: userId }, planId, 'read');
      return { userId, sessionId, role: membership.role };
    } catch (error) {
      const code = error instanceof AppError ? closeCodeOf[error.code] : undefined;
      if (code && error instanceof AppError) throw new SocketRefused(code, error.code);
      throw error;
    }
  }
}
