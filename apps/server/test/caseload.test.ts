import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PlanSummary } from '@samplan/api';
import { addItem, dayInNorway, updateMeta } from '@samplan/plan-model';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { addMember } from './support/family.ts';
import {
  api,
  createPlan,
  registerUser,
  startTestServer,
  syncedProvider,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

type Open = Extract<PlanSummary, { access: 'apen' }>;

/** A day `days` ago in Norway, as the server counts them (in UTC it is yesterday from 23:00 or 22:00 on). */
const isoDaysAgo = (days: number): string => dayInNorway(Date.now() - days * 86_400_000);

describe("the koordinator's caseload (GET /api/plans)", () => {
  let server: TestServer;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });
  afterAll(() => server.close());

  const list = async (user: TestUser) =>
    (await api<{ plans: PlanSummary[] }>(server.url, user, 'GET', '/api/plans')).body.plans;

  /** Opens the plan as `user` and writes into it with plan-model, as the editor would. */
  const write = async (user: TestUser, planId: string, edit: (doc: WebsocketProvider['doc']) => void) => {
    const provider = await syncedProvider(server, user, planId);
    providers.push(provider);
    edit(provider.doc);
  };

  it('lists every plan most pressing first, each thing that needs attention named, and who changed it last', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const calm = await createPlan(server.url, koordinator);
    const overdue = await createPlan(server.url, koordinator);
    const revision = await createPlan(server.url, koordinator);
    await write(koordinator, calm, (doc) => updateMeta(doc, { childName: 'Ada Berg', title: 'Plan for Ada' }));
    await write(koordinator, overdue, (doc) => {
      updateMeta(doc, { childName: 'Emma Nilsen', evaluationInterval: 'P3M', periodStart: isoDaysAgo(120) });
      addItem(doc, 'goals', { title: 'Gå selv i skolebygget', status: 'pagar' });
      addItem(doc, 'tasks', { title: 'Søke om støttekontakt', dueDate: isoDaysAgo(5) });
    });
    await write(koordinator, revision, (doc) => {
      updateMeta(doc, { childName: 'Bo Hansen', nextRevision: isoDaysAgo(2) });
    });

    const plans = await waitFor(async () => {
      const current = (await list(koordinator)) as Open[];
      const emma = current.find((p) => p.id === overdue);
      return emma && emma.attention.length >= 2 && current.find((p) => p.id === revision)?.attention.length
        ? current
        : false;
    });
    expect(plans.map((p) => p.id)).toEqual([overdue, revision, calm]);
    const emma = plans[0]!;
    expect(emma.childName).toBe('Emma Nilsen');
    expect(emma.attention).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'evaluationOverdue', title: 'Gå selv i skolebygget' }),
        expect.objectContaining({ kind: 'taskOverdue', title: 'Søke om støttekontakt', days: 5 }),
        // The koordinator made it and the family has not answered yet.
        { kind: 'familyConsentWaiting' },
      ]),
    );
    const evaluation = emma.attention.find((item) => item.kind === 'evaluationOverdue')!;
    expect('days' in evaluation && evaluation.days).toBeGreaterThanOrEqual(28);
    expect(plans[1]!.attention).toContainEqual({ kind: 'revisionPassed', date: isoDaysAgo(2), days: 2 });
    expect(plans[2]!.attention).toEqual([{ kind: 'familyConsentWaiting' }]);
    expect(emma.urgency).toBeGreaterThan(plans[2]!.urgency);
    expect(emma.lastChange).toEqual({ at: expect.any(String), by: { userId: koordinator.id, name: 'Sofie Andersen' } });
  });

  it('names members who wait for consent, and keeps a waiting plan last with only its title', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    const mor = await addMember(server.url, koordinator, planId, 'foresatt', { name: 'Kari Nilsen' });
    await api(server.url, mor, 'POST', `/api/plans/${planId}/family-consent`, { shareWithUserIds: [koordinator.id] });
    const laerer = await addMember(server.url, koordinator, planId, 'deltaker', { name: 'Lærer Lise' });
    const [forKoordinator] = (await list(koordinator)) as Open[];
    expect(forKoordinator!.attention).toEqual([{ kind: 'consentWaiting', count: 1 }]);
    const own = await createPlan(server.url, laerer);
    const forTeacher = await list(laerer);
    expect(forTeacher.map((p) => [p.id, p.access])).toEqual([
      [own, 'apen'],
      [planId, 'venter-samtykke'],
    ]);
    expect(forTeacher[1]!.childName).toBeNull();
  });

  it('computes facts stored by an older server again, with the names it did not keep', async () => {
    const koordinator = await registerUser(server.url, 'Sofie Andersen');
    const planId = await createPlan(server.url, koordinator);
    await write(koordinator, planId, (doc) => addItem(doc, 'tasks', { title: 'Ring skolen', dueDate: isoDaysAgo(3) }));
    await waitFor(async () => ((await list(koordinator)) as Open[]).some((p) => p.attention.length > 1));
    // What issue 13's server stored: no version, no titles.
    const db = new Database(join(server.dataDir, 'samplan.db'));
    const old = {
      meta: { nextRevision: null },
      goals: [],
      tasks: [{ done: false, dueDate: isoDaysAgo(3) }],
      meetings: [],
    };
    db.prepare('UPDATE plan_progress SET facts = ? WHERE plan_id = ?').run(JSON.stringify(old), planId);
    db.close();
    const [plan] = (await list(koordinator)) as Open[];
    expect(plan!.attention).toContainEqual(
      expect.objectContaining({ kind: 'taskOverdue', title: 'Ring skolen', days: 3 }),
    );
  });
});
