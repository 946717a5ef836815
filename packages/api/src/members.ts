import type { ConsentStatus, NamedUser } from './consents.ts';
import type { PlanRole } from './roles.ts';
import type { User } from './users.ts';

/** A member of a plan (`GET /api/plans/:id/members`). */
export interface MemberInfo {
  userId: string;
  name: string;
  email: string;
  role: PlanRole;
  family: boolean;
  joinedAt: string | null;
  endsAt: string | null;
  consent: ConsentStatus;
}

export type InviteStatus = 'venter' | 'akseptert' | 'utlopt' | 'trukket';

/** An invitation (`GET /api/plans/:id/invites`). */
export interface InviteInfo {
  id: string;
  email: string;
  role: PlanRole;
  status: InviteStatus;
  createdAt: string | null;
  expiresAt: string | null;
  membershipEndsAt: string | null;
  invitedBy: NamedUser;
  acceptedAt: string | null;
}

/** `POST /api/plans/:id/invites`. */
export interface NewInvite {
  email: string;
  role: PlanRole;
  membershipEndsAt?: string | null;
  consent?: { givenBy: string; note?: string };
}

/** `POST /api/plans/:id/invites` answers with the invitation and its link, shown once. */
export interface CreatedInvite {
  invite: InviteInfo;
  token: string;
  link: string;
}

/** `POST /api/invites/preview`: what an invitation link offers, shown before it is accepted. */
export interface InvitePreview {
  planTitle: string;
  role: PlanRole;
  email: string;
  invitedBy: string;
  expiresAt: string | null;
  membershipEndsAt: string | null;
  accountExists: boolean;
}

/** `POST /api/invites/accept`: the plan joined, and who is now logged in. */
export interface AcceptedInvite {
  plan: { id: string; role: PlanRole };
  user: User;
}
