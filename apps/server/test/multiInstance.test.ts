import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageSeal } from '../src/signing/MessageSeal.ts';
import { addMember, firstClose } from './support/family.ts';
import { freshPostgresSchema, POSTGRES_URL } from './support/postgresSchema.ts';
import { awarenessFrame, openRawSocket } from './support/rawSocket.ts';
import { addMarker, markersIn } from './support/sharedText.ts';
import {
  api,
  CSRF_HEADERS,
  collabToken,
  cookieOf,
  createFamilyPlan,
  createPlan,
  registerUser,
  startTestServer,
  syncedProvider,
  type TestServer,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const SHARED_SECRET = 'delt-hemmelighet-for-økter-og-tokens-på-alle-instanser';

/** `count` instances on one fresh PostgreSQL schema and Redis (keys and channels under a prefix of their own). */
async function startInstances(count: number, env: Record<string, string> = {}) {
  const schema = await freshPostgresSchema();
  const shared = {
    DATABASE_URL: `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`,
    REDIS_URL,
    REDIS_PREFIX: `${schema.schema}:`,
    AUDIT_LOG_KEY: 'delt-nøkkel-for-innsynsloggen-på-alle-instanser-0123',
    SESSION_SECRET: SHARED_SECRET,
    ...env,
  };
  const dirs: string[] = [];
  const servers: TestServer[] = [];
  for (let i = 0; i < count; i++) {
    const dir = mkdtempSync(join(tmpdir(), `samplan-instance-${i}-`));
    dirs.push(dir);
    servers.push(await startTestServer(shared, dir));
  }
  return {
    servers,
    async close() {
      for (const server of servers) await server.close();
      await schema.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Issue 11: two instances on one PostgreSQL and Redis serve the same plan; peers on each co-edit and converge.
describe('two instances on PostgreSQL and Redis', () => {
  let instances: Awaited<ReturnType<typeof startInstances>>;
  let servers: TestServer[];
  beforeAll(async () => {
    instances = await startInstances(2, { MAX_SOCKETS_PER_USER: '3', ACCESS_RECHECK_SECONDS: '1' });
    servers = instances.servers;
  });
  afterAll(() => instances.close());

  it('relays each edit to the peers of the other instance, in order, and fills what a lost message left out', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    // The session made on instance A works on instance B (the same database).
    const teacher = await addMember(b.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const onA = await syncedProvider(a, parent, planId);
    const onB = await syncedProvider(b, teacher, planId);
    try {
      const expected: string[] = [];
      for (let i = 0; i < 20; i++) {
        addMarker(onA.doc, `a${i}`);
        addMarker(onB.doc, `b${i}`);
        expected.push(`a${i}`, `b${i}`);
      }
      const both = (doc: Y.Doc) => expected.every((marker) => markersIn(doc).includes(marker));
      await waitFor(() => both(onA.doc) && both(onB.doc), { timeout: 15_000 });

      // A commit whose message never reached B (written to the store without the feed), then one that did:
      // B sees the gap and fills it from the log.
      const lost = new Y.Doc();
      Y.applyUpdate(lost, Y.encodeStateAsUpdate(onA.doc));
      const before = Y.encodeStateVector(lost);
      addMarker(lost, 'lost-message');
      await a.app.samplan.documents.append(planId, [
        { update: Y.encodeStateAsUpdate(lost, before), userId: parent.id },
      ]);
      addMarker(onA.doc, 'after-the-gap');
      await waitFor(() => markersIn(onB.doc).includes('after-the-gap') && markersIn(onB.doc).includes('lost-message'));

      // A commit whose message was lost, and no commit after it: B's watermark check finds it in the log.
      const last = new Y.Doc();
      Y.applyUpdate(last, Y.encodeStateAsUpdate(onA.doc));
      const known = Y.encodeStateVector(last);
      addMarker(last, 'lost-and-last');
      await a.app.samplan.documents.append(planId, [{ update: Y.encodeStateAsUpdate(last, known), userId: parent.id }]);
      await waitFor(() => markersIn(onB.doc).includes('lost-and-last'), { timeout: 10_000 });

      // Both instances' rooms hold what the log holds, with no seq skipped.
      const head = await a.app.samplan.documentLog.head(planId);
      await waitFor(() => b.app.samplan.rooms['rooms'].get(planId)?.['state']?.lastSeq === head);
      const stored = await b.app.samplan.documentLog.currentDoc(planId);
      try {
        expect(markersIn(stored).sort()).toEqual(markersIn(onB.doc).sort());
      } finally {
        stored.destroy();
      }
    } finally {
      onA.destroy();
      onB.destroy();
    }
  });

  /** A message in the commit feed's format: one commit of `update` to `planId` at `seq`, by `userId`. */
  function commitMessage(planId: string, seq: number, userId: string, update: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, 'another-instance');
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, planId);
    encoding.writeVarUint(encoder, seq);
    encoding.writeVarString(encoder, userId);
    encoding.writeVarUint8Array(encoder, update);
    return encoding.toUint8Array(encoder);
  }

  /** An update adding `marker` to what `doc` holds. */
  function markerUpdate(doc: Y.Doc, marker: string): Uint8Array {
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(forged);
    addMarker(forged, marker);
    return Y.encodeStateAsUpdate(forged, before);
  }

  it('takes a commit message only for the plan its channel names: one for another plan is dropped', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const otherPlan = await createFamilyPlan(a.url, parent, 'Jonas Nilsen');
    const onA = await syncedProvider(a, parent, planId);
    const onB = await syncedProvider(b, parent, planId);
    const redis = new Redis(REDIS_URL);
    try {
      // A message sealed as the instances seal theirs, on the other plan's channel, claiming this plan's next seq.
      const next = (await a.app.samplan.documentLog.head(planId)) + 1;
      const message = commitMessage(planId, next, parent.id, markerUpdate(onA.doc, 'forged'));
      const channel = `${b.app.samplan.config.REDIS_PREFIX}commits:${otherPlan}`;
      expect(await redis.publish(channel, new MessageSeal(SHARED_SECRET).seal(channel, message))).toBe(2);
      // The real next commit reaches B, and the forged one never does.
      addMarker(onA.doc, 'real');
      await waitFor(() => markersIn(onB.doc).includes('real'));
      expect(markersIn(onB.doc)).not.toContain('forged');
    } finally {
      redis.disconnect();
      onA.destroy();
      onB.destroy();
    }
  });

  it("drops what reaches Redis without the deployment's seal: a commit, a presence entry, a logout", async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const teacher = await addMember(a.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const onA = await syncedProvider(a, parent, planId);
    const onB = await syncedProvider(b, parent, planId);
    const teacherOnB = await syncedProvider(b, teacher, planId);
    const teacherClosed = firstClose(teacherOnB);
    let parentClosed = false;
    onB.on('connection-close', () => (parentClosed = true));
    const redis = new Redis(REDIS_URL);
    const prefix = b.app.samplan.config.REDIS_PREFIX;
    const shared = new MessageSeal(SHARED_SECRET);
    const json = (value: object) => Buffer.from(JSON.stringify(value));
    try {
      // Whoever can publish on Redis but lacks the secret: the plan's next commit in the feed's own format, unsealed
      // and sealed with another secret; someone on the plan; "logg ut overalt" for the parent.
      const commits = `${prefix}commits:${planId}`;
      const next = (await a.app.samplan.documentLog.head(planId)) + 1;
      const forged = commitMessage(planId, next, parent.id, markerUpdate(onA.doc, 'forged'));
      await redis.publish(commits, Buffer.from(forged));
      await redis.publish(commits, new MessageSeal('en-annen-hemmelighet-som-ingen-instans-har').seal(commits, forged));
      const fake = new awarenessProtocol.Awareness(new Y.Doc());
      fake.setLocalState({ user: { name: 'Falsk person' } });
      const presence = `${prefix}presence:${planId}`;
      const update = Buffer.from(awarenessProtocol.encodeAwarenessUpdate(fake, [fake.clientID])).toString('base64');
      await redis.publish(presence, json({ instance: 'x', kind: 'update', update }));
      const access = `${prefix}access`;
      await redis.publish(
        access,
        json({ instance: 'x', kind: 'session', event: { userId: parent.id, sessionId: null } }),
      );

      // What follows on the same channels, sealed, arrives after them: a presence entry and the teacher's logout.
      const real = new awarenessProtocol.Awareness(new Y.Doc());
      real.setLocalState({ user: { name: 'Ekte' } });
      const realUpdate = Buffer.from(awarenessProtocol.encodeAwarenessUpdate(real, [real.clientID])).toString('base64');
      await redis.publish(presence, shared.seal(presence, json({ instance: 'x', kind: 'update', update: realUpdate })));
      await redis.publish(
        access,
        shared.seal(access, json({ instance: 'x', kind: 'session', event: { userId: teacher.id, sessionId: null } })),
      );
      addMarker(onA.doc, 'real');
      await waitFor(() => markersIn(onB.doc).includes('real'));
      await waitFor(() => expect(onB.awareness.getStates().has(real.clientID)).toBe(true));
      expect((await teacherClosed).code).toBe(4401);

      expect(markersIn(onB.doc)).not.toContain('forged');
      expect(onB.awareness.getStates().has(fake.clientID)).toBe(false);
      expect(parentClosed).toBe(false);
      fake.destroy();
      real.destroy();
    } finally {
      redis.disconnect();
      onA.destroy();
      onB.destroy();
      teacherOnB.destroy();
    }
  });

  it('drops a sealed "logg ut overalt" recorded on Redis and played again: the sessions started since stay', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const teacher = await addMember(a.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const access = `${a.app.samplan.config.REDIS_PREFIX}access`;
    // Someone who can read and publish on Redis records what goes by.
    const spy = new Redis(REDIS_URL);
    const publisher = new Redis(REDIS_URL);
    const seen: Buffer[] = [];
    spy.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (channel.toString() === access) seen.push(message);
    });
    await spy.subscribe(access);
    try {
      expect((await api(a.url, parent, 'POST', '/api/auth/logout-everywhere')).status).toBe(204);
      await waitFor(() => seen.length === 1);
      // She logs in again and opens the plan on B; the teacher is there too.
      const loggedIn = await fetch(`${a.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
        body: JSON.stringify({ email: parent.email, password: 'et-langt-passord' }),
      });
      expect(loggedIn.status).toBe(200);
      const parentOnB = await syncedProvider(b, { ...parent, cookie: cookieOf(loggedIn) }, planId);
      let parentClosed = false;
      parentOnB.on('connection-close', () => (parentClosed = true));
      const teacherOnB = await syncedProvider(b, teacher, planId);
      const teacherClosed = firstClose(teacherOnB);
      try {
        // The recorded message, played again; then the teacher logs out everywhere, on the same channel after it.
        await publisher.publish(access, seen[0]!);
        expect((await api(a.url, teacher, 'POST', '/api/auth/logout-everywhere')).status).toBe(204);
        expect((await teacherClosed).code).toBe(4401);
        expect(parentClosed).toBe(false);
      } finally {
        parentOnB.destroy();
        teacherOnB.destroy();
      }
    } finally {
      spy.disconnect();
      publisher.disconnect();
    }
  });

  it("shows each peer's presence, bound to the account, on the other instance, and removes it when the peer leaves", async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const teacher = await addMember(a.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const onA = await syncedProvider(a, parent, planId);
    onA.awareness.setLocalStateField('user', { name: 'Noen andre', id: 'someone-else' });
    await waitFor(() => a.app.samplan.rooms['rooms'].get(planId)?.['awareness'].getStates().size === 1);
    // B's room opens after the parent announced: it asks A, and the teacher sees the parent at once (no renewal).
    const onB = await syncedProvider(b, teacher, planId);
    try {
      await waitFor(() =>
        expect(onB.awareness.getStates().get(onA.doc.clientID)).toMatchObject({
          user: { id: parent.id, name: 'Kari Hansen', role: 'foresatt' },
        }),
      );
      onB.awareness.setLocalStateField('user', { name: 'Lise' });
      await waitFor(() =>
        expect(onA.awareness.getStates().get(onB.doc.clientID)).toMatchObject({
          user: { id: teacher.id, name: 'Lærer Lise', role: 'deltaker' },
        }),
      );
      // The teacher, on B, cannot set the parent's entry, which was announced on A.
      const raw = openRawSocket(`${b.wsUrl}/${planId}?token=${await collabToken(b.url, teacher, planId)}`);
      await raw.opened;
      raw.socket.send(awarenessFrame(new Map([[onA.doc.clientID, { user: { name: 'Overtatt' }, cursor: null }]]), 99));
      onA.awareness.setLocalStateField('section', 'tiltak');
      await waitFor(() => expect(onB.awareness.getStates().get(onA.doc.clientID)).toMatchObject({ section: 'tiltak' }));
      expect(onA.awareness.getStates().get(onA.doc.clientID)).toMatchObject({ user: { name: 'Noen andre' } });
      expect(b.app.samplan.rooms['rooms'].get(planId)?.['awareness'].getStates().get(onA.doc.clientID)).toMatchObject({
        user: { name: 'Kari Hansen' },
      });

      raw.socket.close();
      onA.destroy();
      await waitFor(() => expect(onB.awareness.getStates().has(onA.doc.clientID)).toBe(false));
    } finally {
      onA.destroy();
      onB.destroy();
    }
  });

  it('refuses on one instance an update under a client id claimed on the other, and the store refuses it too', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const teacher = await addMember(a.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    // B's room is open (and has read the owners) before the parent first writes, on A.
    const onB = await syncedProvider(b, teacher, planId);
    const onA = await syncedProvider(a, parent, planId);
    try {
      addMarker(onA.doc, 'skrevet-av-forelderen');
      await waitFor(() => markersIn(onB.doc).includes('skrevet-av-forelderen'));
      const closed = firstClose(onB);
      // The teacher writes under the parent's client id.
      const forged = new Y.Doc();
      Y.applyUpdate(forged, Y.encodeStateAsUpdate(onB.doc));
      // Set after the state is in: Yjs itself moves off a client id it sees others write with.
      forged.clientID = onA.doc.clientID;
      const before = Y.encodeStateVector(forged);
      addMarker(forged, 'forfalsket');
      Y.applyUpdate(onB.doc, Y.encodeStateAsUpdate(forged, before));
      expect(await closed).toMatchObject({ code: 4409, reason: 'client-id-taken' });
      const stored = await a.app.samplan.documentLog.currentDoc(planId);
      try {
        expect(markersIn(stored)).not.toContain('forfalsket');
      } finally {
        stored.destroy();
      }
      expect(await a.app.samplan.documents.clientOwners(planId)).toEqual(new Map([[onA.doc.clientID, parent.id]]));
    } finally {
      onA.destroy();
      onB.destroy();
    }
  });

  /** A family's plan on instance A, with a teacher connected to it on instance B. */
  async function teacherOnB() {
    const [a, b] = servers as [TestServer, TestServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const teacher = await addMember(a.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const onB = await syncedProvider(b, teacher, planId);
    return { a, b, parent, planId, teacher, onB, closed: firstClose(onB) };
  }

  it("closes a member's socket on the other instance within a second of a revocation, and on logout everywhere", async () => {
    const { a, b, parent, planId, teacher, onB, closed } = await teacherOnB();
    const before = Date.now();
    expect((await api(a.url, parent, 'DELETE', `/api/plans/${planId}/members/${teacher.id}`)).status).toBe(204);
    const close = await closed;
    onB.destroy();
    expect(close).toMatchObject({ code: 4403, reason: 'MEMBERSHIP_ENDED' });
    expect(close.at - before).toBeLessThan(1000);

    const parentOnB = await syncedProvider(b, parent, planId);
    const loggedOut = firstClose(parentOnB);
    expect((await api(a.url, parent, 'POST', '/api/auth/logout-everywhere')).status).toBe(204);
    expect((await loggedOut).code).toBe(4401);
    parentOnB.destroy();
  });

  it("closes the socket on the other instance even when the revocation's Redis message is lost", async () => {
    const { a, parent, planId, teacher, onB, closed } = await teacherOnB();
    // A's announcement of this revocation never reaches Redis (a failed publish, or B's subscriber reconnecting).
    const events = a.app.samplan.accessEvents;
    const relay = events.relay;
    events.relay = null;
    try {
      expect((await api(a.url, parent, 'DELETE', `/api/plans/${planId}/members/${teacher.id}`)).status).toBe(204);
    } finally {
      events.relay = relay;
    }
    // B asks every connection's access again (ACCESS_RECHECK_SECONDS, 1 s here) and closes it as the event would.
    expect(await closed).toMatchObject({ code: 4403, reason: 'MEMBERSHIP_ENDED' });
    onB.destroy();
  });

  it('tells the family of a consent request once an hour, also when it is asked again on the other instance', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const koordinator = await registerUser(a.url, 'Sofie Andersen');
    const planId = await createPlan(a.url, koordinator);
    const mor = await addMember(a.url, koordinator, planId, 'foresatt', { name: 'Kari Hansen' });
    const laerer = await addMember(a.url, koordinator, planId, 'deltaker', { name: 'Lærer Lise' });
    for (const server of [a, b]) {
      const asked = await api(server.url, koordinator, 'POST', `/api/plans/${planId}/consent-requests`, {
        subjectUserId: laerer.id,
      });
      expect(asked.status).toBe(202);
    }
    const list = await api<{ notifications: Array<{ kind: string }> }>(b.url, mor, 'GET', '/api/notifications');
    expect(list.body.notifications.filter((n) => n.kind === 'consentRequest')).toHaveLength(1);
  });

  it("counts a user's connections across the instances: the cap holds for the whole service", async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const open = async (server: TestServer) => {
      const raw = openRawSocket(`${server.wsUrl}/${planId}?token=${await collabToken(server.url, parent, planId)}`);
      await raw.opened;
      return raw;
    };
    const admitted = (raw: ReturnType<typeof openRawSocket>) => waitFor(() => raw.received.length > 0);
    const first = await open(a);
    const second = await open(a);
    const third = await open(b);
    await Promise.all([first, second, third].map(admitted));
    const fourth = await open(b);
    expect(await fourth.closed).toEqual({ code: 4429, reason: 'TOO_MANY_CONNECTIONS' });
    // A slot given back on A is free on B.
    first.socket.close();
    await first.closed;
    const fifth = await open(b);
    await admitted(fifth);
    for (const raw of [second, third, fifth]) raw.socket.close();
  });

  it('locks an address after failed logins on any of the instances', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const user = await registerUser(a.url, 'Kari Hansen');
    const login = (server: TestServer, password: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
        body: JSON.stringify({ email: user.email, password }),
      });
    const failures: number[] = [];
    for (let i = 0; i < 5; i++) failures.push((await login(i % 2 === 0 ? a : b, `feil-passord-${i}`)).status);
    expect(failures).toEqual([401, 401, 401, 401, 401]);
    for (const server of [a, b]) {
      const locked = await login(server, 'et-langt-passord');
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('LOGIN_LOCKED');
    }
  });
});

describe('limits shared by the instances', () => {
  let instances: Awaited<ReturnType<typeof startInstances>>;
  beforeAll(async () => {
    instances = await startInstances(2, { RATE_LIMIT_MAX: '10' });
  });
  afterAll(() => instances.close());

  it('counts the requests of an address on every instance together', async () => {
    const [a, b] = instances.servers as [TestServer, TestServer];
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await fetch(`${a.url}/healthz`)).status, (await fetch(`${b.url}/healthz`)).status);
    }
    expect(statuses).toEqual(Array(10).fill(200));
    expect((await fetch(`${a.url}/healthz`)).status).toBe(429);
    expect((await fetch(`${b.url}/healthz`)).status).toBe(429);
  });
});
