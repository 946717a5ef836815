import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_TTL_HOURS, type AcceptedInvite, type Me } from '@samplan/api';
import { invite } from './support/family.ts';
import {
  api,
  createFamilyPlan,
  createPlan,
  CSRF_HEADERS,
  registerUser,
  startTestServer,
  type TestServer,
} from './support/testServer.ts';

describe('accounts and plans over HTTP', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('registers, reads /api/me, logs out and logs in again', async () => {
    const registered = Date.now();
    const user = await registerUser(server.url, 'Sofie Andersen');
    const me = await api<Me>(server.url, user, 'GET', '/api/me');
    expect(me.body.user.name).toBe('Sofie Andersen');
    // What the session has left, for how long the browser opens the plans it keeps offline.
    const ttl = DEFAULT_SESSION_TTL_HOURS * 3_600_000;
    expect(me.body.sessionMsLeft).toBeGreaterThanOrEqual(registered + ttl - Date.now());
    expect(me.body.sessionMsLeft).toBeLessThanOrEqual(ttl);
    expect((await api(server.url, user, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await api(server.url, user, 'GET', '/api/me')).status).toBe(401);

    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ email: user.email.toUpperCase(), password: 'et-langt-passord' }),
    });
    expect(res.status).toBe(200);
    // The login's answer says how long its session lasts, as /api/me does.
    expect((await res.json()) as Me).toMatchObject({ user: { id: user.id }, sessionMsLeft: ttl });
    const setCookie = res.headers.getSetCookie()[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    expect((await api(server.url, { ...user, cookie }, 'GET', '/api/me')).status).toBe(200);
  });

  it('answers a registration and an invitation that makes an account with how long the session lasts', async () => {
    const ttl = DEFAULT_SESSION_TTL_HOURS * 3_600_000;
    const registered = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ email: `varighet-${Date.now()}@eksempel.no`, password: 'et-langt-passord', name: 'Kari' }),
    });
    expect(registered.status).toBe(201);
    expect((await registered.json()) as Me).toMatchObject({ user: { name: 'Kari' }, sessionMsLeft: ttl });

    const parent = await registerUser(server.url, 'Kari Nilsen');
    const planId = await createFamilyPlan(server.url, parent);
    const newAccount = await invite(server.url, parent, planId, 'deltaker');
    const accepted = await fetch(`${server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
      body: JSON.stringify({ token: newAccount.token, name: 'Lærer', password: 'et-langt-passord' }),
    });
    expect(accepted.status).toBe(200);
    expect((await accepted.json()) as AcceptedInvite).toMatchObject({ plan: { id: planId }, sessionMsLeft: ttl });
    // Accepted by a login that was there already: its session is as it was, and the answer does not say.
    const loggedIn = await registerUser(server.url, 'Ola');
    const forLoggedIn = await invite(server.url, parent, planId, 'lesetilgang', { email: loggedIn.email });
    const byLogin = await api<AcceptedInvite>(server.url, loggedIn, 'POST', '/api/invites/accept', {
      token: forLoggedIn.token,
    });
    expect(byLogin).toMatchObject({ status: 200, body: { user: { id: loggedIn.id }, sessionMsLeft: null } });
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const user = await registerUser(server.url);
    for (const body of [
      { email: user.email, password: 'feil-passord-her' },
      { email: 'ingen@eksempel.no', password: 'et-langt-passord' },
    ]) {
      const res = await api<{ error: { code: string } }>(server.url, null, 'POST', '/api/auth/login', body);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('refuses a second account on the same e-mail', async () => {
    const user = await registerUser(server.url);
    const res = await api<{ error: { code: string } }>(server.url, null, 'POST', '/api/auth/register', {
      email: user.email,
      password: 'et-annet-passord',
      name: 'Noen',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('never stores a password in clear text', async () => {
    const user = await registerUser(server.url);
    const stored = await server.app.samplan.accounts.findUserByEmail(user.email);
    expect(stored?.passwordHash).toMatch(/^scrypt\$/);
    expect(stored?.passwordHash).not.toContain('et-langt-passord');
  });

  it('creates a plan whose creator is its only member, lists it with progress and exports it', async () => {
    const user = await registerUser(server.url);
    const planId = await createPlan(server.url, user, true);
    const list = await api<{ plans: Array<{ id: string; role: string; progress: { goalsTotal: number } }> }>(
      server.url,
      user,
      'GET',
      '/api/plans',
    );
    expect(list.body.plans).toHaveLength(1);
    expect(list.body.plans[0]).toMatchObject({ id: planId, role: 'koordinator' });
    expect(list.body.plans[0]!.progress.goalsTotal).toBeGreaterThan(0);

    const meta = await api<{ plan: { id: string; role: string } }>(server.url, user, 'GET', `/api/plans/${planId}`);
    expect(meta.body.plan).toMatchObject({ id: planId, role: 'koordinator' });

    const exported = await api<{ content: { meta: { childName: string } } }>(
      server.url,
      user,
      'GET',
      `/api/plans/${planId}/export.json`,
    );
    expect(exported.status).toBe(200);
    expect(exported.body.content.meta.childName).toBe('Emma Nilsen');
  });

  it("answers 404 PLAN_NOT_FOUND for another family's plan and for a plan that does not exist", async () => {
    const owner = await registerUser(server.url);
    const stranger = await registerUser(server.url);
    const planId = await createPlan(server.url, owner);
    for (const path of [`/api/plans/${planId}`, '/api/plans/finnes-ikke']) {
      const res = await api<{ error: { code: string } }>(server.url, stranger, 'GET', path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('PLAN_NOT_FOUND');
    }
    for (const path of [`/api/plans/${planId}/export.json`]) {
      expect((await api(server.url, stranger, 'GET', path)).status).toBe(404);
    }
    expect((await api(server.url, stranger, 'POST', `/api/plans/${planId}/collab-token`)).status).toBe(404);
    expect((await api(server.url, null, 'GET', `/api/plans/${planId}`)).status).toBe(401);
  });

  it('answers /healthz while the store answers', async () => {
    const res = await api<{ status: string }>(server.url, null, 'GET', '/healthz');
    expect(res).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('leaks no stack trace or internal detail in errors', async () => {
    const res = await api<Record<string, unknown>>(server.url, null, 'GET', '/api/finnes-ikke');
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|stack/);
  });
});
