import type { ConsentInfo, PlanInfo } from '@samplan/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coveredSince } from '../src/access/consentCoverage.ts';
import type { ConsentRecord } from '../src/storage/ConsentStore.ts';
import { acceptAsNewUser, addMember, invite, readLog } from './support/family.ts';
import {
  api,
  createPlan,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';

type ErrorBody = { error: { code: string } };

describe('consent the family gives (the consent step)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const planInfo = async (user: TestUser, planId: string) =>
    api<{ plan: PlanInfo } & ErrorBody>(server.url, user, 'GET', `/api/plans/${planId}`);

  it('a plan a koordinator makes has no consent until a parent gives it, as their account, for whom they choose', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    // Nothing is recorded "from the family" that the family never gave; the creator can set the plan up.
    const none = await api<{ consents: ConsentInfo[] }>(
      server.url,
      koordinator,
      'GET',
      `/api/plans/${planId}/consents`,
    );
    expect(none.body.consents).toEqual([]);
    expect((await planInfo(koordinator, planId)).body.plan.familyConsent).toBe('venter');

    const laerer = await addMember(server.url, koordinator, planId, 'deltaker', { name: 'Lærer Lise' });
    const helse = await addMember(server.url, koordinator, planId, 'deltaker', { name: 'Helse Hanne' });
    const waitingInvite = await invite(server.url, koordinator, planId, 'lesetilgang');
    expect((await planInfo(laerer, planId)).body.error.code).toBe('CONSENT_REQUIRED');
    const mor = await addMember(server.url, koordinator, planId, 'foresatt', { name: 'Kari Nilsen' });
    expect((await planInfo(mor, planId)).body.plan.familyConsent).toBe('venter');
    expect((await planInfo(koordinator, planId)).status).toBe(200);

    // Only the family gives it.
    for (const someone of [koordinator, laerer]) {
      const refused = await api<ErrorBody>(server.url, someone, 'POST', `/api/plans/${planId}/family-consent`, {
        shareWithUserIds: [laerer.id],
      });
      expect(refused.body.error.code).toBe(someone === koordinator ? 'FORBIDDEN' : 'CONSENT_REQUIRED');
    }

    const given = await api<{ consents: ConsentInfo[] }>(
      server.url,
      mor,
      'POST',
      `/api/plans/${planId}/family-consent`,
      {
        shareWithUserIds: [koordinator.id, laerer.id],
        shareWithInviteIds: [waitingInvite.inviteId],
        note: 'Samtykket i planmøtet',
      },
    );
    expect(given.status).toBe(201);
    const account = { user: { userId: mor.id, name: 'Kari Nilsen' }, login: { method: 'password', level: null } };
    expect(given.body.consents).toEqual([
      expect.objectContaining({ kind: 'plan', subject: null, givenBy: 'Kari Nilsen', givenByAccount: account }),
      expect.objectContaining({ kind: 'sharing', subject: { userId: koordinator.id, name: 'Sofie Andersen' } }),
      expect.objectContaining({ kind: 'sharing', subject: { userId: laerer.id, name: 'Lærer Lise' } }),
      expect.objectContaining({
        kind: 'sharing',
        subject: { inviteId: waitingInvite.inviteId, email: waitingInvite.email },
        givenByAccount: account,
        note: 'Samtykket i planmøtet',
      }),
    ]);

    // Those chosen get in; the one not chosen still waits; the invited person is covered once they accept.
    expect((await planInfo(laerer, planId)).status).toBe(200);
    expect((await planInfo(koordinator, planId)).body.plan.familyConsent).toBe('gitt');
    expect((await planInfo(helse, planId)).body.error.code).toBe('CONSENT_REQUIRED');
    const reader = await acceptAsNewUser(server.url, waitingInvite.token, 'Leser Lars');
    expect((await planInfo(reader, planId)).status).toBe(200);

    const log = await readLog(server.url, mor, planId);
    const recorded = log.filter((e) => e.action === 'consent.recorded');
    expect(recorded).toHaveLength(4);
    expect(recorded.every((e) => e.actor?.userId === mor.id && e.details.via === 'password')).toBe(true);

    // Asked again, nothing is doubled: the plan consent stands, and those already covered are skipped.
    const again = await api<{ consents: ConsentInfo[] }>(
      server.url,
      mor,
      'POST',
      `/api/plans/${planId}/family-consent`,
      {
        shareWithUserIds: [laerer.id, helse.id],
      },
    );
    expect(again.body.consents.map((c) => [c.kind, c.subject])).toEqual([
      ['sharing', { userId: helse.id, name: 'Helse Hanne' }],
    ]);
  });

  it('the creator who is not chosen loses access once the family has answered', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    const mor = await addMember(server.url, koordinator, planId, 'foresatt');
    expect((await api(server.url, mor, 'POST', `/api/plans/${planId}/family-consent`, {})).status).toBe(201);
    expect((await planInfo(koordinator, planId)).body.error.code).toBe('CONSENT_REQUIRED');
    expect((await planInfo(mor, planId)).body.plan.familyConsent).toBe('gitt');
  });

  it('a parent who makes the plan has consented to it, as their account', async () => {
    const far = await registerUser(server.url, 'Ola Nilsen');
    const created = await api<{ plan: { id: string } }>(server.url, far, 'POST', '/api/plans', {
      title: 'Individuell plan',
      childName: 'Emma Nilsen',
      creatorRole: 'foresatt',
    });
    const planId = created.body.plan.id;
    expect((await planInfo(far, planId)).body.plan.familyConsent).toBe('gitt');
    const consents = await api<{ consents: ConsentInfo[] }>(server.url, far, 'GET', `/api/plans/${planId}/consents`);
    expect(consents.body.consents).toEqual([
      expect.objectContaining({
        kind: 'plan',
        givenBy: 'Ola Nilsen',
        givenByAccount: { user: { userId: far.id, name: 'Ola Nilsen' }, login: { method: 'password', level: null } },
      }),
    ]);
  });

  it('refuses to share with someone who is not a member, or an invitation that is withdrawn', async () => {
    const mor = await registerUser(server.url, 'Kari Nilsen');
    const created = await api<{ plan: { id: string } }>(server.url, mor, 'POST', '/api/plans', {
      title: 'Individuell plan',
      childName: 'Emma Nilsen',
      creatorRole: 'foresatt',
    });
    const planId = created.body.plan.id;
    const stranger = await registerUser(server.url, 'Fremmed Frode');
    const notMember = await api<ErrorBody>(server.url, mor, 'POST', `/api/plans/${planId}/family-consent`, {
      shareWithUserIds: [stranger.id],
    });
    expect(notMember.body.error.code).toBe('MEMBER_NOT_FOUND');
    const withdrawn = await invite(server.url, mor, planId, 'deltaker');
    await api(server.url, mor, 'DELETE', `/api/plans/${planId}/invites/${withdrawn.inviteId}`);
    const revoked = await api<ErrorBody>(server.url, mor, 'POST', `/api/plans/${planId}/family-consent`, {
      shareWithInviteIds: [withdrawn.inviteId],
    });
    expect(revoked.body.error.code).toBe('INVITE_REVOKED');
    // An invitation of another plan (hers too) cannot be consented to through this one.
    const other = await api<{ plan: { id: string } }>(server.url, mor, 'POST', '/api/plans', {
      title: 'Annen plan',
      childName: 'Bo Nilsen',
      creatorRole: 'foresatt',
    });
    const elsewhere = await invite(server.url, mor, other.body.plan.id, 'deltaker');
    const crossPlan = await api<ErrorBody>(server.url, mor, 'POST', `/api/plans/${planId}/family-consent`, {
      shareWithInviteIds: [elsewhere.inviteId],
    });
    expect(crossPlan.body.error.code).toBe('INVITE_NOT_FOUND');
    // Nothing of a refused answer was written.
    const consents = await api<{ consents: ConsentInfo[] }>(server.url, mor, 'GET', `/api/plans/${planId}/consents`);
    expect(consents.body.consents).toHaveLength(1);
  });
});

