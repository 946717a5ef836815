import type { PlanRole as Role } from '@samplan/api';
import type { InviteRecord } from './InviteStore.ts';
import { intOrNull, type Int } from './rowValues.ts';

// Invitations' rows, mapped alike for both stores.

export interface InviteRow {
  id: string;
  plan_id: string;
  email: string;
  role: Role;
  membership_ends_at: Int | null;
  invited_by: string;
  created_at: Int;
  expires_at: Int;
  accepted_at: Int | null;
  accepted_by: string | null;
  revoked_at: Int | null;
  revoked_by: string | null;
}

export const toInvite = (row: InviteRow): InviteRecord => ({
  id: row.id,
  planId: row.plan_id,
  email: row.email,
  role: row.role,
  membershipEndsAt: intOrNull(row.membership_ends_at),
  invitedBy: row.invited_by,
  createdAt: Number(row.created_at),
  expiresAt: Number(row.expires_at),
  acceptedAt: intOrNull(row.accepted_at),
  acceptedBy: row.accepted_by,
  revokedAt: intOrNull(row.revoked_at),
  revokedBy: row.revoked_by,
});
