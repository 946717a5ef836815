import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../src/auth/ids.ts';
import { linkIn, startMailbox, type Mailbox } from './support/mailbox.ts';
import { CSRF_HEADERS, registerUser, startTestServer, type TestServer } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

const post = (server: TestServer, path: string, body: unknown, cookie?: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS, ...(cookie && { cookie }) },
    body: JSON.stringify(body),
  });

/** A second, read-only connection to the server's database. */
const openDb = (server: TestServer) => new Database(join(server.dataDir, 'samplan.db'), { readonly: true });

const login = (server: TestServer, email: string, password: string) =>
  post(server, '/api/auth/login', { email, password });

describe('password reset by mail', () => {
  let server: TestServer;
  let mailbox: Mailbox;
  let db: Database.Database | undefined;
  afterEach(async () => {
    db?.close();
    db = undefined;
    await server?.close();
    await mailbox?.close();
  });

  const start = async (env: Record<string, string> = {}) => {
    mailbox = await startMailbox();
    server = await startTestServer({ SMTP_URL: mailbox.url, MAIL_FROM: 'Samplan <ikke-svar@eksempel.no>', ...env });
  };

  it('sends a single-use link that sets a new password, ends every session and lifts the lock', async () => {
    await start({ LOGIN_MAX_FAILURES: '2' });
    const user = await registerUser(server.url, 'Kari Nordmann');
    for (let i = 0; i < 2; i++) await login(server, user.email, 'feil-passord-her');
    expect((await login(server, user.email, 'et-langt-passord')).status).toBe(429);

    const asked = await post(server, '/api/auth/password-reset', { email: user.email.toUpperCase() });
    expect(asked.status).toBe(202);
    const mail = await waitFor(() => mailbox.mails.find((m) => m.to.includes(user.email)) ?? false);
    expect(mail.subject).toBe('Lag nytt passord i Samplan');
    expect(mail.from).toBe('ikke-svar@eksempel.no');
    const link = linkIn(mail);
    expect(`${link.origin}${link.pathname}`).toBe(`${server.url}/nytt-passord`);
    const token = decodeURIComponent(link.hash.slice(1));
    expect(token.length).toBeGreaterThan(30);
    // The token travels in the fragment only; the store keeps its hash, never the token.
    db = openDb(server);
    const stored = db.prepare('SELECT token_hash FROM password_resets').pluck().all();
    expect(stored).toEqual([hashToken(token)]);

    const tooShort = await post(server, '/api/auth/password-reset/confirm', { token, password: 'kort' });
    expect(tooShort.status).toBe(400);
    const done = await post(server, '/api/auth/password-reset/confirm', { token, password: 'et-helt-nytt-passord' });
    expect(done.status).toBe(204);

    // The old session is ended, the lock is lifted, the new password works and the old one does not.
    expect((await fetch(`${server.url}/api/me`, { headers: { cookie: user.cookie } })).status).toBe(401);
    expect((await login(server, user.email, 'et-langt-passord')).status).toBe(401);
    expect((await login(server, user.email, 'et-helt-nytt-passord')).status).toBe(200);

    const again = await post(server, '/api/auth/password-reset/confirm', { token, password: 'enda-et-passord-her' });
    expect(again.status).toBe(410);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('RESET_LINK_INVALID');
  });

  it('answers alike for an unknown address and sends nothing; limits the mails one address gets', async () => {
    await start({ PASSWORD_RESETS_PER_HOUR: '2' });
    const user = await registerUser(server.url);
    const unknown = await post(server, '/api/auth/password-reset', { email: 'ingen-her@eksempel.no' });
    const known = await post(server, '/api/auth/password-reset', { email: user.email });
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(await unknown.text()).toBe(await known.text());
    await post(server, '/api/auth/password-reset', { email: user.email });
    expect((await post(server, '/api/auth/password-reset', { email: user.email })).status).toBe(202);
    await waitFor(() => mailbox.mails.length === 2);
    // The third request (over the limit) made no link and queued no mail; nothing is left to send.
    db = openDb(server);
    await waitFor(() => db!.prepare('SELECT COUNT(*) FROM mail_queue WHERE sent_at IS NULL').pluck().get() === 0);
    expect(db.prepare('SELECT COUNT(*) FROM password_resets').pluck().get()).toBe(2);
    expect(db.prepare('SELECT COUNT(*) FROM mail_queue').pluck().get()).toBe(2);
    expect(mailbox.mails.every((m) => m.to.length === 1 && m.to[0] === user.email)).toBe(true);
  });

  it('refuses an expired link, and a second link once one of them is used', async () => {
    await start();
    const user = await registerUser(server.url);
    const { accounts } = server.app.samplan;
    await accounts.createPasswordReset({
      tokenHash: hashToken('utlopt-lenke'),
      userId: user.id,
      createdAt: Date.now() - 2 * 3600_000,
      expiresAt: Date.now() - 3600_000,
    });
    const expired = await post(server, '/api/auth/password-reset/confirm', {
      token: 'utlopt-lenke',
      password: 'et-helt-nytt-passord',
    });
    expect(expired.status).toBe(410);

    await post(server, '/api/auth/password-reset', { email: user.email });
    await post(server, '/api/auth/password-reset', { email: user.email });
    await waitFor(() => mailbox.mails.length === 2);
    const [first, second] = mailbox.mails.map((m) => decodeURIComponent(linkIn(m).hash.slice(1)));
    const used = await post(server, '/api/auth/password-reset/confirm', {
      token: second,
      password: 'et-nytt-passord-1',
    });
    expect(used.status).toBe(204);
    const other = await post(server, '/api/auth/password-reset/confirm', {
      token: first,
      password: 'et-nytt-passord-2',
    });
    expect(other.status).toBe(410);
    expect((await login(server, user.email, 'et-nytt-passord-1')).status).toBe(200);
  });
});
