import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unkeyedEntryHash } from '../src/audit/chain.ts';
import type { AccessLogPage } from '@samplan/api';
import { addItem } from '@samplan/plan-model';
import { addMember, readLog } from './support/family.ts';
import {
  api,
  collabToken,
  connectProvider,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { waitFor } from './support/waitFor.ts';

type Verification = { ok: boolean; checked: number; headHash: string; firstBadSeq?: number; problem?: string };

describe('the access log (innsynslogg)', () => {
  let server: TestServer;
  let parent: TestUser;
  let koordinator: TestUser;
  let planId: string;

  beforeAll(async () => {
    server = await startTestServer({ CHANGE_LOG_DELAY_MS: '50' });
    parent = await registerUser(server.url, 'Kari Nilsen');
    const res = await api<{ plan: { id: string } }>(server.url, parent, 'POST', '/api/plans', {
      title: 'Individuell plan for Emma',
      childName: 'Emma Nilsen',
      creatorRole: 'foresatt',
    });
    planId = res.body.plan.id;
    koordinator = await addMember(server.url, parent, planId, 'koordinator', {
      name: 'Sofie Andersen',
      consentBy: parent,
    });
  });
  afterAll(() => server.close());

  const verify = async () =>
    (await api<{ verification: Verification }>(server.url, parent, 'GET', `/api/plans/${planId}/access-log/verify`))
      .body.verification;

  it('publishes the head of the chain in every export: the log verifies up to it, keyed outside the database', async () => {
    const exported = await api<{ innsynslogg: { seq: number; hash: string } }>(
      server.url,
      parent,
      'GET',
      `/api/plans/${planId}/export.json`,
    );
    const entries = await readLog(server.url, parent, planId);
    const mine = entries.find((e) => e.seq === exported.body.innsynslogg.seq)!;
    expect(mine).toMatchObject({ action: 'plan.exported', hash: exported.body.innsynslogg.hash });
    expect((await verify()).ok).toBe(true);
    // The key is a file in the data folder, not in the database.
    expect(readFileSync(join(server.dataDir, 'audit-log.key'), 'utf8').length).toBeGreaterThanOrEqual(32);
  });

  it('records each open (REST and websocket), each export and each change, with the right user and time', async () => {
    const before = Date.now();
    expect((await api(server.url, koordinator, 'GET', `/api/plans/${planId}`)).status).toBe(200);
    expect((await api(server.url, koordinator, 'GET', `/api/plans/${planId}/export.json`)).status).toBe(200);
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, koordinator, planId));
    await waitFor(() => provider.synced);
    provider.doc.getMap('meta').set('evaluationInterval', 'endring fra koordinator');
    // The change log catches up by itself shortly after the commit.
    await waitFor(async () => {
      const log = await server.app.samplan.accessLog.list(planId, { afterSeq: 0, limit: 1000 });
      expect(log.some((e) => e.action === 'plan.changed' && e.actorId === koordinator.id)).toBe(true);
    });
    provider.destroy();
    const after = Date.now();

    const log = await readLog(server.url, parent, planId);
    const mine = log.filter((e) => e.actor?.userId === koordinator.id && Date.parse(e.at) >= before);
    expect(mine.map((e) => e.action)).toEqual(['plan.viewed', 'plan.exported', 'plan.opened', 'plan.changed']);
    for (const entry of mine) {
      expect(entry.actor).toEqual({ userId: koordinator.id, name: 'Sofie Andersen' });
      expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(entry.at)).toBeLessThanOrEqual(after);
    }
    expect(mine[0]!.details).toEqual({ via: 'rest' });
    expect(mine[2]!.details).toEqual({ via: 'websocket', canWrite: true });
    expect(mine[3]!.details).toMatchObject({ parts: ['planinfo'], updates: 1 });
    expect(Date.parse(mine[3]!.details.from as string)).toBeGreaterThanOrEqual(before);
    // The log is shown with its verification; every entry so far verifies.
    const res = await api<{ verification: Verification }>(server.url, parent, 'GET', `/api/plans/${planId}/access-log`);
    expect(res.body.verification).toMatchObject({ ok: true, checked: log.length });
  });

  it('starts with the plan creation and the membership and consent changes, in order', async () => {
    const log = await readLog(server.url, parent, planId);
    expect(log.slice(0, 5).map((e) => [e.action, e.actor?.userId])).toEqual([
      ['plan.created', parent.id],
      // A parent who creates the plan consents to it, as this account.
      ['consent.recorded', parent.id],
      ['member.invited', parent.id],
      ['invite.accepted', koordinator.id],
      ['consent.recorded', parent.id],
    ]);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  });

  it("a koordinator reads the log from when the plan opened to them: what the family did before is the family's", async () => {
    const mother = await registerUser(server.url, 'Kari Nilsen');
    const created = await api<{ plan: { id: string } }>(server.url, mother, 'POST', '/api/plans', {
      title: 'Individuell plan for Jonas',
      childName: 'Jonas Nilsen',
      creatorRole: 'foresatt',
      demo: true,
    });
    const plan = created.body.plan.id;
    const secret = 'Før samtalen med barnevernet';
    expect((await api(server.url, mother, 'POST', `/api/plans/${plan}/versions`, { name: secret })).status).toBe(201);
    const joined = Date.now();
    const sofie = await addMember(server.url, mother, plan, 'koordinator', {
      name: 'Sofie Andersen',
      consentBy: mother,
    });
    // A change after she joined, named by the family: hers to read.
    const provider = connectProvider(server.wsUrl, plan, await collabToken(server.url, mother, plan));
    try {
      await waitFor(() => provider.synced);
      const head = await server.app.samplan.documentLog.head(plan);
      provider.doc.transact(() => addItem(provider.doc, 'goals', { title: 'Jonas går til skolen selv' }));
      await waitFor(async () => (await server.app.samplan.documentLog.head(plan)) > head);
    } finally {
      provider.destroy();
    }
    const later = 'Etter første møte';
    expect((await api(server.url, mother, 'POST', `/api/plans/${plan}/versions`, { name: later })).status).toBe(201);

    const page = await api<AccessLogPage>(server.url, sofie, 'GET', `/api/plans/${plan}/access-log`);
    expect(page.status).toBe(200);
    expect(Date.parse(page.body.from!)).toBeGreaterThanOrEqual(joined);
    expect(page.body.entries.every((entry) => Date.parse(entry.at) >= Date.parse(page.body.from!))).toBe(true);
    const named = page.body.entries.filter((entry) => entry.action === 'version.named');
    expect(named.map((entry) => entry.details.name)).toEqual([later]);
    expect(page.body.entries.some((entry) => entry.action === 'plan.created')).toBe(false);
    // The check is of the whole chain, for her as for the family.
    const family = await api<AccessLogPage>(server.url, mother, 'GET', `/api/plans/${plan}/access-log`);
    expect(family.body.from).toBeNull();
    expect(family.body.entries.filter((entry) => entry.action === 'version.named')).toHaveLength(2);
    expect(page.body.verification).toEqual(family.body.verification);
  });

  it('refuses UPDATE and DELETE on the log table (append-only)', () => {
    const db = new Database(join(server.dataDir, 'samplan.db'));
    try {
      expect(() => db.prepare("UPDATE access_log SET action = 'x' WHERE plan_id = ?").run(planId)).toThrow(
        /append-only/,
      );
      expect(() => db.prepare('DELETE FROM access_log WHERE plan_id = ?').run(planId)).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('detects an entry modified directly in SQLite, and a deleted one', async () => {
    expect((await verify()).ok).toBe(true);
    const db = new Database(join(server.dataDir, 'samplan.db'));
    try {
      // Someone with access to the database file removes the guard and rewrites who exported the plan.
      db.exec('DROP TRIGGER access_log_no_update; DROP TRIGGER access_log_no_delete;');
      const exported = db
        .prepare<[string], { seq: number }>(
          "SELECT seq FROM access_log WHERE plan_id = ? AND action = 'plan.exported' AND actor_name = 'Sofie Andersen'",
        )
        .get(planId)!;
      db.prepare("UPDATE access_log SET actor_name = 'Noen andre' WHERE plan_id = ? AND seq = ?").run(
        planId,
        exported.seq,
      );
      expect(await verify()).toMatchObject({ ok: false, firstBadSeq: exported.seq, problem: 'hash-mismatch' });

      // Recomputing that entry's hash does not help: without the key (kept outside the database) the hash that
      // anyone can compute does not match, and the next entry still holds the old one.
      const row = db
        .prepare<
          [string, number],
          {
            seq: number;
            at: number;
            actor_id: string;
            action: string;
            details: string;
            prev_hash: string;
            hash: string;
          }
        >('SELECT * FROM access_log WHERE plan_id = ? AND seq = ?')
        .get(planId, exported.seq)!;
      const forged = unkeyedEntryHash({
        planId,
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id,
        actorName: 'Noen andre',
        action: row.action,
        details: row.details,
        prevHash: row.prev_hash,
      });
      db.prepare('UPDATE access_log SET hash = ? WHERE plan_id = ? AND seq = ?').run(forged, planId, exported.seq);
      expect(await verify()).toMatchObject({ ok: false, firstBadSeq: exported.seq, problem: 'hash-mismatch' });

      db.prepare("UPDATE access_log SET actor_name = 'Sofie Andersen', hash = ? WHERE plan_id = ? AND seq = ?").run(
        row.hash,
        planId,
        exported.seq,
      );
      expect((await verify()).ok).toBe(true);
      db.prepare('DELETE FROM access_log WHERE plan_id = ? AND seq = ?').run(planId, 2);
      expect(await verify()).toMatchObject({ ok: false, firstBadSeq: 3, problem: 'seq-gap' });
      const res = await api<{ verification: Verification }>(
        server.url,
        parent,
        'GET',
        `/api/plans/${planId}/access-log`,
      );
      expect(res.body.verification.ok).toBe(false);
    } finally {
      db.close();
    }
  });
});

describe('a koordinator’s innsynslogg, with the change log written at its usual delay', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(); // CHANGE_LOG_DELAY_MS at its default: written when the log is read
  });
  afterAll(() => server.close());

  it('leaves out the family’s edits from before they joined, though their entry is written after (from the review)', async () => {
    const mother = await registerUser(server.url, 'Kari Nilsen');
    const created = await api<{ plan: { id: string } }>(server.url, mother, 'POST', '/api/plans', {
      title: 'Individuell plan for Jonas',
      childName: 'Jonas Nilsen',
      creatorRole: 'foresatt',
    });
    const plan = created.body.plan.id;
    const provider = connectProvider(server.wsUrl, plan, await collabToken(server.url, mother, plan));
    try {
      await waitFor(() => provider.synced);
      const head = await server.app.samplan.documentLog.head(plan);
      provider.doc.transact(() => addItem(provider.doc, 'goals', { title: 'Før koordinatoren kom' }));
      await waitFor(async () => (await server.app.samplan.documentLog.head(plan)) > head);
      // The plan stays open (closing it would write the change log now): its entry is written when she reads.
      const sofie = await addMember(server.url, mother, plan, 'koordinator', {
        name: 'Sofie Andersen',
        consentBy: mother,
      });
      const page = await api<AccessLogPage>(server.url, sofie, 'GET', `/api/plans/${plan}/access-log`);
      expect(page.status).toBe(200);
      expect(page.body.entries.filter((entry) => entry.action === 'plan.changed')).toEqual([]);
    } finally {
      provider.destroy();
    }
    // The family sees it, written as the log was read.
    const family = await api<AccessLogPage>(server.url, mother, 'GET', `/api/plans/${plan}/access-log`);
    expect(family.body.entries.filter((entry) => entry.action === 'plan.changed')).toHaveLength(1);
  });
});
