import { request } from './request.ts';
import type { ConsentInfo, PlanRole, User } from './types.ts';

// Members, invitations, consent records, the innsynslogg and login providers (apps/server/src/http).

export type ConsentStatus = 'ikke-nodvendig' | 'gitt' | 'mangler' | 'trukket-for-planen';

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

export interface InviteInfo {
  id: string;
  email: string;
  role: PlanRole;
  status: InviteStatus;
  createdAt: string | null;
  expiresAt: string | null;
  membershipEndsAt: string | null;
  invitedBy: { userId: string; name: string };
  acceptedAt: string | null;
}

export interface NewInvite {
  email: string;
  role: PlanRole;
  membershipEndsAt?: string | null;
  consent?: { givenBy: string; note?: string };
}

export interface CreatedInvite {
  invite: InviteInfo;
  token: string;
  link: string;
}

export interface InvitePreview {
  planTitle: string;
  role: PlanRole;
  email: string;
  invitedBy: string;
  expiresAt: string | null;
  membershipEndsAt: string | null;
  accountExists: boolean;
}

export interface NewConsent {
  kind: 'plan' | 'sharing';
  subjectUserId?: string;
  inviteId?: string;
  givenBy: string;
  givenAt?: string;
  note?: string;
}

export interface AccessLogEntry {
  seq: number;
  at: string;
  actor: { userId: string; name: string | null } | null;
  action: string;
  details: Record<string, unknown>;
  hash: string;
}

export interface LogVerification {
  ok: boolean;
  checked: number;
  headHash: string;
  firstBadSeq?: number;
  problem?: string;
}

export interface AccessLogPage {
  entries: AccessLogEntry[];
  nextAfter: number | null;
  verification: LogVerification;
}

export interface AuthProviders {
  registration: boolean;
  oidc: Array<{ id: string; label: string; loginUrl: string }>;
}

const plan = (id: string): string => `/api/plans/${encodeURIComponent(id)}`;

export const accessApi = {
  members: (planId: string) =>
    request<{ members: MemberInfo[] }>('GET', `${plan(planId)}/members`).then((r) => r.members),
  setMemberEnd: (planId: string, userId: string, endsAt: string | null) =>
    request<unknown>('PATCH', `${plan(planId)}/members/${encodeURIComponent(userId)}`, { endsAt }),
  removeMember: (planId: string, userId: string) =>
    request<void>('DELETE', `${plan(planId)}/members/${encodeURIComponent(userId)}`),

  invites: (planId: string) =>
    request<{ invites: InviteInfo[] }>('GET', `${plan(planId)}/invites`).then((r) => r.invites),
  invite: (planId: string, input: NewInvite) => request<CreatedInvite>('POST', `${plan(planId)}/invites`, input),
  withdrawInvite: (planId: string, inviteId: string) =>
    request<void>('DELETE', `${plan(planId)}/invites/${encodeURIComponent(inviteId)}`),

  previewInvite: (token: string) =>
    request<{ invite: InvitePreview }>('POST', '/api/invites/preview', { token }).then((r) => r.invite),
  acceptInvite: (token: string, account?: { name: string; password: string }) =>
    request<{ plan: { id: string; role: PlanRole }; user: User }>('POST', '/api/invites/accept', {
      token,
      ...account,
    }),

  consents: (planId: string) =>
    request<{ consents: ConsentInfo[] }>('GET', `${plan(planId)}/consents`).then((r) => r.consents),
  recordConsent: (planId: string, input: NewConsent) =>
    request<{ consent: ConsentInfo }>('POST', `${plan(planId)}/consents`, input).then((r) => r.consent),
  withdrawConsent: (planId: string, consentId: string, note?: string) =>
    request<{ consent: ConsentInfo }>(
      'POST',
      `${plan(planId)}/consents/${encodeURIComponent(consentId)}/withdraw`,
      note ? { note } : {},
    ).then((r) => r.consent),

  accessLog: (planId: string, after = 0, limit = 1000) =>
    request<AccessLogPage>('GET', `${plan(planId)}/access-log?after=${after}&limit=${limit}`),

  providers: () => request<AuthProviders>('GET', '/api/auth/providers'),
};

/** The whole innsynslogg (page by page, up to `max` entries) and the verification of the whole chain. */
export async function fetchWholeAccessLog(
  planId: string,
  max = 20_000,
): Promise<{ entries: AccessLogEntry[]; verification: LogVerification }> {
  const entries: AccessLogEntry[] = [];
  let after = 0;
  for (;;) {
    const page = await accessApi.accessLog(planId, after);
    entries.push(...page.entries);
    if (page.nextAfter === null || entries.length >= max) return { entries, verification: page.verification };
    after = page.nextAfter;
  }
}
