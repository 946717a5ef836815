import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@samplan/protocol';
import { CollabTokens } from '../src/auth/CollabTokens.ts';
import { openRawSocket } from './support/rawSocket.ts';
import { waitFor } from './support/waitFor.ts';
import {
  collabToken,
  createPlan,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
  sessionIdOf,
} from './support/testServer.ts';

const SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';

describe('who may open a plan socket', () => {
  let server: TestServer;
  let owner: TestUser;
  let planId: string;

  beforeAll(async () => {
    server = await startTestServer({ SESSION_SECRET: SECRET });
    owner = await registerUser(server.url);
    planId = await createPlan(server.url, owner);
  });
  afterAll(() => server.close());

  const closeCodeFor = async (query: string, path = planId) => {
    const raw = openRawSocket(`${server.wsUrl}/${path}${query}`);
    return (await raw.closed).code;
  };

  it('accepts a valid token and keeps the socket open', async () => {
    const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, owner, planId)}`);
    await raw.opened;
    await waitFor(() => raw.received.length > 0);
    expect(raw.socket.readyState).toBe(raw.socket.OPEN);
    raw.socket.close();
  });

  it('refuses a missing token with 4401', async () => {
    expect(await closeCodeFor('')).toBe(CloseCode.unauthenticated);
  });

  it('refuses an expired token with 4401', async () => {
    const past = new CollabTokens(SECRET, 60, () => Date.now() - 120_000);
    expect(await closeCodeFor(`?token=${past.issue(owner.id, planId, sessionIdOf(owner)).token}`)).toBe(
      CloseCode.unauthenticated,
    );
  });

  it('refuses a tampered token with 4401', async () => {
    const token = await collabToken(server.url, owner, planId);
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), exp: Date.now() + 9e9 }),
    ).toString('base64url');
    expect(await closeCodeFor(`?token=${forged}.${signature}`)).toBe(CloseCode.unauthenticated);
  });

  it('refuses a token signed with another secret with 4401', async () => {
    const other = new CollabTokens('another-secret-another-secret-another-secret', 60);
    expect(await closeCodeFor(`?token=${other.issue(owner.id, planId, sessionIdOf(owner)).token}`)).toBe(
      CloseCode.unauthenticated,
    );
  });

  it("refuses a token for one plan on another plan's socket with 4401", async () => {
    const otherPlan = await createPlan(server.url, owner);
    const token = await collabToken(server.url, owner, otherPlan);
    expect(await closeCodeFor(`?token=${token}`)).toBe(CloseCode.unauthenticated);
  });

  it("closes with 4404 for another family's plan and for a plan that does not exist", async () => {
    const stranger = await registerUser(server.url);
    const tokens = new CollabTokens(SECRET, 60);
    expect(await closeCodeFor(`?token=${tokens.issue(stranger.id, planId, sessionIdOf(stranger)).token}`)).toBe(
      CloseCode.planNotFound,
    );
    expect(
      await closeCodeFor(
        `?token=${tokens.issue(stranger.id, 'finnes-ikke', sessionIdOf(stranger)).token}`,
        'finnes-ikke',
      ),
    ).toBe(CloseCode.planNotFound);
  });

  it('accepts the session cookie from our own origin and refuses it from another site', async () => {
    const { WebSocket } = await import('ws');
    const open = (origin: string) =>
      new Promise<number | 'open'>((resolve) => {
        const socket = new WebSocket(`${server.wsUrl}/${planId}`, { headers: { cookie: owner.cookie, origin } });
        socket.once('message', () => {
          resolve('open');
          socket.close();
        });
        socket.once('close', (code) => resolve(code));
      });
    expect(await open(server.url)).toBe('open');
    expect(await open('https://ondsinnet.example')).toBe(CloseCode.unauthenticated);
  });
});
