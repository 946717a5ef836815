import { CloseCode } from '@samplan/protocol';
import type { CollabTokens } from '../auth/CollabTokens.ts';
import { AppError } from '../errors/AppError.ts';
import type { PlanAccess } from './PlanAccess.ts';
import type { Role } from './roles.ts';
import { SocketRefused } from './SocketRefused.ts';

/** Who is on a socket: the account, with its name as presence and the innsynslogg show it. */
export interface SocketUser {
  id: string;
  name: string;
}

export interface SocketCredentials {
  planId: string;
  /** A collab token from the URL, if the socket carries one. */
  token: string | undefined;
  /** The session's user; the route only trusts the cookie of a socket opened from our own pages. */
  session: () => Promise<{ user: SocketUser; sessionId: string } | undefined>;
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
  private readonly sessionUser: (sessionId: string) => Promise<SocketUser | undefined>;

  constructor(
    tokens: CollabTokens,
    access: PlanAccess,
    sessionUser: (sessionId: string) => Promise<SocketUser | undefined>,
  ) {
    this.tokens = tokens;
    this.access = access;
    this.sessionUser = sessionUser;
  }

  async authenticate(credentials: SocketCredentials): Promise<{ user: SocketUser; sessionId: string; role: Role }> {
    const { planId, token } = credentials;
    let session: { user: SocketUser; sessionId: string } | undefined;
    if (token) {
      let claims: { userId: string; sessionId: string };
      try {
        claims = this.tokens.verify(token, planId);
      } catch (error) {
        if (error instanceof AppError) throw new SocketRefused(CloseCode.unauthenticated, error.code);
        throw error;
      }
      // A token dies with the session it was issued in (logout).
      const user = await this.sessionUser(claims.sessionId);
      if (!user || user.id !== claims.userId) throw new SocketRefused(CloseCode.unauthenticated, 'SESSION_ENDED');
      session = { user, sessionId: claims.sessionId };
    } else {
      session = await credentials.session();
    }
    if (!session) throw new SocketRefused(CloseCode.unauthenticated, 'UNAUTHENTICATED');
    const { user, sessionId } = session;
    const userId = user.id;
    try {
      const { membership } = await this.access.authorize({ id: userId }, planId, 'read');
      return { user, sessionId, role: membership.role };
    } catch (error) {
      const code = error instanceof AppError ? closeCodeOf[error.code] : undefined;
      if (code && error instanceof AppError) throw new SocketRefused(code, error.code);
      throw error;
    }
  }
}
