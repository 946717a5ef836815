import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_TTL_HOURS, type Me } from '@samplan/api';
import { api, createPlan, CSRF_HEADERS, registerUser, startTestServer, type TestServer } from './support/testServer.ts';

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
    const setCookie = res.headers.getSetCookie()[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = setCookie.split(';')[0]!;
    expect((await api(server.url, { ...user, cookie }, 'GET', '/api/me')).status).toBe(200);
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
