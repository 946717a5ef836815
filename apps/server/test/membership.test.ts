import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type { InviteInfo, InvitePreview } from '@samplan/api';
import { CloseCode } from '@samplan/protocol';
import { hashToken } from '../src/auth/ids.ts';
import { openRawSocket } from './support/rawSocket.ts';
import {
  acceptAsNewUser,
  addMember,
  consentFor,
  firstClose,
  invite,
  mailedInvitationToken,
  readLog,
} from './support/family.ts';
import {
  api,
  cookieOf,
  collabToken,
  connectProvider,
  createPlan,
  CSRF_HEADERS,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
  sessionIdOf,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

type ErrorBody = { error: { code: string } };

async function familyPlan(server: TestServer, name = 'Kari Nilsen'): Promise<{ parent: TestUser; planId: string }> {
  const parent = await registerUser(server.url, name);
  const res = await api<{ plan: { id: string } }>(server.url, parent, 'POST', '/api/plans', {
    title: 'Individuell plan for Emma',
    childName: 'Emma Nilsen',
    creatorRole: 'foresatt',
  });
  return { parent, planId: res.body.plan.id };
}

describe('invitations', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('a koordinator invites a parent, who previews, creates an account by accepting, and is a member', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    const created = await api<{
      token: string | null;
      link: string | null;
      invite: { id: string; status: string; role: string };
    }>(server.url, koordinator, 'POST', `/api/plans/${planId}/invites`, {
      email: 'Kari.Nilsen@Eksempel.no',
      role: 'foresatt',
    });
    expect(created.status).toBe(201);
    expect(created.body.invite).toMatchObject({ status: 'venter', role: 'foresatt' });
    // Into the family from outside it: the link goes to the invited address only, not to the koordinator.
    expect(created.body).toMatchObject({ token: null, link: null });
    const token = mailedInvitationToken(server.url, 'kari.nilsen@eksempel.no');
    // Only the hash of the token is stored.
    expect(await server.app.samplan.invites.findByTokenHash(hashToken(token))).toBeDefined();
    expect(JSON.stringify(await server.app.samplan.invites.listForPlan(planId))).not.toContain(token);
    // Anyone else the koordinator invites gets a link the koordinator may pass on themselves.
    const teacher = await api<{ token: string; link: string }>(
      server.url,
      koordinator,
      'POST',
      `/api/plans/${planId}/invites`,
      {
        email: 'lise@skole.example',
        role: 'deltaker',
      },
    );
    expect(teacher.body.link).toBe(`/invitasjon#${teacher.body.token}`);

    const preview = await api<{ invite: Record<string, unknown> }>(server.url, null, 'POST', '/api/invites/preview', {
      token,
    });
    expect(preview.body.invite).toMatchObject({
      planTitle: 'Individuell plan',
      role: 'foresatt',
      email: 'kari.nilsen@eksempel.no',
      invitedBy: 'Sofie Andersen',
      accountExists: false,
    });

    const parent = await acceptAsNewUser(server.url, token, 'Kari Nilsen');
    expect(parent.status).toBe(200);
    expect(parent.email).toBe('kari.nilsen@eksempel.no');
    // The mailed link reached her address: the account has shown the address is hers.
    expect(await server.app.samplan.accounts.emailConfirmed(parent.id)).toBe(true);
    const plan = await api<{ plan: { role: string; family: boolean; permissions: string[] } }>(
      server.url,
      parent,
      'GET',
      `/api/plans/${planId}`,
    );
    expect(plan.body.plan).toMatchObject({ role: 'foresatt', family: true });
    expect(plan.body.plan.permissions).toContain('consent');

    const listed = await api<{ members: Array<{ name: string; role: string; consent: string }> }>(
      server.url,
      parent,
      'GET',
      `/api/plans/${planId}/members`,
    );
    expect(listed.body.members).toEqual([
      // She made the plan; the family has not answered yet (the consent step).
      expect.objectContaining({ name: 'Sofie Andersen', role: 'koordinator', consent: 'venter-pa-familien' }),
      expect.objectContaining({ name: 'Kari Nilsen', role: 'foresatt', consent: 'ikke-nodvendig' }),
    ]);
    const invites = await api<{ invites: Array<{ status: string; role: string }> }>(
      server.url,
      koordinator,
      'GET',
      `/api/plans/${planId}/invites`,
    );
    expect(invites.body.invites.find((i) => i.role === 'foresatt')?.status).toBe('akseptert');

    // The parent can then edit the plan over the websocket.
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, parent, planId));
    await waitFor(() => provider.synced);
    provider.doc.getMap('meta').set('evaluationInterval', 'skrevet av mor');
    await waitFor(async () => {
      const doc = await server.app.samplan.documentLog.currentDoc(planId);
      expect(doc.getMap('meta').get('evaluationInterval')).toBe('skrevet av mor');
    });
    provider.destroy();
  });

  it('an invitation into the family is mailed only, whoever makes it: no koordinator gets one by a foresatt of their own', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    // A foresatt the koordinator makes of an address of their own (its mail reaches them) ...
    const puppetAddress = 'sofie.privat@eksempel.no';
    const puppetInvite = await api<{ token: string | null }>(
      server.url,
      koordinator,
      'POST',
      `/api/plans/${planId}/invites`,
      {
        email: puppetAddress,
        role: 'foresatt',
      },
    );
    expect(puppetInvite.body.token).toBeNull();
    const puppet = await acceptAsNewUser(server.url, mailedInvitationToken(server.url, puppetAddress), 'Kari Nilsen');
    const throughPuppet = await api<{ token: string | null; link: string | null }>(
      server.url,
      puppet,
      'POST',
      `/api/plans/${planId}/invites`,
      { email: 'far@eksempel.no', role: 'foresatt' },
    );
    // ... gets no link for the mother's address either: it goes to her only.
    expect(throughPuppet.status).toBe(201);
    expect(throughPuppet.body).toMatchObject({ token: null, link: null });
  });

  it("the koordinator invites both parents before the family has joined: the second one's link opens the plan once the first has confirmed it", async () => {
    const koordinator = await registerUser(server.url, 'Kim Koordinator');
    const made = await api<{ plan: { id: string } }>(server.url, koordinator, 'POST', '/api/plans', {
      title: 'Plan for Jonas',
      childName: 'Jonas Berg',
      creatorRole: 'koordinator',
    });
    const planId = made.body.plan.id;
    const mother = await invite(server.url, koordinator, planId, 'foresatt');
    const father = await invite(server.url, koordinator, planId, 'foresatt');
    const nina = await acceptAsNewUser(server.url, mother.token, 'Nina Berg');
    expect(nina.status).toBe(200);
    const waiting = async (who: TestUser) =>
      (await api<{ invites: InviteInfo[] }>(server.url, who, 'GET', `/api/plans/${planId}/invites`)).body.invites.find(
        (i) => i.id === father.inviteId,
      );
    // The family is in: the father's invitation, made by the koordinator, waits for the family, as both see.
    expect(await waiting(koordinator)).toMatchObject({ status: 'venter', waitsForFamily: true });
    expect(await waiting(nina)).toMatchObject({ status: 'venter', waitsForFamily: true });
    expect((await waiting(nina))?.invitedBy.userId).toBe(koordinator.id);
    const early = await fetch(`${server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ token: father.token, name: 'Per Berg', password: 'et-langt-passord' }),
    });
    expect([early.status, ((await early.json()) as ErrorBody).error.code]).toEqual([403, 'INVITE_NEEDS_FAMILY']);
    // A refused invitation makes no account, and logs in nobody; its page could have said so first.
    expect(cookieOf(early)).toBe('');
    const preview = () =>
      api<{ invite: InvitePreview }>(server.url, null, 'POST', '/api/invites/preview', { token: father.token });
    expect((await preview()).body.invite.blockedBecause).toBe('INVITE_NEEDS_FAMILY');
    // Only the family confirms it.
    const confirm = (who: TestUser, inviteId = father.inviteId) =>
      api<{ invite: InviteInfo } & ErrorBody>(
        server.url,
        who,
        'POST',
        `/api/plans/${planId}/invites/${inviteId}/confirm`,
      );
    expect(await confirm(koordinator)).toMatchObject({ status: 403, body: { error: { code: 'FAMILY_ONLY' } } });
    // Nor a foresatt of another family's plan (it is not their plan), nor the child.
    const otherFamily = (await familyPlan(server, 'Annen Forelder')).parent;
    expect(await confirm(otherFamily)).toMatchObject({ status: 404 });
    const child = await addMember(server.url, nina, planId, 'barn', { name: 'Jonas Berg' });
    expect(await confirm(child)).toMatchObject({ status: 403 });
    expect(await waiting(nina)).toMatchObject({ waitsForFamily: true });
    const confirmed = await confirm(nina);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.invite).toMatchObject({
      status: 'venter',
      waitsForFamily: false,
      invitedBy: { userId: nina.id, name: 'Nina Berg' },
    });
    expect(await waiting(koordinator)).toMatchObject({ waitsForFamily: false });
    expect((await preview()).body.invite.blockedBecause).toBeNull();
    // The family's now: the koordinator who made it does not take it back.
    const withdraw = await api<ErrorBody>(
      server.url,
      koordinator,
      'DELETE',
      `/api/plans/${planId}/invites/${father.inviteId}`,
    );
    expect(withdraw).toMatchObject({ status: 403, body: { error: { code: 'FAMILY_ONLY' } } });
    // The link already mailed to the father's address works now.
    const per = await acceptAsNewUser(server.url, father.token, 'Per Berg');
    expect(per.status).toBe(200);
    const members = await api<{ members: Array<{ userId: string; role: string }> }>(
      server.url,
      per,
      'GET',
      `/api/plans/${planId}/members`,
    );
    expect(members.body.members.find((m) => m.userId === per.id)?.role).toBe('foresatt');
    // Used now: confirming again is refused; the innsynslogg says who confirmed what.
    expect(await confirm(nina)).toMatchObject({ status: 410, body: { error: { code: 'INVITE_USED' } } });
    const log = await readLog(server.url, nina, planId);
    expect(log.find((e) => e.action === 'invite.confirmed')).toMatchObject({
      actor: { userId: nina.id },
      details: { inviteId: father.inviteId, email: father.email, role: 'foresatt', madeBy: koordinator.id },
    });
    expect(log.find((e) => e.action === 'access.refused')).toMatchObject({
      actor: { userId: koordinator.id },
      details: { action: 'confirmInvite' },
    });
    // An invitation that waits for nobody is left as it is.
    const teacher = await invite(server.url, koordinator, planId, 'deltaker');
    expect(await confirm(nina, teacher.inviteId)).toMatchObject({
      status: 200,
      body: { invite: { waitsForFamily: false, invitedBy: { userId: koordinator.id } } },
    });
  });

  it('an invitation is for its address: another logged-in account is refused, and the link still works for it', async () => {
    const { parent, planId } = await familyPlan(server);
    const other = await registerUser(server.url, 'Ola Nilsen');
    const sent = await invite(server.url, parent, planId, 'foresatt');
    const res = await api<ErrorBody>(server.url, other, 'POST', '/api/invites/accept', { token: sent.token });
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'INVITE_FOR_OTHER_ADDRESS' } } });
    expect((await api(server.url, other, 'GET', `/api/plans/${planId}`)).status).toBe(404);
    const log = await readLog(server.url, parent, planId);
    expect(log.find((e) => e.action === 'invite.refused')).toMatchObject({
      actor: { userId: other.id, name: 'Ola Nilsen' },
      details: { reason: 'INVITE_FOR_OTHER_ADDRESS' },
    });
    expect((await acceptAsNewUser(server.url, sent.token, 'Ola Nilsen')).status).toBe(200);
  });

  it('an invitation works once; a second accept is refused with 410 INVITE_USED', async () => {
    const { parent, planId } = await familyPlan(server);
    const { token } = await invite(server.url, parent, planId, 'barn');
    expect((await acceptAsNewUser(server.url, token, 'Emma')).status).toBe(200);
    const second = await registerUser(server.url);
    const res = await api<ErrorBody>(server.url, second, 'POST', '/api/invites/accept', { token });
    expect(res).toMatchObject({ status: 410, body: { error: { code: 'INVITE_USED' } } });
    expect((await api(server.url, second, 'GET', `/api/plans/${planId}`)).status).toBe(404);
  });

  it('refuses an expired invitation (410), a tampered token (404) and a withdrawn invitation (410), and logs them', async () => {
    const { parent, planId } = await familyPlan(server);
    const stranger = await registerUser(server.url, 'Per Utenfor');
    // An invitation that expired a minute ago, stored as the server stores any.
    const token = 'utlopt-invitasjon-0123456789abcdef0123456789';
    const past = Date.now() - 60_000;
    await server.app.samplan.invites.create(
      {
        id: 'utlopt-1',
        planId,
        email: 'gammel@eksempel.no',
        role: 'deltaker',
        membershipEndsAt: null,
        invitedBy: parent.id,
        createdAt: past - 3600_000,
        expiresAt: past,
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
        revokedBy: null,
      },
      hashToken(token),
      { log: [] },
    );
    const expired = await api<ErrorBody>(server.url, stranger, 'POST', '/api/invites/accept', { token });
    expect(expired).toMatchObject({ status: 410, body: { error: { code: 'INVITE_EXPIRED' } } });
    expect((await api(server.url, null, 'POST', '/api/invites/preview', { token })).status).toBe(410);
    // Opened by someone logged in, the refusal is logged as theirs (the innsynslogg says who, not «Ikke innlogget»).
    expect((await api(server.url, stranger, 'POST', '/api/invites/preview', { token })).status).toBe(410);

    const fresh = await invite(server.url, parent, planId, 'deltaker');
    const last = fresh.token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${fresh.token.slice(0, -1)}${last}`;
    const tamperedRes = await api<ErrorBody>(server.url, stranger, 'POST', '/api/invites/accept', { token: tampered });
    expect(tamperedRes).toMatchObject({ status: 404, body: { error: { code: 'INVITE_NOT_FOUND' } } });

    expect((await api(server.url, parent, 'DELETE', `/api/plans/${planId}/invites/${fresh.inviteId}`)).status).toBe(
      204,
    );
    const withdrawn = await api<ErrorBody>(server.url, stranger, 'POST', '/api/invites/accept', { token: fresh.token });
    expect(withdrawn).toMatchObject({ status: 410, body: { error: { code: 'INVITE_REVOKED' } } });
    expect((await api(server.url, stranger, 'GET', `/api/plans/${planId}`)).status).toBe(404);

    const log = await readLog(server.url, parent, planId);
    const refused = log.filter((e) => e.action === 'invite.refused');
    expect(refused.map((e) => e.details.reason)).toEqual([
      'INVITE_EXPIRED',
      'INVITE_EXPIRED',
      'INVITE_EXPIRED',
      'INVITE_REVOKED',
    ]);
    expect(refused[0]!.actor).toMatchObject({ userId: stranger.id, name: 'Per Utenfor' });
    expect(refused[1]!.actor).toBeNull();
    expect(refused[2]!.actor).toMatchObject({ userId: stranger.id });
    expect(log.find((e) => e.action === 'invite.revoked')).toMatchObject({ actor: { userId: parent.id } });
  });

  it("gives 404 for another family's plan, invitation, member and consent", async () => {
    const a = await familyPlan(server, 'Familie A');
    const b = await familyPlan(server, 'Familie B');
    const aMember = await addMember(server.url, a.parent, a.planId, 'deltaker', { consentBy: a.parent });
    const aInvite = await invite(server.url, a.parent, a.planId, 'lesetilgang');
    const aConsent = (
      await api<{ consents: Array<{ id: string }> }>(server.url, a.parent, 'GET', `/api/plans/${a.planId}/consents`)
    ).body.consents[0]!.id;
    const other = b.parent;
    // A's plan id, through every endpoint.
    for (const [method, path, body] of [
      ['GET', `/api/plans/${a.planId}`],
      ['POST', `/api/plans/${a.planId}/collab-token`],
      ['GET', `/api/plans/${a.planId}/export.json`],
      ['GET', `/api/plans/${a.planId}/members`],
      ['DELETE', `/api/plans/${a.planId}/members/${aMember.id}`],
      ['GET', `/api/plans/${a.planId}/invites`],
      ['POST', `/api/plans/${a.planId}/invites`, { email: 'x@eksempel.no', role: 'deltaker' }],
      ['DELETE', `/api/plans/${a.planId}/invites/${aInvite.inviteId}`],
      ['GET', `/api/plans/${a.planId}/consents`],
      ['POST', `/api/plans/${a.planId}/consents`, { kind: 'plan', givenBy: 'x' }],
      ['POST', `/api/plans/${a.planId}/consents/${aConsent}/withdraw`, {}],
      ['GET', `/api/plans/${a.planId}/access-log`],
      ['GET', `/api/plans/${a.planId}/access-log/verify`],
    ] as const) {
      const res = await api<ErrorBody>(server.url, other, method, path, body);
      expect(res, `${method} ${path}`).toMatchObject({ status: 404, body: { error: { code: 'PLAN_NOT_FOUND' } } });
    }
    // A's invitation, member and consent ids through B's own plan.
    for (const [method, path, body, code] of [
      ['DELETE', `/api/plans/${b.planId}/invites/${aInvite.inviteId}`, undefined, 'INVITE_NOT_FOUND'],
      ['DELETE', `/api/plans/${b.planId}/members/${aMember.id}`, undefined, 'MEMBER_NOT_FOUND'],
      ['POST', `/api/plans/${b.planId}/consents/${aConsent}/withdraw`, {}, 'CONSENT_NOT_FOUND'],
      [
        'POST',
        `/api/plans/${b.planId}/consents`,
        { kind: 'sharing', subjectUserId: aMember.id, givenBy: 'x' },
        'MEMBER_NOT_FOUND',
      ],
      [
        'POST',
        `/api/plans/${b.planId}/consents`,
        { kind: 'sharing', inviteId: aInvite.inviteId, givenBy: 'x' },
        'INVITE_NOT_FOUND',
      ],
    ] as const) {
      const res = await api<ErrorBody>(server.url, other, method, path, body);
      expect(res, `${method} ${path}`).toMatchObject({ status: 404, body: { error: { code } } });
    }
    // A collab token B got for B's own plan does not open A's plan.
    const raw = openRawSocket(`${server.wsUrl}/${a.planId}?token=${await collabToken(server.url, other, b.planId)}`);
    expect((await raw.closed).code).toBe(CloseCode.unauthenticated);
    // Nothing of that reached A's plan.
    expect((await api(server.url, aMember, 'GET', `/api/plans/${a.planId}`)).status).toBe(200);
    expect((await api(server.url, a.parent, 'GET', `/api/plans/${a.planId}/invites`)).status).toBe(200);
  });
});

