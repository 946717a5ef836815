import { z } from 'zod';

/** What a consent record is about: the plan itself, or sharing it with one person outside the family. */
export const CONSENT_KINDS = ['plan', 'sharing'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/**
 * Whether the family's consent covers a member: people outside the family need it to see the plan. The one who made
 * the plan outside the family may open it while the family has not answered yet (`venter-pa-familien`), to set it
 * up and invite the family.
 */
export type ConsentStatus = 'ikke-nodvendig' | 'gitt' | 'venter-pa-familien' | 'mangler' | 'trukket-for-planen';

/** Where the family stands on the plan itself: not answered yet, consented, or consent withdrawn. */
export type FamilyConsent = 'venter' | 'gitt' | 'trukket';

export interface NamedUser {
  userId: string;
  name: string;
}

/** A consent record (`GET /api/plans/:id/consents`). */
export interface ConsentInfo {
  id: string;
  kind: ConsentKind;
  subject: NamedUser | { inviteId: string; email: string } | null;
  givenBy: string;
  givenAt: string | null;
  note: string;
  recordedBy: NamedUser | null;
  recordedAt: string | null;
  active: boolean;
  withdrawnAt: string | null;
  withdrawnBy: NamedUser | null;
  withdrawalNote: string | null;
  /**
   * Set when the family gave it in Samplan (the consent step, or a parent creating the plan): the account, and how
   * it had logged in (`password`, or `oidc:<provider>` with the ID token's assurance level).
   */
  givenByAccount: { user: NamedUser; login: { method: string; level: string | null } | null } | null;
}

/** `POST /api/plans/:id/consents`: records consent the family gave (outside Samplan, e.g. in a meeting). */
export const NewConsentBody = z.object({
  kind: z.enum(CONSENT_KINDS),
  /** `sharing`: the member outside the family it covers, or `inviteId` of a pending invitation. */
  subjectUserId: z.string().min(1).max(64).optional(),
  inviteId: z.string().min(1).max(64).optional(),
  /** Who gave the consent, e.g. "Kari Nilsen (mor)". */
  givenBy: z.string().trim().min(1).max(200),
  /** When it was given (ISO 8601); defaults to now. */
  givenAt: z.iso.datetime({ offset: true }).optional(),
  /** What it covers, in words (scope, purpose, conditions). */
  note: z.string().trim().max(2000).default(''),
});
export type NewConsent = z.input<typeof NewConsentBody>;

/**
 * `POST /api/plans/:id/family-consent`: a foresatt's answer in the consent step. Records the family's consent to the
 * plan, given by this account as it logged in, and to sharing it with each member and invitation named (others still
 * wait for their own consent).
 */
export const FamilyConsentBody = z.object({
  shareWithUserIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  shareWithInviteIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  note: z.string().trim().max(2000).default(''),
});
export type FamilyConsentInput = z.input<typeof FamilyConsentBody>;

/** `POST /api/plans/:id/consent-requests`: a koordinator asks the family to consent for a waiting participant. */
export const ConsentRequestBody = z
  .object({ subjectUserId: z.string().min(1).max(64).optional(), inviteId: z.string().min(1).max(64).optional() })
  .refine((body) => Boolean(body.subjectUserId) !== Boolean(body.inviteId), 'one member or one invitation');
export type ConsentRequestInput = z.input<typeof ConsentRequestBody>;

/** `POST /api/plans/:id/consents/:consentId/withdraw`. */
export const WithdrawConsentBody = z.object({ note: z.string().trim().max(2000).optional() }).default({});
