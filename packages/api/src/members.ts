import { z } from 'zod';
import type { ConsentStatus, NamedUser } from './consents.ts';
import { PLAN_ROLES, type PlanRole } from './roles.ts';
import { PersonName, type User } from './users.ts';

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
  /**
   * An invitation into the family, still waiting, made by someone outside it (a koordinator, before the family had
   * joined) while the family is in the plan now: it opens the plan only once a foresatt has confirmed it
   * (`POST …/invites/:inviteId/confirm`), as only the family makes family members.
   */
  waitsForFamily: boolean;
}

/** `POST /api/plans/:id/invites`. */
export const NewInviteBody = z.object({
  email: z.email().max(254),
  role: z.enum(PLAN_ROLES),
  /** Access for a period: the membership ends at this instant (ISO 8601). */
  membershipEndsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** A foresatt can record the family's consent to share with the invited person at once. */
  consent: z
    .object({
      givenBy: z.string().trim().min(1).max(200),
      note: z.string().trim().max(2000).default(''),
    })
    .optional(),
});
export type NewInvite = z.input<typeof NewInviteBody>;

/** `PATCH /api/plans/:id/members/:userId`: set, move or remove the end of a membership. */
export const MemberPatchBody = z.object({ endsAt: z.iso.datetime({ offset: true }).nullable() });

/** `POST /api/invites/preview`: the token from an invitation link. */
export const InviteTokenBody = z.object({ token: z.string().min(10).max(200) });

/** `POST /api/invites/accept`. */
export const AcceptInviteBody = InviteTokenBody.extend({
  /** Only when not logged in: creates the account for the invited address. */
  name: PersonName.optional(),
  password: z.string().min(10, 'Passordet må ha minst 10 tegn').max(200).optional(),
});
export type AcceptInviteInput = z.input<typeof AcceptInviteBody>;

/**
 * `POST /api/plans/:id/invites` answers with the invitation and its link, shown once. No link (null) for an
 * invitation into the family made from outside it (a koordinator inviting a foresatt or barn): that link is mailed
 * to the invited address only.
 */
export interface CreatedInvite {
  invite: InviteInfo;
  token: string | null;
  link: string | null;
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
  /**
   * Why it cannot let anyone in now, whoever uses it (null when it can): it waits for the family to confirm it, or
   * whoever made it no longer vouches for it. The page says so instead of asking for a name and a password first.
   */
  blockedBecause: 'INVITE_NEEDS_FAMILY' | 'INVITE_INVITER_GONE' | null;
}

/**
 * `POST /api/invites/accept`: the plan joined, and who is now logged in; `sessionMsLeft` as in `Me` when the
 * invitation made the account and logged it in, null when it was accepted by a login that was already there.
 */
export interface AcceptedInvite {
  plan: { id: string; role: PlanRole };
  user: User;
  sessionMsLeft: number | null;
}
