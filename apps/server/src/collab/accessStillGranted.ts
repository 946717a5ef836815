import { CloseCode } from '@samplan/protocol';
import { CONSENT_WITHDRAWN_REASON } from '../access/ConsentService.ts';
import { MEMBERSHIP_ENDED_REASON } from '../access/MembershipService.ts';
import { AppError } from '../errors/AppError.ts';
import { LOGGED_OUT } from './RoomManager.ts';

/**
 * Whether a connection may stay open: its session still alive, and its user still a member the family's consent
 * covers. Null when it may; otherwise the code and reason it is closed with, the same as the event that should have
 * closed it (a logout, a revocation, a consent withdrawn) would have used.
 */
export function accessStillGranted(deps: {
  /** PlanAccess.authorize for reading the plan: throws PLAN_NOT_FOUND, FORBIDDEN or CONSENT_REQUIRED. */
  authorize: (userId: string, planId: string) => Promise<unknown>;
  sessionUser: (sessionId: string) => Promise<{ id: string } | undefined>;
}): (planId: string, userId: string, sessionId: string) => Promise<{ code: number; reason: string } | null> {
  return async (planId, userId, sessionId) => {
    const user = await deps.sessionUser(sessionId);
    if (!user || user.id !== userId) return { code: CloseCode.unauthenticated, reason: LOGGED_OUT };
    try {
      await deps.authorize(userId, planId);
      return null;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'CONSENT_REQUIRED') return { code: CloseCode.forbidden, reason: CONSENT_WITHDRAWN_REASON };
      if (error.code === 'PLAN_NOT_FOUND' || error.code === 'FORBIDDEN') {
        return { code: CloseCode.forbidden, reason: MEMBERSHIP_ENDED_REASON };
      }
      throw error;
    }
  };
}
