import { addItem, planToJSON } from '@samplan/plan-model';
import { UpdateRefusal } from '@samplan/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WriteBudget } from '../src/collab/WriteBudget.ts';
import { addMember, readLog } from './support/family.ts';
import {
  api,
  createFamilyPlan,
  registerUser,
  startTestServer,
  syncedProvider,
  type TestServer,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

describe('WriteBudget', () => {
  it('lets a member write up to the budget at once, then as fast as it fills, each member and plan apart', () => {
    let now = 0;
    const budget = new WriteBudget({ bytes: 1000, windowMs: 1000, now: () => now });
    expect(budget.spend('p1', 'u1', 600)).toBe(0);
    // 400 left: 600 more need 200 more bytes, which fill in 200 ms.
    expect(budget.spend('p1', 'u1', 600)).toBe(200);
    expect(budget.spend('p1', 'u2', 1000)).toBe(0);
    expect(budget.spend('p2', 'u1', 1000)).toBe(0);
    now = 199;
    expect(budget.spend('p1', 'u1', 600)).toBe(1);
    now = 200;
    expect(budget.spend('p1', 'u1', 600)).toBe(0);
    // Never more than full, however long it waited.
    now = 100_000;
    expect(budget.spend('p1', 'u1', 1000)).toBe(0);
    expect(budget.spend('p1', 'u1', 1)).toBe(1);
  });
});

describe('a member who writes very much at once', () => {
  let server: TestServer;
  beforeAll(async () => {
    // 256 KiB at once, filled again in 1.2 s.
    server = await startTestServer({
      MAX_MESSAGE_BYTES: '262144',
      WRITE_BUDGET_BYTES: '262144',
      WRITE_BUDGET_MINUTES: '0.02',
    });
  });
  afterAll(() => server.close());

  it('is held back past the budget and sends the rest after the wait: nothing is lost, and the family is told', async () => {
    const parent = await registerUser(server.url, 'Kari Nilsen');
    const planId = await createFamilyPlan(server.url, parent);
    const teacher = await addMember(server.url, parent, planId, 'deltaker', { name: 'Per Lærer', consentBy: parent });
    const writer = await syncedProvider(server, teacher, planId);
    const closes: Array<{ code: number; reason: string }> = [];
    writer.on('connection-close', (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason });
    });
    try {
      // Four measures of 100 KB each, one after the other: 400 KB, past the 256 KiB budget (and what is held back
      // fits in one message, as it is sent in one when the socket opens again).
      const titles = ['a', 'b', 'c', 'd'].map((letter) => `${letter}${'x'.repeat(100_000)}`);
      for (const title of titles) writer.doc.transact(() => addItem(writer.doc, 'measures', { title }));
      await waitFor(
        async () => {
          const stored = await server.app.samplan.documentLog.currentDoc(planId);
          const measures = planToJSON(stored).measures.map((m) => m.title);
          stored.destroy();
          return titles.every((title) => measures.includes(title));
        },
        { timeout: 20_000 },
      );
      const heldBack = closes.filter((close) => close.code === 4529);
      expect(heldBack.length).toBeGreaterThan(0);
      expect(Number(heldBack[0]!.reason)).toBeGreaterThan(0);
      const log = await readLog(server.url, parent, planId);
      expect(log.some((e) => e.action === 'edit.refused' && e.details.reason === UpdateRefusal.writeBudgetSpent)).toBe(
        true,
      );
    } finally {
      writer.destroy();
    }
  });
});

describe('restoring again and again', () => {
  let server: TestServer;
  beforeAll(async () => {
    // 256 KiB at once, filled again over ten minutes: nothing fills back during the test.
    server = await startTestServer({ MAX_MESSAGE_BYTES: '262144', WRITE_BUDGET_BYTES: '262144' });
  });
  afterAll(() => server.close());

  it('writes into the history out of the same budget, and is told to wait once it is spent', async () => {
    const parent = await registerUser(server.url, 'Kari Nilsen');
    const planId = await createFamilyPlan(server.url, parent);
    const log = server.app.samplan.documentLog;
    const before = await log.head(planId);
    const writer = await syncedProvider(server, parent, planId);
    try {
      writer.doc.transact(() => addItem(writer.doc, 'measures', { title: 'y'.repeat(100_000) }));
      await waitFor(async () => (await log.head(planId)) > before);
    } finally {
      writer.destroy();
    }
    const withText = await log.head(planId);
    // Back to without the text and with it, again and again: each time with it writes the 100 KB again.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (const toSeq of [before, withText]) {
        statuses.push((await api(server.url, parent, 'POST', `/api/plans/${planId}/restore`, { toSeq })).status);
      }
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    const refused = await api<{ error: { code: string } }>(server.url, parent, 'POST', `/api/plans/${planId}/restore`, {
      toSeq: withText,
    });
    expect(statuses).toContain(429);
    expect([refused.status, refused.body.error?.code]).toEqual([429, 'WRITE_BUDGET_SPENT']);
  });
});
