import { z } from 'zod';

/** What a consent record is about: the plan itself, or sharing it with one person outside the family. */
export const CONSENT_KINDS = ['plan', 'sharing'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** Whether the family's consent covers a member: people outside the family need it to see the plan. */
export type ConsentStatus = 'ikke-nodvendig' | 'gitt' | 'mangler' | 'trukket-for-planen';

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

/** `POST /api/plans/:id/consents/:consentId/withdraw`. */
export const WithdrawConsentBody = z.object({ note: z.string().trim().max(2000).optional() }).default({});
