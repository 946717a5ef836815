import type { AccessLogEntry, PlanRole } from '@samplan/api';
import type { WebsocketProvider } from 'y-websocket';
import { api, cookieOf, CSRF_HEADERS, testServerAt, type TestUser } from './testServer.ts';

let inviteCounter = 0;

/** Creates an invitation as `inviter` and returns its one-time token (and the invitation id). */
export async function invite(
  baseUrl: string,
  inviter: TestUser,
  planId: string,
  role: PlanRole,
  extra: Record<string, unknown> = {},
): Promise<{ token: string; inviteId: string; email: string }> {
  inviteCounter += 1;
  const email = `invitert${inviteCounter}-${Date.now()}@eksempel.no`;
  const res = await api<{ token: string | null; invite: { id: string } }>(
    baseUrl,
    inviter,
    'POST',
    `/api/plans/${planId}/invites`,
    {
      email,
      role,
      ...extra,
    },
  );
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  // An invitation into the family from outside it has its link in the mail only: read as the invited person would.
  return { token: res.body.token ?? mailedInvitationToken(baseUrl, email), inviteId: res.body.invite.id, email };
}

/** The token of the last invitation mailed to `email` by the test server at `baseUrl`. */
export function mailedInvitationToken(baseUrl: string, email: string): string {
  const mail = testServerAt(baseUrl).mails.findLast((m) => m.kind === 'invitation' && m.to === email);
  const link = mail && /\/invitasjon#(\S+)/.exec(mail.body);
  if (!link) throw new Error(`no invitation mailed to ${email}`);
  return decodeURIComponent(link[1]!);
}

/** Accepts an invitation without being logged in, creating the account; returns the new user with its session. */
export async function acceptAsNewUser(
  baseUrl: string,
  token: string,
  name: string,
): Promise<TestUser & { status: number }> {
  const res = await fetch(`${baseUrl}/api/invites/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ token, name, password: 'et-langt-passord' }),
  });
  const body = (await res.json()) as { user?: { id: string; email: string } };
  return { status: res.status, cookie: cookieOf(res), id: body.user?.id ?? '', email: body.user?.email ?? '' };
}

/** Invites a new person with `role` and has them accept; outside the family, a foresatt can consent at once. */
export async function addMember(
  baseUrl: string,
  inviter: TestUser,
  planId: string,
  role: PlanRole,
  options: { name?: string; consentBy?: TestUser } = {},
): Promise<TestUser> {
  const { token } = await invite(baseUrl, inviter, planId, role);
  const user = await acceptAsNewUser(baseUrl, token, options.name ?? `Medlem ${role}`);
  if (user.status !== 200) throw new Error(`accept failed: ${user.status}`);
  if (options.consentBy) await consentFor(baseUrl, options.consentBy, planId, user.id);
  return user;
}

/** Records the family's consent to share with one member; returns the consent id. */
export async function consentFor(baseUrl: string, foresatt: TestUser, planId: string, userId: string): Promise<string> {
  const res = await api<{ consent: { id: string } }>(baseUrl, foresatt, 'POST', `/api/plans/${planId}/consents`, {
    kind: 'sharing',
    subjectUserId: userId,
    givenBy: 'Kari Nilsen (mor)',
    note: 'Deling av hele planen med ansvarsgruppen',
  });
  if (res.status !== 201) throw new Error(`consent failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.consent.id;
}

/** The innsynslogg's own check of its chain, as the family reads it. */
export async function verifyLog(
  baseUrl: string,
  reader: TestUser,
  planId: string,
): Promise<{ ok: boolean; checked: number; headHash: string }> {
  const res = await api<{ verification: { ok: boolean; checked: number; headHash: string } }>(
    baseUrl,
    reader,
    'GET',
    `/api/plans/${planId}/access-log/verify`,
  );
  if (res.status !== 200) throw new Error(`verify failed: ${res.status}`);
  return res.body.verification;
}

export async function readLog(baseUrl: string, reader: TestUser, planId: string): Promise<AccessLogEntry[]> {
  const entries: AccessLogEntry[] = [];
  for (let after = 0; ;) {
    const res = await api<{ entries: AccessLogEntry[]; nextAfter: number | null }>(
      baseUrl,
      reader,
      'GET',
      `/api/plans/${planId}/access-log?after=${after}&limit=1000`,
    );
    if (res.status !== 200) throw new Error(`log failed: ${res.status}`);
    entries.push(...res.body.entries);
    if (res.body.nextAfter === null) return entries;
    after = res.body.nextAfter;
  }
}

/** Resolves with the code and time of the provider's first close (it would reconnect after; destroy it). */
export function firstClose(provider: WebsocketProvider): Promise<{ code: number; reason: string; at: number }> {
  return new Promise((resolve) => {
    provider.on('connection-close', (event: { code: number; reason: string } | null) => {
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? '', at: Date.now() });
    });
  });
}