describe('how many invitations one account makes', () => {
  it('stops at INVITES_PER_HOUR in all its plans together, each invitation being a mail', async () => {
    const server = await startTestServer({ INVITES_PER_HOUR: '4' });
    try {
      const { parent, planId } = await familyPlan(server);
      // The koordinator's invitation is the mother's first of the hour.
      const other = await addMember(server.url, parent, planId, 'koordinator', { consentBy: parent });
      const second = await createPlan(server.url, parent);
      const statuses: number[] = [];
      for (const plan of [planId, second, planId, second]) {
        const res = await api<ErrorBody>(server.url, parent, 'POST', `/api/plans/${plan}/invites`, {
          email: `venn${statuses.length}@eksempel.no`,
          role: 'lesetilgang',
        });
        statuses.push(res.status);
        if (res.status === 429) expect(res.body.error.code).toBe('INVITE_LIMIT');
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
      // Someone else in the same plan is not held back.
      const invited = await api(server.url, other, 'POST', `/api/plans/${planId}/invites`, {
        email: 'x@eksempel.no',
        role: 'deltaker',
      });
      expect(invited.status).toBe(201);
    } finally {
      await server.close();
    }
  });
});

describe('ending a membership closes its sockets at once', () => {
  let server: TestServer;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });
  afterAll(() => server.close());

  async function open(user: TestUser, planId: string): Promise<WebsocketProvider> {
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    providers.push(provider);
    await waitFor(() => provider.synced);
    return provider;
  }

  it("closes a revoked member's open socket within a second, and the member is out", async () => {
    const { parent, planId } = await familyPlan(server);
    const deltaker = await addMember(server.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const provider = await open(deltaker, planId);
    const closed = firstClose(provider);
    const before = Date.now();
    expect((await api(server.url, parent, 'DELETE', `/api/plans/${planId}/members/${deltaker.id}`)).status).toBe(204);
    const close = await closed;
    expect(close.code).toBe(CloseCode.forbidden);
    expect(close.reason).toBe('MEMBERSHIP_ENDED');
    expect(close.at - before).toBeLessThan(1000);
    expect((await api(server.url, deltaker, 'GET', `/api/plans/${planId}`)).status).toBe(404);
    const raw = openRawSocket(
      `${server.wsUrl}/${planId}?token=${server.app.samplan.tokens.issue(deltaker.id, planId, sessionIdOf(deltaker)).token}`,
    );
    expect((await raw.closed).code).toBe(CloseCode.planNotFound);
    const log = await readLog(server.url, parent, planId);
    const revoked = log.find((e) => e.action === 'member.revoked')!;
    expect(revoked).toMatchObject({
      actor: { userId: parent.id, name: 'Kari Nilsen' },
      details: { userId: deltaker.id },
    });
    expect(Date.parse(revoked.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(revoked.at)).toBeLessThanOrEqual(close.at);
  });

  it('closes the socket of a membership whose end date passes, within a second of it', async () => {
    const { parent, planId } = await familyPlan(server);
    const endsAt = Date.now() + 1500;
    const { token } = await invite(server.url, parent, planId, 'deltaker', {
      membershipEndsAt: new Date(endsAt).toISOString(),
      consent: { givenBy: 'Kari Nilsen (mor)', note: 'For skoleåret' },
    });
    const vikar = await acceptAsNewUser(server.url, token, 'Vikar Viggo');
    expect(
      (await api<{ members: unknown[] }>(server.url, parent, 'GET', `/api/plans/${planId}/members`)).body.members,
    ).toContainEqual(
      expect.objectContaining({ userId: vikar.id, endsAt: new Date(endsAt).toISOString(), consent: 'gitt' }),
    );
    const provider = await open(vikar, planId);
    const close = await firstClose(provider);
    expect(close.code).toBe(CloseCode.forbidden);
    expect(close.at).toBeGreaterThanOrEqual(endsAt);
    expect(close.at - endsAt).toBeLessThan(1000);
    expect((await api(server.url, vikar, 'GET', `/api/plans/${planId}`)).status).toBe(404);
    const log = await readLog(server.url, parent, planId);
    const expired = log.find((e) => e.action === 'member.expired')!;
    expect(expired).toMatchObject({ actor: null, details: { userId: vikar.id, role: 'deltaker' } });
    expect(Date.parse(expired.at) - endsAt).toBeLessThan(1000);
  });

  it('an end date set later on an existing membership closes its socket when it passes; null removes it', async () => {
    const { parent, planId } = await familyPlan(server);
    const deltaker = await addMember(server.url, parent, planId, 'deltaker', { consentBy: parent });
    const path = `/api/plans/${planId}/members/${deltaker.id}`;
    const far = new Date(Date.now() + 86_400_000).toISOString();
    expect((await api(server.url, parent, 'PATCH', path, { endsAt: far })).body).toEqual({
      member: { userId: deltaker.id, role: 'deltaker', endsAt: far },
    });
    expect((await api(server.url, parent, 'PATCH', path, { endsAt: null })).status).toBe(200);
    const past = await api<ErrorBody>(server.url, parent, 'PATCH', path, {
      endsAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(past.body.error.code).toBe('VALIDATION_FAILED');

    const provider = await open(deltaker, planId);
    const endsAt = Date.now() + 800;
    expect((await api(server.url, parent, 'PATCH', path, { endsAt: new Date(endsAt).toISOString() })).status).toBe(200);
    const close = await firstClose(provider);
    expect(close.code).toBe(CloseCode.forbidden);
    expect(close.at - endsAt).toBeLessThan(1000);
    const log = await readLog(server.url, parent, planId);
    expect(log.filter((e) => e.action === 'member.updated').map((e) => e.actor?.userId)).toEqual([
      parent.id,
      parent.id,
      parent.id,
    ]);
    expect(log.find((e) => e.action === 'member.expired')).toMatchObject({ details: { userId: deltaker.id } });
  });

  it('an end date that passes while it is being set is answered with what was stored, not a 500', async () => {
    const { parent, planId } = await familyPlan(server);
    const member = await addMember(server.url, parent, planId, 'lesetilgang', { consentBy: parent });
    // The end is ahead when checked and has passed by the time the answer is made: the store holds the answer back
    // until it has (on any machine, however quick or busy).
    const endsAt = Date.now() + 3000;
    const plans = server.app.samplan.plans;
    const put = plans.putMembership.bind(plans);
    plans.putMembership = async (...args) => {
      await put(...args);
      await waitFor(() => Date.now() > endsAt);
    };
    try {
      const res = await api(server.url, parent, 'PATCH', `/api/plans/${planId}/members/${member.id}`, {
        endsAt: new Date(endsAt).toISOString(),
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ member: { userId: member.id, role: 'lesetilgang' } });
    } finally {
      plans.putMembership = put;
    }
    expect(Date.now()).toBeGreaterThan(endsAt);
  });

  it('a removed member cannot come back by an invitation they made, for themselves or for anyone', async () => {
    const { parent, planId } = await familyPlan(server);
    const koordinator = await addMember(server.url, parent, planId, 'koordinator', {
      name: 'Kim Koordinator',
      consentBy: parent,
    });
    // Before being removed, the koordinator invites their own address, and a friend.
    const own = await api<{ token: string }>(server.url, koordinator, 'POST', `/api/plans/${planId}/invites`, {
      email: koordinator.email,
      role: 'koordinator',
    });
    const friend = await invite(server.url, koordinator, planId, 'deltaker');
    expect((await api(server.url, parent, 'DELETE', `/api/plans/${planId}/members/${koordinator.id}`)).status).toBe(
      204,
    );

    const back = await api<ErrorBody>(server.url, koordinator, 'POST', '/api/invites/accept', {
      token: own.body.token,
    });
    expect(back.status).toBe(410);
    expect((await api(server.url, koordinator, 'GET', `/api/plans/${planId}`)).status).toBe(404);
    const stranger = await acceptAsNewUser(server.url, friend.token, 'Venn av Kim');
    expect(stranger.status).not.toBe(200);
    // The family's list shows both as withdrawn, and the innsynslogg says so.
    const invites = await api<{ invites: Array<{ email: string; status: string }> }>(
      server.url,
      parent,
      'GET',
      `/api/plans/${planId}/invites`,
    );
    const statusesOf = (email: string) =>
      invites.body.invites
        .filter((i) => i.email === email)
        .map((i) => i.status)
        .sort();
    // The koordinator's own: the family's, accepted, and the one they made for themselves, withdrawn.
    expect(statusesOf(koordinator.email)).toEqual(['akseptert', 'trukket']);
    expect(statusesOf(friend.email)).toEqual(['trukket']);
    const log = await readLog(server.url, parent, planId);
    expect(log.filter((e) => e.action === 'invite.revoked')).toHaveLength(2);
  });

  it('an invitation whose inviter has left since cannot be accepted (INVITE_INVITER_GONE)', async () => {
    const { parent, planId } = await familyPlan(server);
    const koordinator = await addMember(server.url, parent, planId, 'koordinator', { consentBy: parent });
    const friend = await invite(server.url, koordinator, planId, 'deltaker');
    // Ended by its end date (not removed): the invitation stays open, but nobody vouches for it any more.
    const { plans } = server.app.samplan;
    const membership = (await plans.findMembership(planId, koordinator.id, Date.now()))!;
    await plans.putMembership({ ...membership, endsAt: Date.now() - 1 }, []);
    const accepted = await fetch(`${server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ token: friend.token, name: 'Venn av Kim', password: 'et-langt-passord' }),
    });
    expect(accepted.status).toBe(403);
    expect(((await accepted.json()) as ErrorBody).error.code).toBe('INVITE_INVITER_GONE');
  });

  it("an end date is the family's limit: a koordinator brings it closer, never later; only the family lifts it", async () => {
    const { parent, planId } = await familyPlan(server);
    const koordinator = await addMember(server.url, parent, planId, 'koordinator', { consentBy: parent });
    const deltaker = await addMember(server.url, parent, planId, 'deltaker', { consentBy: parent });
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const patch = (who: TestUser, userId: string, endsAt: string | null) =>
      api<ErrorBody>(server.url, who, 'PATCH', `/api/plans/${planId}/members/${userId}`, { endsAt });
    // The family gives the koordinator a week.
    expect((await patch(parent, koordinator.id, inDays(7))).status).toBe(200);
    for (const later of [null, inDays(30)]) {
      expect(await patch(koordinator, koordinator.id, later)).toMatchObject({
        status: 403,
        body: { error: { code: 'FAMILY_ONLY' } },
      });
    }
    expect((await patch(koordinator, koordinator.id, inDays(3))).status).toBe(200);
    // The koordinator limits a deltaker, and may bring that closer too, but not lift it.
    expect((await patch(koordinator, deltaker.id, inDays(10))).status).toBe(200);
    expect((await patch(koordinator, deltaker.id, inDays(5))).status).toBe(200);
    expect((await patch(koordinator, deltaker.id, null)).status).toBe(403);
    // The family may.
    expect((await patch(parent, koordinator.id, null)).status).toBe(200);
    expect((await patch(parent, deltaker.id, null)).status).toBe(200);
    const log = await readLog(server.url, parent, planId);
    expect(log.filter((e) => e.action === 'access.refused' && e.actor?.userId === koordinator.id)).toHaveLength(3);
  });

  it('the last foresatt or koordinator without an end date cannot be given one', async () => {
    const { parent, planId } = await familyPlan(server);
    const koordinator = await addMember(server.url, parent, planId, 'koordinator', { consentBy: parent });
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const patch = (userId: string) =>
      api<ErrorBody>(server.url, parent, 'PATCH', `/api/plans/${planId}/members/${userId}`, { endsAt: inAWeek });
    expect((await patch(koordinator.id)).status).toBe(200);
    // The mother would be the last manager with no end date: after both dates the plan would have nobody.
    expect(await patch(parent.id)).toMatchObject({ status: 409, body: { error: { code: 'LAST_MANAGER' } } });
    const members = await api<{ members: Array<{ userId: string; endsAt: string | null }> }>(
      server.url,
      parent,
      'GET',
      `/api/plans/${planId}/members`,
    );
    expect(members.body.members.find((m) => m.userId === parent.id)?.endsAt).toBeNull();
    // Nor may she leave: the koordinator left behind has an end date.
    const leaving = await api<ErrorBody>(server.url, parent, 'DELETE', `/api/plans/${planId}/members/${parent.id}`);
    expect(leaving).toMatchObject({ status: 409, body: { error: { code: 'LAST_MANAGER' } } });
  });

  it('only the family may remove a foresatt; the last foresatt or koordinator stays', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    const mor = await addMember(server.url, koordinator, planId, 'foresatt', { name: 'Kari' });
    // Once the family is in, only the family adds to it.
    const byKoordinator = await api<ErrorBody>(server.url, koordinator, 'POST', `/api/plans/${planId}/invites`, {
      email: 'far@eksempel.no',
      role: 'foresatt',
    });
    expect(byKoordinator).toMatchObject({ status: 403, body: { error: { code: 'ROLE_NOT_GRANTABLE' } } });
    const far = await addMember(server.url, mor, planId, 'foresatt', { name: 'Ola' });
    const refused = await api<ErrorBody>(server.url, koordinator, 'DELETE', `/api/plans/${planId}/members/${far.id}`);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect((await api(server.url, mor, 'DELETE', `/api/plans/${planId}/members/${far.id}`)).status).toBe(204);
    expect((await api(server.url, mor, 'DELETE', `/api/plans/${planId}/members/${koordinator.id}`)).status).toBe(204);
    const last = await api<ErrorBody>(server.url, mor, 'DELETE', `/api/plans/${planId}/members/${mor.id}`);
    expect(last).toMatchObject({ status: 409, body: { error: { code: 'LAST_MANAGER' } } });
  });
});

describe('consent (samtykke) decides who outside the family can open the plan', () => {
  let server: TestServer;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });
  afterAll(() => server.close());

  it('a deltaker waits for consent, gets in when it is recorded, and is shut out when it is withdrawn', async () => {
    const { parent, planId } = await familyPlan(server);
    const helsesykepleier = await addMember(server.url, parent, planId, 'deltaker', { name: 'Helse Hanne' });

    const waiting = await api<ErrorBody>(server.url, helsesykepleier, 'GET', `/api/plans/${planId}`);
    expect(waiting).toMatchObject({ status: 403, body: { error: { code: 'CONSENT_REQUIRED' } } });
    expect((await api(server.url, helsesykepleier, 'POST', `/api/plans/${planId}/collab-token`)).status).toBe(403);
    const list = await api<{ plans: Array<Record<string, unknown>> }>(server.url, helsesykepleier, 'GET', '/api/plans');
    expect(list.body.plans).toEqual([
      expect.objectContaining({ id: planId, access: 'venter-samtykke', childName: null, progress: null }),
    ]);
    const raw = openRawSocket(
      `${server.wsUrl}/${planId}?token=${server.app.samplan.tokens.issue(helsesykepleier.id, planId, sessionIdOf(helsesykepleier)).token}`,
    );
    expect(await raw.closed).toEqual({ code: CloseCode.forbidden, reason: 'CONSENT_REQUIRED' });

    const givenAt = '2026-09-01T10:00:00.000Z';
    const recorded = await api<{ consent: Record<string, unknown> & { id: string } }>(
      server.url,
      parent,
      'POST',
      `/api/plans/${planId}/consents`,
      {
        kind: 'sharing',
        subjectUserId: helsesykepleier.id,
        givenBy: 'Kari Nilsen (mor)',
        givenAt,
        note: 'Helsestasjonen',
      },
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body.consent).toMatchObject({
      kind: 'sharing',
      subject: { userId: helsesykepleier.id, name: 'Helse Hanne' },
      givenBy: 'Kari Nilsen (mor)',
      givenAt,
      note: 'Helsestasjonen',
      recordedBy: { userId: parent.id, name: 'Kari Nilsen' },
      active: true,
      withdrawnAt: null,
    });
    expect((await api(server.url, helsesykepleier, 'GET', `/api/plans/${planId}`)).status).toBe(200);
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, helsesykepleier, planId));
    providers.push(provider);
    await waitFor(() => provider.synced);

    const closed = firstClose(provider);
    const before = Date.now();
    const withdrawn = await api<{ consent: Record<string, unknown> }>(
      server.url,
      parent,
      'POST',
      `/api/plans/${planId}/consents/${recorded.body.consent.id}/withdraw`,
      { note: 'Ikke lenger aktuelt' },
    );
    expect(withdrawn.body.consent).toMatchObject({
      active: false,
      withdrawnBy: { userId: parent.id },
      withdrawalNote: 'Ikke lenger aktuelt',
    });
    const close = await closed;
    expect(close).toMatchObject({ code: CloseCode.forbidden, reason: 'CONSENT_WITHDRAWN' });
    expect(close.at - before).toBeLessThan(1000);
    expect((await api(server.url, helsesykepleier, 'GET', `/api/plans/${planId}`)).status).toBe(403);
    const again = await api<ErrorBody>(
      server.url,
      parent,
      'POST',
      `/api/plans/${planId}/consents/${recorded.body.consent.id}/withdraw`,
      {},
    );
    expect(again.body.error.code).toBe('CONSENT_ALREADY_WITHDRAWN');

    const log = await readLog(server.url, parent, planId);
    const actions = log.filter((e) => e.action.startsWith('consent.') || e.action === 'access.refused');
    expect(actions.map((e) => [e.action, e.actor?.userId])).toEqual([
      ['consent.recorded', parent.id],
      ['access.refused', helsesykepleier.id],
      ['access.refused', helsesykepleier.id],
      ['access.refused', helsesykepleier.id],
      ['consent.recorded', parent.id],
      ['consent.withdrawn', parent.id],
      ['access.refused', helsesykepleier.id],
    ]);
    expect(log.filter((e) => e.action === 'access.refused').map((e) => e.details.action)).toEqual([
      'read',
      'read',
      'read',
      'read',
    ]);
    expect(log.find((e) => e.action === 'consent.withdrawn')!.details.accessEndedFor).toEqual([helsesykepleier.id]);
  });

  it('consent ends with the membership it was given for: a member removed or run out needs it again to come back', async () => {
    const { parent, planId } = await familyPlan(server);
    const koordinator = await addMember(server.url, parent, planId, 'koordinator', { consentBy: parent });
    const reinvite = async (member: TestUser) => {
      const again = await api<{ token: string }>(server.url, koordinator, 'POST', `/api/plans/${planId}/invites`, {
        email: member.email,
        role: 'deltaker',
      });
      expect(again.status).toBe(201);
      expect((await api(server.url, member, 'POST', '/api/invites/accept', { token: again.body.token })).status).toBe(
        200,
      );
    };
    const plan = (member: TestUser) => api<ErrorBody>(server.url, member, 'GET', `/api/plans/${planId}`);

    // Removed by the family; the koordinator invites them again.
    const removed = await addMember(server.url, koordinator, planId, 'deltaker', { consentBy: parent });
    expect((await plan(removed)).status).toBe(200);
    expect((await api(server.url, parent, 'DELETE', `/api/plans/${planId}/members/${removed.id}`)).status).toBe(204);
    await reinvite(removed);
    expect(await plan(removed)).toMatchObject({ status: 403, body: { error: { code: 'CONSENT_REQUIRED' } } });

    // Given an end by the family, which the koordinator may not lift; the end passes and they are invited again
    // before the sweep has come round (it is late: an instance busy or restarting), which accepting does first.
    const limited = await addMember(server.url, koordinator, planId, 'deltaker', { consentBy: parent });
    await server.app.samplan.memberships.stop();
    const soon = new Date(Date.now() + 1500).toISOString();
    expect(
      (await api(server.url, parent, 'PATCH', `/api/plans/${planId}/members/${limited.id}`, { endsAt: soon })).status,
    ).toBe(200);
    await waitFor(async () => (await plan(limited)).status === 404, { timeout: 10_000 });
    await reinvite(limited);
    server.app.samplan.memberships.start();
    expect(await plan(limited)).toMatchObject({ status: 403, body: { error: { code: 'CONSENT_REQUIRED' } } });

    // The family reads why, and can consent again.
    const ended = (await readLog(server.url, parent, planId)).filter((e) => e.action === 'consent.withdrawn');
    expect(ended.map((e) => [e.details.subjectUserId, e.details.reason, e.actor?.userId ?? null])).toEqual([
      [removed.id, 'member.revoked', parent.id],
      [limited.id, 'member.expired', null],
    ]);
    await consentFor(server.url, parent, planId, removed.id);
    expect((await plan(removed)).status).toBe(200);
  });

  it("accepting an invitation to one plan does not wait on, or fail with, ending another plan's memberships", async () => {
    const memberships = server.app.samplan.memberships;
    // Plan X: a member whose end passes while the sweep is late, and ending it fails (a storage error on plan X).
    const { parent: parentX, planId: planX } = await familyPlan(server);
    const limited = await addMember(server.url, parentX, planX, 'deltaker', { consentBy: parentX });
    await memberships.stop();
    const soon = new Date(Date.now() + 500).toISOString();
    expect(
      (await api(server.url, parentX, 'PATCH', `/api/plans/${planX}/members/${limited.id}`, { endsAt: soon })).status,
    ).toBe(200);
    await waitFor(() => Date.now() > Date.parse(soon) + 50);
    const consents = server.app.samplan.consents;
    const listForPlan = consents.listForPlan.bind(consents);
    consents.listForPlan = async (id: string) => {
      if (id === planX) throw new Error('plan X: storage error');
      return listForPlan(id);
    };
    try {
      // Plan Y, unrelated: a teacher accepts her invitation.
      const { parent: parentY, planId: planY } = await familyPlan(server, 'Ola Berg');
      const { token } = await invite(server.url, parentY, planY, 'deltaker');
      expect((await acceptAsNewUser(server.url, token, 'Lærer Lise')).status).toBe(200);
    } finally {
      consents.listForPlan = listForPlan;
      memberships.start();
    }
  });

  it('withdrawing consent to the plan itself shuts out everyone outside the family, not the family', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    const mor = await addMember(server.url, koordinator, planId, 'foresatt', { name: 'Kari' });
    const given = await api<{ consents: Array<{ id: string; kind: string }> }>(
      server.url,
      mor,
      'POST',
      `/api/plans/${planId}/family-consent`,
      { shareWithUserIds: [koordinator.id] },
    );
    expect(given.status).toBe(201);
    expect((await api(server.url, koordinator, 'GET', `/api/plans/${planId}`)).status).toBe(200);
    const plan = given.body.consents.find((c) => c.kind === 'plan')!;
    await api(server.url, mor, 'POST', `/api/plans/${planId}/consents/${plan.id}/withdraw`, {});
    expect((await api<ErrorBody>(server.url, koordinator, 'GET', `/api/plans/${planId}`)).body.error.code).toBe(
      'CONSENT_REQUIRED',
    );
    expect((await api(server.url, mor, 'GET', `/api/plans/${planId}`)).status).toBe(200);
  });
});
