import type { PlanRole as Role } from '@samplan/api';
import type { NewAccessLogEntry } from './AccessLogStore.ts';
import type { ConsentRecord } from './ConsentStore.ts';

export interface InviteRecord {
  id: string;
  planId: string;
  email: string;
  role: Role;
  /** The end of the membership the invitation grants, if any. */
  membershipEndsAt: number | null;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  acceptedBy: string | null;
  revokedAt: number | null;
  revokedBy: string | null;
}

export type AcceptOutcome = 'accepted' | 'used' | 'revoked' | 'expired';

/** Invitations to a plan. The link's token is stored only as its hash. */
export interface InviteStore {
  /** The invitation, the family's consent given with it (if any) and their log entries, in one transaction. */
  create(
    invite: InviteRecord,
    tokenHash: string,
    options: { consent?: ConsentRecord; log: readonly NewAccessLogEntry[] },
  ): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<InviteRecord | undefined>;
  find(planId: string, inviteId: string): Promise<InviteRecord | undefined>;
  listForPlan(planId: string): Promise<InviteRecord[]>;
  /** How many invitations an account has made, in any plan, since `since` (to limit how many mails it sends). */
  countByInviterSince(userId: string, since: number): Promise<number>;
  /** Withdraws a pending invitation; false when it is not pending. */
  revoke(
    planId: string,
    inviteId: string,
    by: string,
    now: number,
    log: readonly NewAccessLogEntry[],
  ): Promise<boolean>;
  /**
   * Makes `by` the one who vouches for a pending invitation (a foresatt confirming one into the family that someone
   * outside it made), with `log`; false when it is not pending.
   */
  vouch(planId: string, inviteId: string, by: string, log: readonly NewAccessLogEntry[]): Promise<boolean>;
  /**
   * In one transaction: marks the invitation used (once), makes `userId` a member with its role and end, and
   * points consent recorded for the invitation at that user, and writes `log`.
   */
  accept(inviteId: string, userId: string, now: number, log: readonly NewAccessLogEntry[]): Promise<AcceptOutcome>;
}
