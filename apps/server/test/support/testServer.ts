import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { hashToken } from '../../src/auth/ids.ts';
import { buildApp } from '../../src/buildApp.ts';
import { parseConfig } from '../../src/config/config.ts';
import { waitFor } from './waitFor.ts';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Every mail the server was asked to send, as it queued it (whatever transport then takes it). */
  mails: Array<{ kind: string; to: string; subject: string; body: string }>;
  close(): Promise<void>;
}

const running = new Map<string, TestServer>();

/** The test server listening at `url` in this process (helpers given only a URL read its mails by it). */
export function testServerAt(url: string): TestServer {
  const server = running.get(url);
  if (!server) throw new Error(`no test server at ${url} in this process`);
  return server;
}

/** Starts the real server on port 0 with its own data folder. */
export async function startTestServer(env: Record<string, string> = {}, dataDir?: string): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'samplan-test-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    WEB_DIST: join(dir, 'no-web'),
    // Tests register many users from one address; the limits themselves are tested with low values.
    AUTH_RATE_LIMIT_MAX: '10000',
    RATE_LIMIT_MAX: '100000',
    ...env,
  });
  const app = await buildApp(config);
  // Port 0 unless the test chose one (PORT), e.g. to register a redirect URI before the server starts.
  await app.listen({ port: config.PORT, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;
  const mails: TestServer['mails'] = [];
  const queue = app.samplan.mail;
  const send = queue.send.bind(queue);
  queue.send = (mail) => {
    mails.push({ ...mail });
    return send(mail);
  };
  const server: TestServer = {
    app,
    url,
    wsUrl: `ws://127.0.0.1:${address.port}/collab`,
    dataDir: dir,
    mails,
    async close() {
      running.delete(url);
      await app.close();
      if (!dataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  running.set(url, server);
  return server;
}

/** The header every state-changing API request must carry (see src/http/csrf.ts). */
export const CSRF_HEADERS = { 'x-samplan-csrf': '1' } as const;

export interface TestUser {
  cookie: string;
  id: string;
  email: string;
}

let userCounter = 0;

/** Registers a new user over HTTP and returns its session cookie. */
export async function registerUser(baseUrl: string, name = 'Kari Testesen'): Promise<TestUser> {
  userCounter += 1;
  const email = `bruker${userCounter}-${Date.now()}@eksempel.no`;
  const res = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ email, password: 'et-langt-passord', name }),
  });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string } };
  return { cookie: cookieOf(res), id: body.user.id, email };
}

/** The cookies a response sets, as a request's Cookie header. */
export function cookieOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export async function api<T = unknown>(
  baseUrl: string,
  user: TestUser | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { ...CSRF_HEADERS };
  if (user) headers.cookie = user.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function createPlan(baseUrl: string, user: TestUser, demo = false): Promise<string> {
  const res = await api<{ plan: { id: string } }>(baseUrl, user, 'POST', '/api/plans', {
    title: 'Individuell plan',
    childName: 'Emma Nilsen',
    demo,
  });
  if (res.status !== 201) throw new Error(`create plan failed: ${res.status}`);
  return res.body.plan.id;
}

/** A plan made by a parent (`foresatt`), so the family is in from the start; returns its id. */
export async function createFamilyPlan(baseUrl: string, parent: TestUser, childName = 'Emma Nilsen'): Promise<string> {
  const res = await api<{ plan: { id: string } }>(baseUrl, parent, 'POST', '/api/plans', {
    title: 'Individuell plan',
    childName,
    creatorRole: 'foresatt',
  });
  if (res.status !== 201) throw new Error(`create plan failed: ${res.status}`);
  return res.body.plan.id;
}

export async function collabToken(baseUrl: string, user: TestUser, planId: string): Promise<string> {
  const res = await api<{ token: string }>(baseUrl, user, 'POST', `/api/plans/${planId}/collab-token`);
  if (res.status !== 200) throw new Error(`token failed: ${res.status}`);
  return res.body.token;
}

/** A real y-websocket provider with Node's `ws` as its WebSocket. */
export function connectProvider(wsUrl: string, planId: string, token: string, doc = new Y.Doc()): WebsocketProvider {
  return new WebsocketProvider(wsUrl, planId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    disableBc: true,
  });
}

/** The id of a test user's login session (what collab tokens are bound to). */
export function sessionIdOf(user: TestUser): string {
  const token = /samplan_session=([^;]+)/.exec(user.cookie)?.[1];
  if (!token) throw new Error('no session cookie');
  return hashToken(decodeURIComponent(token));
}

/** A real provider on the plan as `user`, once it has synced (the caller destroys it). */
export async function syncedProvider(server: TestServer, user: TestUser, planId: string): Promise<WebsocketProvider> {
  const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
  await waitFor(() => provider.synced);
  return provider;
}
