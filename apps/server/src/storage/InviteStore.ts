import type { PlanRole as Role } from '@samplan/api';

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
  create(invite: InviteRecord, tokenHash: string): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<InviteRecord | undefined>;
  find(planId: string, inviteId: string): Promise<InviteRecord | undefined>;
  listForPlan(planId: string): Promise<InviteRecord[]>;
  /** Withdraws a pending invitation; false when it is not pending. */
  revoke(planId: string, inviteId: string, by: string, now: number): Promise<boolean>;
  /**
   * In one transaction: marks the invitation used (once), makes `userId` a member with its role and end, and
   * points consent recorded for the invitation at that user.
   */
  accept(inviteId: string, userId: string, now: number): Promise<AcceptOutcome>;
}
