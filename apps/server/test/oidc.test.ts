import type { ConsentInfo } from '@samplan/api';
import { createServer } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestIdp, type TestAccount, type TestIdp } from './support/oidcProvider.ts';
import { api, registerUser, startTestServer, type TestServer } from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('OIDC login (authorization code + PKCE) against a real OpenID provider', () => {
  let idp: TestIdp;
  let server: TestServer;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const redirectUri = `${base}/api/auth/oidc/idporten/callback`;
    idp = await startTestIdp({ clientId: 'samplan-test', clientSecret: 'samplan-test-secret-0123456789', redirectUri });
    server = await startTestServer({
      PORT: String(port),
      OIDC_PROVIDERS: 'idporten',
      OIDC_IDPORTEN_ISSUER: idp.issuer,
      OIDC_IDPORTEN_CLIENT_ID: 'samplan-test',
      OIDC_IDPORTEN_CLIENT_SECRET: 'samplan-test-secret-0123456789',
      OIDC_IDPORTEN_LABEL: 'ID-porten',
      OIDC_IDPORTEN_REDIRECT_URI: redirectUri,
      OIDC_IDPORTEN_ACR_VALUES: 'idporten-loa-high',
      ALLOW_REGISTRATION: 'false',
    });
  });
  afterAll(async () => {
    await server.close();
    await idp.close();
  });

  it('lists the provider for the login page', async () => {
    const res = await api(server.url, null, 'GET', '/api/auth/providers');
    expect(res.body).toEqual({
      registration: false,
      oidc: [{ id: 'idporten', label: 'ID-porten', loginUrl: '/api/auth/oidc/idporten/login' }],
    });
  });

  it('logs a new user in end to end, creating the account, and the same identity again later', async () => {
    idp.loginAs = { sub: 'kari-01017012345', name: 'Kari Nordmann', email: 'kari@eksempel.no', email_verified: true };
    const browser = new Browser();
    const { visited, response } = await browser.navigate(`${base}/api/auth/oidc/idporten/login?returnTo=/planer`);
    const authorize = new URL(visited[1]!);
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(visited.at(-2)).toMatch(/\/api\/auth\/oidc\/idporten\/callback\?code=/);
    expect(response.status).toBe(404); // the last hop: /planer, a web-app route (no web build in tests)
    expect(new URL(visited.at(-1)!).pathname).toBe('/planer');

    const me = await fetch(`${base}/api/me`, { headers: { cookie: browser.cookieHeader(base) } });
    const { user } = (await me.json()) as { user: { id: string; name: string; email: string } };
    expect(user).toMatchObject({ name: 'Kari Nordmann', email: 'kari@eksempel.no' });

    // A consent this login gives records how it logged in: the provider and the ID token's assurance level.
    const cookie = browser.cookieHeader(base);
    const created = await fetch(`${base}/api/plans`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-samplan-csrf': '1' },
      body: JSON.stringify({ title: 'Individuell plan', childName: 'Emma Nordmann', creatorRole: 'foresatt' }),
    });
    const { plan } = (await created.json()) as { plan: { id: string } };
    const consents = await fetch(`${base}/api/plans/${plan.id}/consents`, { headers: { cookie } });
    const [consent] = ((await consents.json()) as { consents: ConsentInfo[] }).consents;
    expect(consent!.givenByAccount).toEqual({
      user: { userId: user.id, name: 'Kari Nordmann' },
      login: { method: 'oidc:idporten', level: 'idporten-loa-high' },
    });

    const again = new Browser();
    await again.navigate(`${base}/api/auth/oidc/idporten/login`);
    const me2 = await fetch(`${base}/api/me`, { headers: { cookie: again.cookieHeader(base) } });
    expect(((await me2.json()) as { user: { id: string } }).user.id).toBe(user.id);
  });

  it("takes a provider's name only where a registration would: one with a web address in it falls back", async () => {
    const nameAfterLogin = async (claims: Omit<TestAccount, 'sub'>): Promise<string> => {
      idp.loginAs = { sub: `navn-${Math.random()}`, ...claims };
      const browser = new Browser();
      await browser.navigate(`${base}/api/auth/oidc/idporten/login`);
      const me = await fetch(`${base}/api/me`, { headers: { cookie: browser.cookieHeader(base) } });
      return ((await me.json()) as { user: { name: string } }).user.name;
    };
    const link = 'NAV: logg inn på https://samplan-login.example';
    expect(await nameAfterLogin({ name: link, given_name: 'Ola', family_name: 'Nordmann' })).toBe('Ola Nordmann');
    expect(await nameAfterLogin({ name: `Ola\n${link}` })).toBe('Ukjent navn');
    expect(await nameAfterLogin({ name: 'Kari Nordmann' })).toBe('Kari Nordmann');
  });

  it('goes back only to a path on this site after login, whatever the returnTo says', async () => {
    idp.loginAs = { sub: 'kari-01017012345', name: 'Kari Nordmann', email: 'kari@eksempel.no', email_verified: true };
    // A tab, a newline or a backslash is dropped or read as '/' by browsers: '/\t/evil.example' is '//evil.example'.
    for (const returnTo of [
      '/%09/evil.example/stjel',
      '/%0A/evil.example',
      '/%5Cevil.example',
      '//evil.example',
      '/..//evil.example',
      '/.//evil.example/x',
      '/%2e%2e//evil.example',
    ]) {
      const browser = new Browser();
      const { visited } = await browser.navigate(`${base}/api/auth/oidc/idporten/login?returnTo=${returnTo}`);
      const last = new URL(visited.at(-1)!);
      expect(last.origin, returnTo).toBe(new URL(base).origin);
      expect(last.pathname, returnTo).toBe('/');
    }
  });

  it('links the identity to an existing account with the same verified e-mail address', async () => {
    const local = await registerUser(server.url, 'Ola Lokal').catch(() => null);
    // Registration is off on this server: make the local account directly in the store.
    expect(local).toBeNull();
    await server.app.samplan.accounts.createUser({
      id: 'lokal-ola',
      email: 'ola@eksempel.no',
      name: 'Ola Lokal',
      createdAt: Date.now(),
      passwordHash: null,
    });
    idp.loginAs = { sub: 'ola-02028012345', name: 'Ola Nordmann', email: 'ola@eksempel.no', email_verified: true };
    const browser = new Browser();
    await browser.navigate(`${base}/api/auth/oidc/idporten/login`);
    const me = await fetch(`${base}/api/me`, { headers: { cookie: browser.cookieHeader(base) } });
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe('lokal-ola');
  });

  it('is not linked to a password account nobody has shown is theirs, until a mailed link shows it', async () => {
    // Mallory logs in, makes a plan, invites the victim's address and accepts it herself with her own password.
    idp.loginAs = { sub: 'mallory-2', name: 'Mallory', email: 'mallory@eksempel.no', email_verified: true };
    const mallory = new Browser();
    await mallory.navigate(`${base}/api/auth/oidc/idporten/login`);
    const headers = { cookie: mallory.cookieHeader(base), 'content-type': 'application/json', 'x-samplan-csrf': '1' };
    const created = await fetch(`${base}/api/plans`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Plan', childName: 'Lokkemat', creatorRole: 'foresatt' }),
    });
    const { plan } = (await created.json()) as { plan: { id: string } };
    const invited = await fetch(`${base}/api/plans/${plan.id}/invites`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: 'helse.sjef@kommune.no', role: 'lesetilgang' }),
    });
    const { token } = (await invited.json()) as { token: string };
    const accepted = await fetch(`${base}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-samplan-csrf': '1' },
      body: JSON.stringify({ token, name: 'Helse Sjef', password: 'mallorys-passord-123' }),
    });
    expect(accepted.status).toBe(200);

    // The real owner of the address logs in with the identity provider: not into Mallory's account.
    idp.loginAs = { sub: 'helse-sjef-1', name: 'Helse Sjef', email: 'helse.sjef@kommune.no', email_verified: true };
    const owner = new Browser();
    const { visited } = await owner.navigate(`${base}/api/auth/oidc/idporten/login`);
    expect(new URL(visited.at(-1)!).search).toBe('?feil=oidc-bekreft');
    expect((await fetch(`${base}/api/me`, { headers: { cookie: owner.cookieHeader(base) } })).status).toBe(401);

    // A new password by the link mailed to the address shows it is theirs (and ends Mallory's password).
    await server.app.samplan.passwordResets.request('helse.sjef@kommune.no');
    const outbox = join(server.dataDir, 'outbox');
    const mail = await waitFor(() => {
      try {
        const file = readdirSync(outbox).find((name) =>
          readFileSync(join(outbox, name), 'utf8').includes('X-Samplan-Kind: passwordReset'),
        );
        return file ? readFileSync(join(outbox, file), 'utf8') : false;
      } catch {
        return false;
      }
    });
    // Quoted-printable: a line ending in '=' goes on on the next.
    const resetToken = /#([\w-]{20,})/.exec(mail.replace(/=\r?\n/g, ''))![1]!;
    await server.app.samplan.passwordResets.confirm(resetToken, 'eierens-nye-passord');
    const again = new Browser();
    await again.navigate(`${base}/api/auth/oidc/idporten/login`);
    const me = await fetch(`${base}/api/me`, { headers: { cookie: again.cookieHeader(base) } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('helse.sjef@kommune.no');
    const oldPassword = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-samplan-csrf': '1' },
      body: JSON.stringify({ email: 'helse.sjef@kommune.no', password: 'mallorys-passord-123' }),
    });
    expect(oldPassword.status).toBe(401);
  });

  it('does not link by an unverified address: a separate account is made', async () => {
    idp.loginAs = { sub: 'mallory-1', name: 'Mallory', email: 'ola@eksempel.no', email_verified: false };
    const browser = new Browser();
    await browser.navigate(`${base}/api/auth/oidc/idporten/login`);
    const me = await fetch(`${base}/api/me`, { headers: { cookie: browser.cookieHeader(base) } });
    const { user } = (await me.json()) as { user: { id: string; email: string } };
    expect(user.id).not.toBe('lokal-ola');
    expect(user.email).toMatch(/@idporten\.oidc\.invalid$/);
  });

  it('refuses a callback without the login transaction, or with a state that does not match', async () => {
    idp.loginAs = { sub: 'kari-01017012345', name: 'Kari Nordmann' };
    const browser = new Browser();
    const first = await fetch(`${base}/api/auth/oidc/idporten/login`, { redirect: 'manual' });
    const authUrl = first.headers.get('location')!;
    // The browser that finishes the login never started it (login CSRF): it has no transaction cookie.
    const { visited } = await browser.navigate(authUrl);
    expect(visited.at(-1)).toBe(`${base}/logg-inn?feil=oidc`);
    expect(browser.cookieHeader(base)).not.toMatch(/samplan_session/);

    const tampered = new Browser();
    const start = await tampered.get(`${base}/api/auth/oidc/idporten/login`);
    const changed = new URL(start.headers.get('location')!);
    changed.searchParams.set('state', 'ikke-den-samme');
    const result = await tampered.navigate(changed.href);
    expect(result.visited.at(-1)).toBe(`${base}/logg-inn?feil=oidc`);
    expect(tampered.cookieHeader(base)).not.toMatch(/samplan_session/);
  });

  it('answers an unknown provider with 404', async () => {
    const res = await fetch(`${base}/api/auth/oidc/ukjent/login`, { redirect: 'manual' });
    expect(res.status).toBe(404);
  });
});
