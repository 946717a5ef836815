import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startBalancer, type Balancer } from './support/balancer.ts';
import { startChildServer, type ChildServer } from './support/childServer.ts';
import { addMember, firstClose, verifyLog } from './support/family.ts';
import { freshPostgresSchema, POSTGRES_URL } from './support/postgresSchema.ts';
import { addMarker } from './support/sharedText.ts';
import {
  api,
  collabToken,
  connectProvider,
  createFamilyPlan,
  registerUser,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const EDITS_PER_PEER = 100;

const portOf = (server: ChildServer): number => Number(new URL(server.url).port);

// Issue 11: three instances, each its own process, on one PostgreSQL and Redis, behind a proxy that sends each
// connection to the first live instance of its list (as a reverse proxy with health checks does).
describe('three server processes on PostgreSQL and Redis', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let databaseUrl: string;
  const dirs: string[] = [];
  let servers: ChildServer[] = [];
  /** One proxy per instance, preferring it and falling back to the others. */
  let proxies: Balancer[] = [];

  beforeAll(async () => {
    schema = await freshPostgresSchema();
    databaseUrl = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: `${schema.schema}:`,
      AUDIT_LOG_KEY: 'delt-nøkkel-for-innsynsloggen-på-alle-instanser-0123',
      SESSION_SECRET: 'delt-hemmelighet-for-økter-og-tokens-på-alle-instanser',
      RATE_LIMIT_MAX: '100000',
      LOG_LEVEL: 'info',
    };
    servers = await Promise.all(
      [0, 1, 2].map((i) => {
        const dir = mkdtempSync(join(tmpdir(), `samplan-process-${i}-`));
        dirs.push(dir);
        return startChildServer({ ...env, DATA_DIR: dir, WEB_DIST: join(dir, 'no-web') });
      }),
    );
    const ports = servers.map(portOf);
    proxies = await Promise.all(ports.map((_, i) => startBalancer([...ports.slice(i), ...ports.slice(0, i)])));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.close()));
    for (const server of servers) {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    await schema.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A provider through instance `i`'s proxy, synced. */
  async function open(i: number, user: TestUser, planId: string): Promise<WebsocketProvider> {
    const provider = connectProvider(proxies[i]!.wsUrl, planId, await collabToken(servers[i]!.url, user, planId));
    await waitFor(() => provider.synced);
    return provider;
  }

  it('keeps the innsynslogg one valid chain while all three write to it at once', async () => {
    const [a, b, c] = servers as [ChildServer, ChildServer, ChildServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(b.url, parent, 'Emma Nilsen');
    const views = await Promise.all(
      Array.from({ length: 45 }, (_, i) => api(servers[i % 3]!.url, parent, 'GET', `/api/plans/${planId}`)),
    );
    expect(views.every((view) => view.status === 200)).toBe(true);
    for (const server of [a, b, c]) {
      const verified = await verifyLog(server.url, parent, planId);
      expect(verified.ok).toBe(true);
      expect(verified.checked).toBeGreaterThanOrEqual(46);
    }
  });

  it("closes a member's socket on instance B within a second of a revocation made on instance A", async () => {
    const [a] = servers as [ChildServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const teacher = await addMember(a.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const onB = await open(1, teacher, planId);
    try {
      const closed = firstClose(onB);
      const before = Date.now();
      expect((await api(a.url, parent, 'DELETE', `/api/plans/${planId}/members/${teacher.id}`)).status).toBe(204);
      const close = await closed;
      expect(close).toMatchObject({ code: 4403, reason: 'MEMBERSHIP_ENDED' });
      expect(close.at - before).toBeLessThan(1000);
    } finally {
      onB.destroy();
    }
  });

  it('peers on all three co-edit and converge; SIGKILL of one the moment every peer has every edit loses none', async () => {
    const [a, , c] = servers as [ChildServer, ChildServer, ChildServer];
    const parent = await registerUser(a.url, 'Kari Hansen');
    const planId = await createFamilyPlan(a.url, parent, 'Emma Nilsen');
    const teacher = await addMember(a.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const peers = [await open(0, parent, planId), await open(1, teacher, planId), await open(2, parent, planId)];
    try {
      const total = peers.length * EDITS_PER_PEER;
      const count = (peer: WebsocketProvider) => peer.doc.getMap('tasks').size;
      let killedAt: number | null = null;
      // Checked in the same tick as each remote edit lands: C gets SIGKILL the moment every peer has every edit.
      for (const peer of peers) {
        peer.doc.getMap('tasks').observe((event) => {
          if (killedAt !== null || event.transaction.local) return;
          if (peers.every((p) => count(p) === total)) {
            killedAt = Date.now();
            c.process.kill('SIGKILL');
          }
        });
      }
      for (let i = 0; i < EDITS_PER_PEER; i++) {
        peers.forEach((peer, p) => addMarker(peer.doc, `p${p}-${i}`));
        if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
      }
      await waitFor(() => killedAt !== null, { timeout: 30_000 });
      await c.exited;

      // Everything is in the log on PostgreSQL, C's peers' edits included.
      const stored = await storedMarkers(databaseUrl, planId);
      expect(stored.size).toBe(total);
      for (let p = 0; p < peers.length; p++) {
        for (let i = 0; i < EDITS_PER_PEER; i++) expect(stored.has(`p${p}-${i}`)).toBe(true);
      }

      // C's peer reconnects through its proxy to another instance and goes on editing with the others.
      addMarker(peers[2]!.doc, 'etter-sigkill');
      await waitFor(() => peers.every((peer) => peer.doc.getMap('tasks').has('etter-sigkill')), { timeout: 20_000 });
      expect((await storedMarkers(databaseUrl, planId)).has('etter-sigkill')).toBe(true);
      expect(peers.map(count)).toEqual([total + 1, total + 1, total + 1]);
    } finally {
      for (const peer of peers) peer.destroy();
    }
  });
});

/** The markers of the plan as its update log on PostgreSQL holds them. */
async function storedMarkers(databaseUrl: string, planId: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE plan_id = $1 ORDER BY seq', [
      planId,
    ]);
    const doc = new Y.Doc();
    for (const row of rows.rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    const markers = new Set(doc.getMap('tasks').keys());
    doc.destroy();
    return markers;
  } finally {
    await client.end();
  }
}
