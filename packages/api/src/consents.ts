/** Whether the family's consent covers a member: people outside the family need it to see the plan. */
export type ConsentStatus = 'ikke-nodvendig' | 'gitt' | 'mangler' | 'trukket-for-planen';

export interface NamedUser {
  userId: string;
  name: string;
}

/** A consent record (`GET /api/plans/:id/consents`). */
export interface ConsentInfo {
  id: string;
  kind: 'plan' | 'sharing';
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

/** `POST /api/plans/:id/consents`. */
export interface NewConsent {
  kind: 'plan' | 'sharing';
  subjectUserId?: string;
  inviteId?: string;
  givenBy: string;
  givenAt?: string;
  note?: string;
}
