import { afterEach, describe, expect, it } from 'vitest';
import { invite } from './support/family.ts';
import { linkIn, startMailbox, type Mailbox } from './support/mailbox.ts';
import { api, CSRF_HEADERS, registerUser, startTestServer, type TestServer } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

describe('invitation mail', () => {
  let server: TestServer;
  let mailbox: Mailbox;
  afterEach(async () => {
    await server?.close();
    await mailbox?.close();
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
});
