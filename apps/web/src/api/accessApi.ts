import type {
  AcceptedInvite,
  AcceptInviteInput,
  AccessLogEntry,
  AccessLogPage,
  AuthProviders,
  ConsentInfo,
  ConsentRequestInput,
  CreatedInvite,
  FamilyConsentInput,
  InviteInfo,
  InvitePreview,
  MemberInfo,
  NewConsent,
  NewInvite,
} from '@samplan/api';
import { request } from './request.ts';

// Members, invitations, consent records, the innsynslogg and login providers (apps/server/src/http).

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
  confirmInvite: (planId: string, inviteId: string) =>
    request<{ invite: InviteInfo }>('POST', `${plan(planId)}/invites/${encodeURIComponent(inviteId)}/confirm`).then(
      (r) => r.invite,
    ),

  previewInvite: (token: string) =>
    request<{ invite: InvitePreview }>('POST', '/api/invites/preview', { token }).then((r) => r.invite),
  acceptInvite: (token: string, account?: { name: string; password: string }) =>
    request<AcceptedInvite>('POST', '/api/invites/accept', { token, ...account } satisfies AcceptInviteInput),

  consents: (planId: string) =>
    request<{ consents: ConsentInfo[] }>('GET', `${plan(planId)}/consents`).then((r) => r.consents),
  recordConsent: (planId: string, input: NewConsent) =>
    request<{ consent: ConsentInfo }>('POST', `${plan(planId)}/consents`, input).then((r) => r.consent),
  giveFamilyConsent: (planId: string, input: FamilyConsentInput) =>
    request<{ consents: ConsentInfo[] }>('POST', `${plan(planId)}/family-consent`, input).then((r) => r.consents),
  requestConsent: (planId: string, input: ConsentRequestInput) =>
    request<{ notified: number }>('POST', `${plan(planId)}/consent-requests`, input),
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
export async function fetchWholeAccessLog(planId: string, max = 20_000): Promise<Omit<AccessLogPage, 'nextAfter'>> {
  const entries: AccessLogEntry[] = [];
  let after = 0;
  for (;;) {
    const page = await accessApi.accessLog(planId, after);
    entries.push(...page.entries);
    if (page.nextAfter === null || entries.length >= max)
      return { entries, verification: page.verification, from: page.from };
    after = page.nextAfter;
  }
}
