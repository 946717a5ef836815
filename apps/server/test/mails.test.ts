import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { mailTexts } from '../src/mail/mailTexts.ts';
import { addMember, invite, readLog } from './support/family.ts';
import { linkIn, startMailbox, type Mailbox } from './support/mailbox.ts';
import { api, createPlan, CSRF_HEADERS, registerUser, startTestServer, type TestServer } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

describe('mails people get', () => {
  let server: TestServer;
  let mailbox: Mailbox;
  afterEach(async () => {
    await server?.close();
    await mailbox?.close();
  });

  it('a name is one line without web addresses, so nobody can mail text and links of their own from Samplan', async () => {
    server = await startTestServer();
    const register = (name: string) =>
      fetch(`${server.url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
        body: JSON.stringify({ email: `navn-${Math.random()}@eksempel.no`, password: 'et-langt-passord', name }),
      });
    const phishing = [
      'NAV\n\nVIKTIG: Lenken under er utgått. Logg inn her:\nhttps://samplan-login.example/invitasjon',
      'NAV – logg inn på https://samplan-login.example',
      'NAV, se www.samplan-login.example',
      'Logg inn på samplan-login.no',
      'Kari\u202eNilsen',
    ];
    for (const name of phishing) {
      const res = await register(name);
      expect(res.status, name).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    for (const name of ['Kari Nilsen', 'K.A. Nilsen', 'Åse Ødegård-Hansen', "Siobhán O'Brien", 'Dr. Ola Nordmann']) {
      expect((await register(name)).status, name).toBe(201);
    }
    // Nor as the name of an account made by accepting an invitation.
    const parent = await registerUser(server.url, 'Kari Hansen');
    const planId = await createPlan(server.url, parent);
    const { token } = await invite(server.url, parent, planId, 'deltaker');
    const accept = await fetch(`${server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ token, name: phishing[0], password: 'et-langt-passord' }),
    });
    expect(accept.status).toBe(400);
  });

  it('a name kept from before names were checked is not carried in a mail: «Noen i Samplan» instead', () => {
    const link = 'NAV\nLogg inn her: https://samplan-login.example/invitasjon';
    const texts = [
      mailTexts.invitation({ inviterName: link, link: 'https://samplan.example/invitasjon#x', expiresAt: 0 }),
      mailTexts.consentRequest({ askerName: link, link: 'https://samplan.example/planer' }),
      mailTexts.task({ byName: link, link: 'https://samplan.example/planer' }),
    ];
    for (const text of texts) {
      expect(`${text.subject}\n${text.body}`).not.toContain('samplan-login');
      expect(text.subject).toMatch(/^Noen i Samplan /);
    }
    expect(mailTexts.invitation({ inviterName: 'Kari Hansen', link: 'x', expiresAt: 0 }).subject).toBe(
      'Kari Hansen har invitert deg til Samplan',
    );
  });

  it('mails the invited address a working link, with the inviter named and nothing of the plan', async () => {
    mailbox = await startMailbox();
    server = await startTestServer({ SMTP_URL: mailbox.url });
    const parent = await registerUser(server.url, 'Kari Hansen');
    const created = await api<{ plan: { id: string } }>(server.url, parent, 'POST', '/api/plans', {
      title: 'Planen til Emma om skolestart',
      childName: 'Emma Nilsen',
      creatorRole: 'foresatt',
      demo: true,
    });
    const planId = created.body.plan.id;
    const { email, token } = await invite(server.url, parent, planId, 'deltaker');

    const mail = await waitFor(() => mailbox.mails.find((m) => m.to.includes(email)) ?? false);
    expect(mail.subject).toBe('Kari Hansen har invitert deg til Samplan');
    expect(mail.text).toContain('Kari Hansen har invitert deg til å samarbeide i Samplan.');
    const link = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${server.url}/invitasjon`);
    expect(decodeURIComponent(link.hash.slice(1))).toBe(token);
    // Not the child's name, not the plan's title, no plan text, not even the words "individuell plan".
    for (const secret of ['Emma', 'Nilsen', 'skolestart', 'ndividuell plan', planId]) {
      expect(`${mail.subject}\n${mail.text}`).not.toContain(secret);
      expect(mail.raw).not.toContain(secret);
    }

    // The link from the mail opens the invitation and accepts it.
    const res = await fetch(`${server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({
        token: decodeURIComponent(link.hash.slice(1)),
        name: 'Lærer Lise',
        password: 'et-langt-passord',
      }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { email: string } }).user.email).toBe(email);
  });

  it('a koordinator asks the family for consent: every parent gets a mail naming who asks, once an hour', async () => {
    mailbox = await startMailbox();
    server = await startTestServer({ SMTP_URL: mailbox.url });
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    const mor = await addMember(server.url, koordinator, planId, 'foresatt', { name: 'Kari Hansen' });
    const far = await addMember(server.url, mor, planId, 'foresatt', { name: 'Ola Hansen' });
    const laerer = await addMember(server.url, koordinator, planId, 'deltaker', { name: 'Lærer Lise' });

    const asked = await api<{ notified: number }>(
      server.url,
      koordinator,
      'POST',
      `/api/plans/${planId}/consent-requests`,
      {
        subjectUserId: laerer.id,
      },
    );
    expect(asked).toMatchObject({ status: 202, body: { notified: 2 } });
    const requests = () => mailbox.mails.filter((m) => m.subject.includes('ber om samtykke'));
    const mails = await waitFor(() => (requests().length === 2 ? requests() : false));
    expect(mails.flatMap((m) => m.to).sort()).toEqual([mor.email, far.email].sort());
    for (const mail of mails) {
      expect(mail.subject).toBe('Sofie Andersen ber om samtykke i Samplan');
      expect(`${linkIn(mail).origin}${linkIn(mail).pathname}`).toBe(`${server.url}/planer/${planId}/tilgang`);
      for (const secret of ['Emma', 'Nilsen', 'Lærer Lise', 'ndividuell plan']) expect(mail.text).not.toContain(secret);
    }
    const again = await api(server.url, koordinator, 'POST', `/api/plans/${planId}/consent-requests`, {
      subjectUserId: laerer.id,
    });
    expect(again.status).toBe(202);
    const log = await readLog(server.url, mor, planId);
    expect(log.filter((e) => e.action === 'consent.requested')).toHaveLength(1);
    const db = new Database(join(server.dataDir, 'samplan.db'), { readonly: true });
    const queued = db.prepare("SELECT COUNT(*) FROM mail_queue WHERE kind = 'consentRequest'").pluck().get();
    db.close();
    expect(queued).toBe(2);

    // Only for someone who waits for it, and only by someone who may invite.
    const forParent = await api<{ error: { code: string } }>(
      server.url,
      koordinator,
      'POST',
      `/api/plans/${planId}/consent-requests`,
      {
        subjectUserId: mor.id,
      },
    );
    expect(forParent.body.error.code).toBe('VALIDATION_FAILED');
    const byTeacher = await api<{ error: { code: string } }>(
      server.url,
      laerer,
      'POST',
      `/api/plans/${planId}/consent-requests`,
      {
        subjectUserId: laerer.id,
      },
    );
    expect(byTeacher.body.error.code).toBe('CONSENT_REQUIRED');
  });
});