describe('since when the consent has covered a member without a break (coveredSince)', () => {
  const consent = (kind: 'plan' | 'sharing', recordedAt: number, withdrawnAt: number | null = null): ConsentRecord => ({
    id: `${kind}-${recordedAt}`,
    planId: 'p',
    kind,
    subjectUserId: kind === 'sharing' ? 'ola' : null,
    subjectInviteId: null,
    givenBy: 'Kari',
    // When it was given does not open the plan: when it was recorded does.
    givenAt: 0,
    note: '',
    recordedBy: 'kari',
    recordedAt,
    withdrawnAt,
    withdrawnBy: withdrawnAt === null ? null : 'kari',
    withdrawalNote: null,
  });
  const since = (consents: ConsentRecord[], createdBy = 'kari') =>
    coveredSince(consents, 'ola', 'koordinator', { createdBy });

  it('is when the consent that covers them was recorded, or the plan consent given again, whichever is later', () => {
    expect(coveredSince([], 'ola', 'foresatt', { createdBy: 'kari' })).toBe(-Infinity);
    expect(since([consent('plan', 10), consent('sharing', 20)])).toBe(20);
    // Withdrawn and given again: from the second.
    expect(since([consent('plan', 10), consent('sharing', 20, 30), consent('sharing', 40)])).toBe(40);
    // Two that overlap: one covered period.
    expect(since([consent('plan', 10), consent('sharing', 20, 40), consent('sharing', 30)])).toBe(20);
    // The plan consent withdrawn and given again: from then.
    expect(since([consent('plan', 10, 30), consent('sharing', 20), consent('plan', 50)])).toBe(50);
    // No plan consent ever: sharing is enough.
    expect(since([consent('sharing', 20)])).toBe(20);
    // Not covered now.
    expect(since([consent('plan', 10), consent('sharing', 20, 30)])).toBe(Infinity);
  });

  it('reaches back to before any consent for the creator while the family has not answered', () => {
    expect(since([], 'ola')).toBe(-Infinity);
    // Chosen in the family's answer: covered all along.
    expect(since([consent('plan', 10), consent('sharing', 10)], 'ola')).toBe(-Infinity);
    // Not chosen, then given sharing later: from then.
    expect(since([consent('plan', 10), consent('sharing', 40)], 'ola')).toBe(40);
  });
});
