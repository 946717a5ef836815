import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '@samplan/protocol';
import { addMember, consentFor, firstClose } from './support/family.ts';
import { openRawSocket } from './support/rawSocket.ts';
import {
  api,
  collabToken,
  connectProvider,
  createFamilyPlan,
  createPlan,
  CSRF_HEADERS,
  startTestServer,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

/** Logs the same account in again: a second session (another device). */
async function login(server: TestServer, email: string): Promise<TestUser> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ email, password: 'et-langt-passord' }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { user: { id: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, id: body.user.id, email };
}

async function register(server: TestServer, name: string): Promise<TestUser> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${Date.now()}-${Math.random()}@eksempel.no`;
  const res = await fetch(`${server.url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ email, password: 'et-langt-passord', name }),
  });
  expect(res.status).toBe(201);
  return login(server, email);
}

/** A websocket upgrade done by hand on a TCP socket, which then does whatever the test wants (or nothing). */
async function handRolledSocket(server: TestServer, path: string): Promise<Socket> {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  await new Promise<void>((resolve) =>
    socket.once('data', (data) => {
      expect(data.toString()).toContain('101 Switching Protocols');
      resolve();
    }),
  );
  return socket;
}

describe('sessions and sockets', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ WS_MAX_BUFFERED_BYTES: '65536' });
  });
  afterAll(() => server.close());

  it('logout closes that session’s sockets at once and kills its collab tokens; the other device stays', async () => {
    const phone = await register(server, 'Kari Nilsen');
    const laptop = await login(server, phone.email);
    const planId = await createPlan(server.url, phone);
    const phoneToken = await collabToken(server.url, phone, planId);
    const onPhone = connectProvider(server.wsUrl, planId, phoneToken);
    const onLaptop = connectProvider(server.wsUrl, planId, await collabToken(server.url, laptop, planId));
    await waitFor(() => onPhone.synced && onLaptop.synced);
    const closed = firstClose(onPhone);
    const before = Date.now();
    expect((await api(server.url, phone, 'POST', '/api/auth/logout')).status).toBe(204);
    const close = await closed;
    onPhone.destroy();
    expect(close).toMatchObject({ code: CloseCode.unauthenticated, reason: 'LOGGED_OUT' });
    expect(close.at - before).toBeLessThan(1000);
    const reused = openRawSocket(`${server.wsUrl}/${planId}?token=${phoneToken}`);
    expect(await reused.closed).toEqual({ code: CloseCode.unauthenticated, reason: 'SESSION_ENDED' });
    // The laptop's session and socket carry on.
    onLaptop.doc.getMap('meta').set('evaluationInterval', 'hver 8. uke');
    await waitFor(async () => {
      const doc = await server.app.samplan.documentLog.currentDoc(planId);
      const stored = doc.getMap('meta').get('evaluationInterval');
      doc.destroy();
      return stored === 'hver 8. uke';
    });
    expect(onLaptop.wsconnected).toBe(true);

    // "Logg ut overalt" ends the laptop's too.
    const laptopClosed = firstClose(onLaptop);
    expect((await api(server.url, laptop, 'POST', '/api/auth/logout-everywhere')).status).toBe(204);
    expect(await laptopClosed).toMatchObject({ code: CloseCode.unauthenticated, reason: 'LOGGED_OUT' });
    onLaptop.destroy();
    expect((await api(server.url, laptop, 'GET', '/api/me')).status).toBe(401);
  });

  it('a logout or a consent withdrawn while a socket is still joining closes it once it is in', async () => {
    const { accessLog } = server.app.samplan;
    const record = accessLog.record.bind(accessLog);
    /** Holds the join's innsynslogg write (its slowest step) until `during` has run, so that runs mid-join. */
    const joining = async (url: string, during: () => Promise<void>) => {
      let entered!: () => void;
      const inJoin = new Promise<void>((resolve) => (entered = resolve));
      let go!: () => void;
      const held = new Promise<void>((resolve) => (go = resolve));
      accessLog.record = async (...args: Parameters<typeof record>) => {
        entered();
        await held;
        return record(...args);
      };
      const raw = openRawSocket(url);
      await raw.opened;
      await inJoin;
      accessLog.record = record;
      await during();
      go();
      return raw;
    };

    const parent = await register(server, 'Kari Nilsen');
    const planId = await createFamilyPlan(server.url, parent);
    const token = await collabToken(server.url, parent, planId);
    const loggedOut = await joining(`${server.wsUrl}/${planId}?token=${token}`, async () => {
      expect((await api(server.url, parent, 'POST', '/api/auth/logout-everywhere')).status).toBe(204);
    });
    expect(await loggedOut.closed).toEqual({ code: CloseCode.unauthenticated, reason: 'SESSION_ENDED' });

    const mother = await register(server, 'Lise Nilsen');
    const familyPlan = await createFamilyPlan(server.url, mother);
    const teacher = await addMember(server.url, mother, familyPlan, 'deltaker', { name: 'Per Lærer' });
    const consentId = await consentFor(server.url, mother, familyPlan, teacher.id);
    const withdrawn = await joining(
      `${server.wsUrl}/${familyPlan}?token=${await collabToken(server.url, teacher, familyPlan)}`,
      async () => {
        const res = await api(
          server.url,
          mother,
          'POST',
          `/api/plans/${familyPlan}/consents/${consentId}/withdraw`,
          {},
        );
        expect(res.status).toBe(200);
      },
    );
    expect(await withdrawn.closed).toMatchObject({ code: CloseCode.forbidden });
  });

  it('a heartbeat cuts a socket that has gone silent or stopped halfway through a frame', async () => {
    const server = await startTestServer({ WS_HEARTBEAT_SECONDS: '0.3' });
    const user = await register(server, 'Ola Nilsen');
    const planId = await createPlan(server.url, user);
    const url = async () => `${server.wsUrl}/${planId}?token=${await collabToken(server.url, user, planId)}`;
    // A client that never answers pings.
    const silent = new WebSocket(await url(), { autoPong: false });
    const silentClosed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
    // One that sends the start of a frame and then nothing.
    const half = await handRolledSocket(server, (await url()).replace(server.wsUrl, '/collab'));
    half.write(Buffer.from([0x82, 0xfe, 0x10]));
    const halfClosed = new Promise<void>((resolve) => half.once('close', () => resolve()));
    half.resume();
    // A healthy client answers pings and stays.
    const healthy = new WebSocket(await url());
    await new Promise((resolve) => healthy.once('open', resolve));
    expect(await silentClosed).toBe(1006);
    await halfClosed;
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(healthy.readyState).toBe(WebSocket.OPEN);
    healthy.close();
    await server.close();
  });

  it('drops a reader that does not read once its backlog passes the limit; the others get everything', async () => {
    const user = await register(server, 'Per Lærer');
    const planId = await createPlan(server.url, user);
    const url = async () => `${server.wsUrl}/${planId}?token=${await collabToken(server.url, user, planId)}`;
    const stuck = await handRolledSocket(server, (await url()).replace(server.wsUrl, '/collab'));
    stuck.pause();
    const stuckClosed = new Promise<void>((resolve) => stuck.once('close', () => resolve()));
    const writer = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    const reader = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId), new Y.Doc());
    await waitFor(() => writer.synced && reader.synced);
    const big = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 60; i++) {
      writer.doc.getMap('meta').set('evaluationInterval', `${i}:${big}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(() => String(reader.doc.getMap('meta').get('evaluationInterval')).startsWith('59:'), {
      timeout: 30_000,
    });
    // Cut on the server: the paused socket sees its end once it reads again.
    stuck.resume();
    await stuckClosed;
    writer.destroy();
    reader.destroy();
  });
});
