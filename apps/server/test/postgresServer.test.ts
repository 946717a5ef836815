import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanSummary } from '@samplan/api';
import { addItem } from '@samplan/plan-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, verifyLog } from './support/family.ts';
import { freshPostgresSchema, POSTGRES_URL } from './support/postgresSchema.ts';
import {
  api,
  CSRF_HEADERS,
  createFamilyPlan,
  registerUser,
  startTestServer,
  syncedProvider,
  type TestServer,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';
import { buildApp } from '../src/buildApp.ts';
import { parseConfig } from '../src/config/config.ts';

const KEY = 'en-lang-nøkkel-for-innsynsloggen-i-testene-0123456789';

// Issue 11: DATABASE_URL=postgres://… puts every store on PostgreSQL; one server on it works end to end.
describe('the server on PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let url: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-pg-'));
  beforeAll(async () => {
    schema = await freshPostgresSchema();
    url = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
  });
  afterAll(async () => {
    await schema.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps plans, members, consent, edits and the innsynslogg across a restart', async () => {
    const env = { DATABASE_URL: url, AUDIT_LOG_KEY: KEY };
    let server: TestServer = await startTestServer(env, dataDir);
    const parent = await registerUser(server.url, 'Kari Hansen');
    const planId = await createFamilyPlan(server.url, parent, 'Emma Nilsen');
    const teacher = await addMember(server.url, parent, planId, 'deltaker', { name: 'Lærer Lise', consentBy: parent });
    const provider = await syncedProvider(server, teacher, planId);
    addItem(provider.doc, 'evaluations', { date: '2026-12-01', author: 'Lærer Lise' });
    const exported = async () =>
      (
        await api<{ content: { evaluations: Array<{ author: string }> } }>(
          server.url,
          parent,
          'GET',
          `/api/plans/${planId}/export.json`,
        )
      ).body.content;
    await waitFor(async () => (await exported()).evaluations.some((e) => e.author === 'Lærer Lise'));
    provider.destroy();
    const [summary] = (await api<{ plans: PlanSummary[] }>(server.url, parent, 'GET', '/api/plans')).body.plans;
    expect(summary).toMatchObject({ id: planId, childName: 'Emma Nilsen', access: 'apen' });
    await server.close();

    server = await startTestServer(env, dataDir);
    try {
      // The session lives in the database: the same cookie works on the new process.
      expect((await api(server.url, parent, 'GET', '/api/me')).status).toBe(200);
      expect((await exported()).evaluations.map((e) => e.author)).toContain('Lærer Lise');
      const verified = await verifyLog(server.url, parent, planId);
      expect(verified.ok).toBe(true);
      expect(verified.checked).toBeGreaterThan(4);
      const members = await api<{ members: Array<{ name: string; consent: string }> }>(
        server.url,
        parent,
        'GET',
        `/api/plans/${planId}/members`,
      );
      expect(members.body.members.map((m) => [m.name, m.consent])).toEqual([
        ['Kari Hansen', 'ikke-nodvendig'],
        ['Lærer Lise', 'gitt'],
      ]);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
        body: JSON.stringify({ email: parent.email, password: 'et-langt-passord' }),
      });
      expect(login.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('refuses to start with another innsynslogg key than the database was first used with', async () => {
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: url,
      AUDIT_LOG_KEY: `${KEY}-en-annen`,
    });
    await expect(buildApp(config)).rejects.toThrow(/another AUDIT_LOG_KEY/);
  });
});
