import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addItem } from '@samplan/plan-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySqliteToPostgres, MOVED_TABLES } from '../src/scripts/copySqliteToPostgres.ts';
import { addMember, verifyLog } from './support/family.ts';
import { freshPostgresSchema, POSTGRES_URL } from './support/postgresSchema.ts';
import {
  api,
  createFamilyPlan,
  registerUser,
  startTestServer,
  syncedProvider,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

const KEY = 'nøkkelen-til-innsynsloggen-når-den-flyttes-0123456789';

// Issue 11: one command moves a SQLite data folder into PostgreSQL, and the server goes on there as it was.
describe('moving a SQLite data folder into PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-move-'));
  beforeAll(async () => {
    schema = await freshPostgresSchema();
  });
  afterAll(async () => {
    await schema.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('carries plans, members, consent, edits, history and the innsynslogg over, and refuses a second move', async () => {
    // A server on SQLite, used for a while.
    const sqlite = await startTestServer({ AUDIT_LOG_KEY: KEY }, dataDir);
    const parent = await registerUser(sqlite.url, 'Kari Hansen');
    const planId = await createFamilyPlan(sqlite.url, parent, 'Emma Nilsen');
    const teacher: TestUser = await addMember(sqlite.url, parent, planId, 'deltaker', {
      name: 'Lærer Lise',
      consentBy: parent,
    });
    const provider = await syncedProvider(sqlite, teacher, planId);
    addItem(provider.doc, 'evaluations', { date: '2026-12-01', author: 'Lærer Lise' });
    const read = async (url: string) => ({
      content: (await api<{ content: unknown }>(url, parent, 'GET', `/api/plans/${planId}/export.json`)).body.content,
      log: await verifyLog(url, parent, planId),
      versions: (await api<{ versions: unknown[] }>(url, parent, 'GET', `/api/plans/${planId}/versions`)).body.versions,
    });
    await waitFor(async () => JSON.stringify((await read(sqlite.url)).content).includes('Lærer Lise'));
    provider.destroy();
    await sqlite.app.close();
    // After the stop (which writes the change log and checkpoints), what it left.
    const restarted = await startTestServer({ AUDIT_LOG_KEY: KEY }, dataDir);
    const before = await read(restarted.url);
    await restarted.app.close();

    const url = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
    const { rows } = await copySqliteToPostgres(join(dataDir, 'samplan.db'), url);
    expect(Object.keys(rows)).toEqual([...MOVED_TABLES]);
    expect(rows.users).toBe(2);
    expect(rows.plans).toBe(1);
    expect(rows.access_log).toBe(before.log.checked);

    const postgres = await startTestServer({ AUDIT_LOG_KEY: KEY, DATABASE_URL: url }, dataDir);
    try {
      const after = await read(postgres.url);
      expect(after.content).toEqual(before.content);
      expect(after.versions).toEqual(before.versions);
      expect(after.log.ok).toBe(true);
      // Reading the log was logged on PostgreSQL too: the chain goes on from the moved head.
      expect(after.log.checked).toBeGreaterThanOrEqual(before.log.checked);
      expect((await api(postgres.url, teacher, 'GET', `/api/plans/${planId}`)).status).toBe(200);
    } finally {
      await postgres.close();
    }
    await expect(copySqliteToPostgres(join(dataDir, 'samplan.db'), url)).rejects.toThrow(/has users or plans/);
  });
});
