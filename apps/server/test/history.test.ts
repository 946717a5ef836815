import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canWritePart,
  type AccessLogEntry,
  type ChangeList,
  type ConsentInfo,
  type DeletionList,
  type Restored,
  type VersionExport,
  type VersionList,
} from '@samplan/api';
import {
  addItem,
  getPlanRichText,
  listItemIds,
  planToJSON,
  removeItem,
  updateItem,
  writeRichText,
  type PlanJSON,
  type PlanPart,
} from '@samplan/plan-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addMember, consentFor, readLog } from './support/family.ts';
import {
  api,
  collabToken,
  connectProvider,
  createFamilyPlan,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { freshPostgresSchema, POSTGRES_URL } from './support/postgresSchema.ts';
import { waitFor } from './support/waitFor.ts';

// The child's links in measures stay (they dangle, and the plan drops them): the child does not write measures.
const asChild = { mayWrite: (part: PlanPart) => canWritePart('barn', part) };

async function synced(server: TestServer, user: TestUser, planId: string): Promise<WebsocketProvider> {
  const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
  await waitFor(() => provider.synced);
  return provider;
}

const exportOf = async (server: TestServer, user: TestUser, planId: string): Promise<PlanJSON> => {
  const res = await api<{ content: PlanJSON }>(server.url, user, 'GET', `/api/plans/${planId}/export.json`);
  expect(res.status).toBe(200);
  return res.body.content;
};

describe('history: nothing a member does can lose the plan', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-history-'));
  let server: TestServer;
  let parent: TestUser;
  let member: TestUser;
  let reader: TestUser;
  let planId: string;
  const providers: WebsocketProvider[] = [];

  beforeAll(async () => {
    server = await startTestServer({}, dataDir);
    parent = await registerUser(server.url, 'Kari Nilsen');
    const created = await api<{ plan: { id: string } }>(server.url, parent, 'POST', '/api/plans', {
      title: 'Individuell plan',
      childName: 'Emma Nilsen',
      creatorRole: 'foresatt',
      demo: true,
    });
    planId = created.body.plan.id;
    // The child writes goals and about themselves, but may not restore the whole plan or name versions.
    member = await addMember(server.url, parent, planId, 'barn', { name: 'Emma Nilsen' });
    reader = await addMember(server.url, parent, planId, 'lesetilgang', { name: 'Lise Les', consentBy: parent });
  });

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('restores the version before a wipe exactly, live, and it stays so after a restart', async () => {
    const live = await synced(server, parent, planId);
    providers.push(live);
    const before = planToJSON(live.doc);
    expect(before.goals).toHaveLength(5);

    // A second member deletes every goal and empties the family's text, by mistake or on purpose.
    const wiper = await synced(server, member, planId);
    providers.push(wiper);
    wiper.doc.transact(() => {
      for (const id of listItemIds(wiper.doc, 'goals')) removeItem(wiper.doc, 'goals', id, asChild);
    });
    writeRichText(getPlanRichText(wiper.doc, 'about.child'), '');
    writeRichText(getPlanRichText(wiper.doc, 'about.family'), '');
    await waitFor(
      () => planToJSON(live.doc).goals.length === 0 && planToJSON(live.doc).about.family.content.length === 0,
    );

    const list = await api<VersionList>(server.url, parent, 'GET', `/api/plans/${planId}/versions`);
    expect(list.status).toBe(200);
    const [wipe, ...earlier] = list.body.versions;
    expect(wipe!.authors.map((a) => a.name)).toEqual(['Emma Nilsen']);
    expect(wipe!.parts).toEqual(['omBarnet', 'maal']);
    // It names what it removed: the three hovedmål (their delmål went with them).
    expect(wipe!.removedCount).toBe(3);
    expect(wipe!.removed.map((r) => r.title).sort()).toEqual(
      before.goals
        .filter((g) => g.parentId === null)
        .map((g) => g.title)
        .sort(),
    );
    const versionBefore = earlier[0]!;
    expect(versionBefore.seq).toBe(wipe!.fromSeq - 1);

    // The version before exports as it was.
    const old = await api<VersionExport>(
      server.url,
      reader,
      'GET',
      `/api/plans/${planId}/versions/${versionBefore.seq}/export.json`,
    );
    expect(old.status).toBe(200);
    expect(old.body.content).toEqual(before);

    // What changed since then, and by whom.
    const changes = await api<ChangeList>(
      server.url,
      parent,
      'GET',
      `/api/plans/${planId}/changes?from=${versionBefore.seq}`,
    );
    const removedGoals = changes.body.changes.filter((c) => c.collection === 'goals' && c.kind === 'removed');
    expect(removedGoals.map((c) => c.itemId).sort()).toEqual(before.goals.map((g) => g.id).sort());
    expect(removedGoals.every((c) => c.by.length === 1 && c.by[0]!.name === 'Emma Nilsen')).toBe(true);
    expect(changes.body.changes).toContainEqual(
      expect.objectContaining({ part: 'omBarnet', kind: 'changed', field: 'about.family' }),
    );
    // An evaluation whose goal went is not "changed": nobody edited it (its targetMissing is derived).
    expect(changes.body.changes.filter((c) => c.collection === 'evaluations')).toEqual([]);
    const removed = await api<DeletionList>(server.url, reader, 'GET', `/api/plans/${planId}/deletions`);
    expect(removed.body.deletions.filter((d) => d.collection === 'goals')).toHaveLength(5);
    expect(removed.body.deletions[0]!.by?.name).toBe('Emma Nilsen');

    // The deltaker may not turn the whole plan back; the family may.
    expect(
      (await api(server.url, member, 'POST', `/api/plans/${planId}/restore`, { toSeq: versionBefore.seq })).status,
    ).toBe(403);
    const restored = await api<Restored>(server.url, parent, 'POST', `/api/plans/${planId}/restore`, {
      toSeq: versionBefore.seq,
    });
    expect(restored.status).toBe(200);
    expect(restored.body.seq).toBeGreaterThan(wipe!.seq);

    // Live peers see it without reloading, the wiper included; the server has it too.
    await waitFor(() => expect(planToJSON(live.doc)).toEqual(before));
    await waitFor(() => expect(planToJSON(wiper.doc)).toEqual(before));
    expect(await exportOf(server, parent, planId)).toEqual(before);

    // The restore is the newest version, by the parent, and history before it is as it was.
    const after = await api<VersionList>(server.url, parent, 'GET', `/api/plans/${planId}/versions`);
    expect(after.body.versions[0]).toMatchObject({ kind: 'restore', seq: restored.body.seq });
    expect(after.body.versions[0]!.authors.map((a) => a.name)).toEqual(['Kari Nilsen']);
    expect(after.body.versions.slice(1).map((v) => v.seq)).toEqual(list.body.versions.map((v) => v.seq));
    const log = await readLog(server.url, parent, planId);
    expect(log.find((e: AccessLogEntry) => e.action === 'plan.restored')).toMatchObject({
      actor: { userId: parent.id },
      details: { toSeq: versionBefore.seq, scope: 'plan', seq: restored.body.seq },
    });
    expect(log.filter((e) => e.action === 'version.viewed')).toHaveLength(1);

    for (const provider of providers.splice(0)) provider.destroy();
    await server.close();
    server = await startTestServer({}, dataDir);
    expect(await exportOf(server, parent, planId)).toEqual(before);
  });

  it('brings back one deleted goal for whoever may edit goals, with its delmål and links', async () => {
    const before = await exportOf(server, parent, planId);
    const goal = before.goals.find((g) => g.parentId === null && before.goals.some((d) => d.parentId === g.id))!;
    const peer = await synced(server, member, planId);
    providers.push(peer);
    peer.doc.transact(() => removeItem(peer.doc, 'goals', goal.id, asChild));
    await waitFor(async () => (await exportOf(server, parent, planId)).goals.every((g) => g.id !== goal.id));
    const { body } = await api<DeletionList>(server.url, member, 'GET', `/api/plans/${planId}/deletions`);
    const deletion = body.deletions.find((d) => d.itemId === goal.id)!;
    expect(deletion).toMatchObject({ collection: 'goals', title: goal.title, by: { name: 'Emma Nilsen' } });

    const item = { toSeq: deletion.seq - 1, collection: 'goals', itemId: goal.id };
    expect((await api(server.url, reader, 'POST', `/api/plans/${planId}/restore`, item)).status).toBe(403);
    const restored = await api<Restored>(server.url, member, 'POST', `/api/plans/${planId}/restore`, item);
    expect(restored.status).toBe(200);
    await waitFor(() => expect(planToJSON(peer.doc)).toEqual(before));
    // Restoring what is already there changes nothing and commits nothing.
    const again = await api<Restored>(server.url, member, 'POST', `/api/plans/${planId}/restore`, item);
    expect(again.body.seq).toBeNull();
    // The history says the removal was brought back; the list of removed items has it no more.
    const list = await api<VersionList>(server.url, parent, 'GET', `/api/plans/${planId}/versions`);
    const removedIn = list.body.versions.find((v) => v.fromSeq <= deletion.seq && deletion.seq <= v.seq)!;
    expect(removedIn.removed).toEqual([{ collection: 'goals', itemId: goal.id, title: goal.title, back: true }]);
    const after = await api<DeletionList>(server.url, member, 'GET', `/api/plans/${planId}/deletions`);
    expect(after.body.deletions.some((d) => d.itemId === goal.id)).toBe(false);
  });

  it('logs reading the removed items and the named versions, once per look; asking who removed what one saw, not', async () => {
    const peer = await synced(server, parent, planId);
    providers.push(peer);
    const measure = planToJSON(peer.doc).measures.at(-1)!;
    const log = server.app.samplan.documentLog;
    const head = await log.head(planId);
    peer.doc.transact(() => removeItem(peer.doc, 'measures', measure.id));
    await waitFor(async () => (await log.head(planId)) > head);
    const reads = async () =>
      (await readLog(server.url, parent, planId)).filter(
        (e) => e.action === 'history.viewed' && e.actor?.userId === reader.id,
      );
    const before = (await reads()).length;

    // Who removed the item the reader saw go: only that item, and no read of the history.
    const asked = await api<DeletionList>(
      server.url,
      reader,
      'GET',
      `/api/plans/${planId}/deletions?items=${encodeURIComponent(`measures:${measure.id},goals:ingen-slik`)}`,
    );
    expect(asked.status).toBe(200);
    expect(asked.body.deletions.map((d) => [d.itemId, d.title])).toEqual([[measure.id, measure.title]]);
    expect(await reads()).toHaveLength(before);

    // Every removal, from as far back as they reach: logged, and a look at the versions just after is the same look.
    const all = await api<DeletionList>(
      server.url,
      reader,
      'GET',
      `/api/plans/${planId}/deletions?since=1970-01-01T00:00:00.000Z`,
    );
    expect(all.body.deletions.some((d) => d.itemId === measure.id)).toBe(true);
    expect(await reads()).toHaveLength(before + 1);
    expect((await reads()).at(-1)?.details).toMatchObject({ deletions: all.body.deletions.length });
    const list = await api<VersionList>(server.url, reader, 'GET', `/api/plans/${planId}/versions?limit=50`);
    expect(list.body.versions.some((v) => v.removed.some((r) => r.itemId === measure.id))).toBe(true);
    expect(await reads()).toHaveLength(before + 1);

    // Malformed questions are refused.
    for (const items of ['', 'measures', 'a:b:c', Array.from({ length: 51 }, (_, i) => `goals:g${i}`).join(',')]) {
      const res = await api(
        server.url,
        reader,
        'GET',
        `/api/plans/${planId}/deletions?items=${encodeURIComponent(items)}`,
      );
      expect(res.status, items).toBe(400);
    }
  });

  it('logs reading what changed between versions, as opening a version is: who, and which versions', async () => {
    const res = await api<{ from: number; to: number }>(
      server.url,
      reader,
      'GET',
      `/api/plans/${planId}/changes?from=1`,
    );
    expect(res.status).toBe(200);
    const log = await readLog(server.url, parent, planId);
    const compared = log.filter((e) => e.action === 'version.compared').at(-1);
    expect(compared).toMatchObject({ actor: { userId: reader.id }, details: { from: 1, to: res.body.to } });
    // Not from where they last left the plan (they never stayed): not «endret siden sist», so shown on the log page.
    expect(compared?.details.sinceLastVisit).toBeUndefined();
  });

  it('a removal undone at once is no removal: the history does not say it was deleted', async () => {
    const peer = await synced(server, parent, planId);
    providers.push(peer);
    const undo = new Y.UndoManager(peer.doc, { trackedOrigins: new Set(['kari']) });
    const measure = planToJSON(peer.doc).measures[0]!;
    const log = server.app.samplan.documentLog;
    const head = await log.head(planId);
    peer.doc.transact(() => removeItem(peer.doc, 'measures', measure.id), 'kari');
    await waitFor(async () => (await log.head(planId)) > head);
    undo.undo();
    await waitFor(async () => (await exportOf(server, parent, planId)).measures.some((m) => m.id === measure.id));
    const list = await api<VersionList>(server.url, parent, 'GET', `/api/plans/${planId}/versions`);
    expect(list.body.versions[0]!.authors.map((a) => a.name)).toEqual(['Kari Nilsen']);
    expect(list.body.versions.flatMap((v) => v.removed).some((r) => r.itemId === measure.id)).toBe(false);
    const deletions = await api<DeletionList>(server.url, parent, 'GET', `/api/plans/${planId}/deletions`);
    expect(deletions.body.deletions.some((d) => d.itemId === measure.id)).toBe(false);
    undo.destroy();
  });

  it('names the plan as it is now, for the family and the koordinator only', async () => {
    const path = `/api/plans/${planId}/versions`;
    expect((await api(server.url, member, 'POST', path, { name: 'Mitt navn' })).status).toBe(403);
    const named = await api<{ version: { seq: number } }>(server.url, parent, 'POST', path, {
      name: 'Vedtatt i ansvarsgruppemøtet',
    });
    expect(named.status).toBe(201);
    // Named again, it is renamed; both names are in the innsynslogg.
    const again = await api<{ version: { seq: number } }>(server.url, parent, 'POST', path, {
      name: 'Vedtatt i ansvarsgruppemøtet 12. mars',
    });
    expect(again.status).toBe(201);
    expect(again.body.version.seq).toBe(named.body.version.seq);
    const namings = (await readLog(server.url, parent, planId)).filter((e) => e.action === 'version.named');
    expect(namings.slice(-2).map((e) => e.details.name)).toEqual([
      'Vedtatt i ansvarsgruppemøtet',
      'Vedtatt i ansvarsgruppemøtet 12. mars',
    ]);
    const list = await api<VersionList>(server.url, reader, 'GET', path);
    expect(list.body.versions[0]).toMatchObject({
      seq: named.body.version.seq,
      name: 'Vedtatt i ansvarsgruppemøtet 12. mars',
      nameKind: 'manual',
    });
  });

  it('shows someone who joins later the plan from when they joined, not what the family deleted before', async () => {
    const head = await server.app.samplan.documentLog.head(planId);
    const late = await addMember(server.url, parent, planId, 'deltaker', { name: 'Nina Ny', consentBy: parent });
    const list = await api<VersionList>(server.url, late, 'GET', `/api/plans/${planId}/versions`);
    expect(list.body.firstSeq).toBe(head);
    expect(list.body.versions.every((v) => v.seq >= head)).toBe(true);
    expect(list.body.versions.length).toBeGreaterThan(0);
    // The family sees it all.
    expect((await api<VersionList>(server.url, parent, 'GET', `/api/plans/${planId}/versions`)).body.firstSeq).toBe(1);
    for (const path of [`versions/1/export.json`, `changes?from=1`]) {
      const res = await api<{ error: { code: string } }>(server.url, late, 'GET', `/api/plans/${planId}/${path}`);
      expect([res.status, res.body.error.code], path).toEqual([404, 'VERSION_NOT_FOUND']);
    }
    expect((await api(server.url, late, 'GET', `/api/plans/${planId}/versions/${head}/export.json`)).status).toBe(200);
    const removed = await api<DeletionList>(server.url, late, 'GET', `/api/plans/${planId}/deletions`);
    expect(removed.body.deletions).toEqual([]);
  });

  it('refuses what is not there and what is malformed, with stable codes', async () => {
    const stranger = await registerUser(server.url, 'Fremmed');
    expect((await api(server.url, stranger, 'GET', `/api/plans/${planId}/versions`)).status).toBe(404);
    const missing = await api<{ error: { code: string } }>(
      server.url,
      parent,
      'GET',
      `/api/plans/${planId}/versions/999999/export.json`,
    );
    expect([missing.status, missing.body.error.code]).toEqual([404, 'VERSION_NOT_FOUND']);
    const notThen = await api<{ error: { code: string } }>(server.url, parent, 'POST', `/api/plans/${planId}/restore`, {
      toSeq: 1,
      collection: 'goals',
      itemId: 'never-existed',
    });
    expect([notThen.status, notThen.body.error.code]).toEqual([404, 'ITEM_NOT_IN_VERSION']);
    for (const body of [
      { toSeq: -1 },
      { toSeq: 0 },
      { toSeq: 1, collection: 'goals' },
      { toSeq: 1, part: 'annet' },
      { toSeq: 1, part: 'maal', collection: 'goals', itemId: 'x' },
      { toSeq: 1, extra: true },
    ]) {
      expect(
        (await api(server.url, parent, 'POST', `/api/plans/${planId}/restore`, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect((await api(server.url, parent, 'GET', `/api/plans/${planId}/changes?from=5&to=2`)).status).toBe(400);
    const beyond = await api<{ error: { code: string } }>(
      server.url,
      parent,
      'GET',
      `/api/plans/${planId}/changes?from=1&to=999999`,
    );
    expect([beyond.status, beyond.body.error.code]).toEqual([404, 'VERSION_NOT_FOUND']);
    // Nothing of it changed the plan.
    const doc = new Y.Doc();
    expect((await exportOf(server, parent, planId)).goals).toHaveLength(5);
    doc.destroy();
  });
});

describe.each(['SQLite', 'PostgreSQL'])(
  'history on %s: someone who joins later reads nothing of what came before',
  (store) => {
    const SECRET = 'Hemmelig: rusbehandling for mor';
    const dataDir = mkdtempSync(join(tmpdir(), 'samplan-history-late-'));
    let server: TestServer;
    let parent: TestUser;

    /** One committed edit; resolves with its seq. */
    async function edit(planId: string, doc: Y.Doc, change: () => void): Promise<number> {
      const log = server.app.samplan.documentLog;
      const before = await log.head(planId);
      doc.transact(change);
      await waitFor(async () => (await log.head(planId)) > before);
      return log.head(planId);
    }

    /** A family plan where the parent writes a goal and deletes it, all in one version. */
    async function planWithDeletedGoal(): Promise<{ planId: string; provider: WebsocketProvider }> {
      const planId = await createFamilyPlan(server.url, parent);
      const provider = await synced(server, parent, planId);
      let id = '';
      await edit(planId, provider.doc, () => (id = addItem(provider.doc, 'goals', { title: SECRET })));
      await edit(planId, provider.doc, () => removeItem(provider.doc, 'goals', id));
      return { planId, provider };
    }

    const read = async <T>(user: TestUser, planId: string, path: string): Promise<T> => {
      const res = await api<T>(server.url, user, 'GET', `/api/plans/${planId}/${path}`);
      expect(res.status, path).toBe(200);
      return res.body;
    };

    let schema: Awaited<ReturnType<typeof freshPostgresSchema>> | undefined;

    beforeAll(async () => {
      let env = {};
      if (store === 'PostgreSQL') {
        schema = await freshPostgresSchema();
        const url = `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
        env = { DATABASE_URL: url, AUDIT_LOG_KEY: 'en-lang-nøkkel-for-innsynsloggen-i-testene-0123456789' };
      }
      server = await startTestServer(env, dataDir);
      parent = await registerUser(server.url, 'Kari Nilsen');
    });

    afterAll(async () => {
      await server.close();
      await schema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('does not list a removal that was the last update before they joined', async () => {
      const { planId, provider } = await planWithDeletedGoal();
      provider.destroy();
      const late = await addMember(server.url, parent, planId, 'deltaker', { name: 'Nina Ny', consentBy: parent });
      const { deletions } = await read<DeletionList>(late, planId, 'deletions');
      expect(deletions.map((d) => d.title)).not.toContain(SECRET);
      // The family still sees it.
      expect((await read<DeletionList>(parent, planId, 'deletions')).deletions.map((d) => d.title)).toContain(SECRET);
    });

    it('does not show them the name the family gave the plan as it was before they joined', async () => {
      const { planId, provider } = await planWithDeletedGoal();
      provider.destroy();
      const path = `/api/plans/${planId}/versions`;
      const secretName = 'Før vi fortalte skolen om diagnosen';
      expect((await api(server.url, parent, 'POST', path, { name: secretName })).status).toBe(201);
      const late = await addMember(server.url, parent, planId, 'koordinator', { name: 'Kim Ny', consentBy: parent });
      const theirs = await read<VersionList>(late, planId, 'versions');
      expect(theirs.versions.map((v) => v.name)).not.toContain(secretName);
      expect((await read<VersionList>(parent, planId, 'versions')).versions.map((v) => v.name)).toContain(secretName);
    });

    it('shows a version that ended before they joined as the plan then: no authors, parts or removals', async () => {
      const { planId, provider } = await planWithDeletedGoal();
      await edit(planId, provider.doc, () => addItem(provider.doc, 'goals', { title: 'Gå selv til skolen' }));
      provider.destroy();
      const late = await addMember(server.url, parent, planId, 'lesetilgang', { name: 'Lise Les', consentBy: parent });
      const list = await read<VersionList>(late, planId, 'versions');
      expect(list.versions.flatMap((v) => v.removed.map((r) => r.title))).not.toContain(SECRET);
      expect(list.versions.every((v) => v.fromSeq >= list.firstSeq)).toBe(true);
      expect(list.versions[0]).toMatchObject({ seq: list.firstSeq, fromSeq: list.firstSeq, authors: [], parts: [] });
      expect(list.versions[0]!.removedCount).toBe(0);
      // The family sees the version whole.
      const whole = (await read<VersionList>(parent, planId, 'versions')).versions[0]!;
      expect(whole.removed.map((r) => r.title)).toContain(SECRET);
      expect(whole.fromSeq).toBeLessThan(list.firstSeq);
    });

    it('cuts a version they joined in the middle of to the updates after they joined', async () => {
      const { planId, provider } = await planWithDeletedGoal();
      const late = await addMember(server.url, parent, planId, 'deltaker', { name: 'Dina Del', consentBy: parent });
      // The parent goes on in the same version, in another part.
      const after = await edit(planId, provider.doc, () => addItem(provider.doc, 'measures', { title: 'Leksehjelp' }));
      provider.destroy();
      const list = await read<VersionList>(late, planId, 'versions');
      const family = (await read<VersionList>(parent, planId, 'versions')).versions[0]!;
      expect(family.parts).toEqual(['maal', 'tiltak']);
      expect(family.seq).toBe(after);
      const [version] = list.versions;
      expect(version).toMatchObject({
        seq: after,
        fromSeq: list.firstSeq + 1,
        parts: ['tiltak'],
        authors: [{ id: parent.id, parts: ['tiltak'] }],
        removed: [],
        removedCount: 0,
      });
      expect(list.versions).toHaveLength(1);
      // What changed since they joined is theirs; the plan before it is not.
      const changes = await read<ChangeList>(late, planId, `changes?from=${list.firstSeq}`);
      expect(changes.changes.map((c) => c.part)).toEqual(['tiltak']);
      const before = await api(
        server.url,
        late,
        'GET',
        `/api/plans/${planId}/versions/${list.firstSeq - 1}/export.json`,
      );
      expect(before.status).toBe(404);
    });

    it('shows a koordinator who made the plan its history from the start', async () => {
      const koordinator = await registerUser(server.url, 'Kåre Koordinator');
      const made = await api<{ plan: { id: string } }>(server.url, koordinator, 'POST', '/api/plans', {
        title: 'Individuell plan',
        childName: 'Emma Nilsen',
        creatorRole: 'koordinator',
      });
      const list = await read<VersionList>(koordinator, made.body.plan.id, 'versions');
      expect(list.firstSeq).toBe(1);
      expect(list.versions.at(-1)).toMatchObject({ fromSeq: 1, authors: [{ id: koordinator.id }] });
    });

    describe('nor of what the family wrote while they were shut out (consent withdrawn, or not yet given)', () => {
      const GAP = 'Skrevet mens koordinatoren var stengt ute';

      /** The parent writes a goal and removes it again; resolves with the seq that wrote it. */
      async function writtenAndRemoved(planId: string): Promise<number> {
        const provider = await synced(server, parent, planId);
        let id = '';
        const writtenAt = await edit(planId, provider.doc, () => (id = addItem(provider.doc, 'goals', { title: GAP })));
        await edit(planId, provider.doc, () => removeItem(provider.doc, 'goals', id));
        provider.destroy();
        return writtenAt;
      }

      /** What `member` can find of the gap: none of it, and restoring to it (for a koordinator) is refused. */
      async function expectNothingOfGap(member: TestUser, planId: string, writtenAt: number, restores = true) {
        const list = await read<VersionList>(member, planId, 'versions');
        expect(list.firstSeq).toBeGreaterThan(writtenAt);
        expect(list.versions.flatMap((v) => v.removed.map((r) => r.title))).not.toContain(GAP);
        expect(list.versions.every((v) => v.fromSeq > writtenAt)).toBe(true);
        expect((await read<DeletionList>(member, planId, 'deletions')).deletions.map((d) => d.title)).not.toContain(
          GAP,
        );
        const old = await api<{ error: { code: string } }>(
          server.url,
          member,
          'GET',
          `/api/plans/${planId}/versions/${writtenAt}/export.json`,
        );
        expect([old.status, old.body.error.code]).toEqual([404, 'VERSION_NOT_FOUND']);
        const restore = await api(server.url, member, 'POST', `/api/plans/${planId}/restore`, { toSeq: writtenAt });
        expect(restore.status).toBe(restores ? 404 : 403);
        // The family sees it all.
        const family = await read<{ content: PlanJSON }>(parent, planId, `versions/${writtenAt}/export.json`);
        expect(family.content.goals.map((g) => g.title)).toContain(GAP);
      }

      it('after their sharing consent was withdrawn and given again (even dated before)', async () => {
        const planId = await createFamilyPlan(server.url, parent);
        const koordinator = await addMember(server.url, parent, planId, 'koordinator', { name: 'Kåre K' });
        const consentId = await consentFor(server.url, parent, planId, koordinator.id);
        const givenBefore = new Date().toISOString();
        const withdraw = `/api/plans/${planId}/consents/${consentId}/withdraw`;
        expect((await api(server.url, parent, 'POST', withdraw, {})).status).toBe(200);
        expect((await api(server.url, koordinator, 'GET', `/api/plans/${planId}`)).status).toBe(403);
        const writtenAt = await writtenAndRemoved(planId);
        const again = await api(server.url, parent, 'POST', `/api/plans/${planId}/consents`, {
          kind: 'sharing',
          subjectUserId: koordinator.id,
          givenBy: 'Kari Nilsen (mor)',
          givenAt: givenBefore,
          note: 'Gitt på papir',
        });
        expect(again.status).toBe(201);
        await expectNothingOfGap(koordinator, planId, writtenAt);
      });

      it('before their first consent was given', async () => {
        const planId = await createFamilyPlan(server.url, parent);
        const deltaker = await addMember(server.url, parent, planId, 'deltaker', { name: 'Didrik D' });
        const writtenAt = await writtenAndRemoved(planId);
        await consentFor(server.url, parent, planId, deltaker.id);
        await expectNothingOfGap(deltaker, planId, writtenAt, false);
      });

      it('after the consent to the plan itself was withdrawn and given again', async () => {
        const planId = await createFamilyPlan(server.url, parent);
        const koordinator = await addMember(server.url, parent, planId, 'koordinator', {
          name: 'Kåre K',
          consentBy: parent,
        });
        const { consents } = await read<{ consents: ConsentInfo[] }>(parent, planId, 'consents');
        const planConsent = consents.find((c) => c.kind === 'plan' && c.active)!;
        const withdraw = `/api/plans/${planId}/consents/${planConsent.id}/withdraw`;
        expect((await api(server.url, parent, 'POST', withdraw, {})).status).toBe(200);
        expect((await api(server.url, koordinator, 'GET', `/api/plans/${planId}`)).status).toBe(403);
        const writtenAt = await writtenAndRemoved(planId);
        const again = await api(server.url, parent, 'POST', `/api/plans/${planId}/consents`, {
          kind: 'plan',
          givenBy: 'Kari Nilsen (mor)',
          note: 'Gitt igjen',
        });
        expect(again.status).toBe(201);
        expect((await api(server.url, koordinator, 'GET', `/api/plans/${planId}`)).status).toBe(200);
        await expectNothingOfGap(koordinator, planId, writtenAt);
      });

      it('but keeps what they could read while the consent covered them without a break', async () => {
        const planId = await createFamilyPlan(server.url, parent);
        const koordinator = await addMember(server.url, parent, planId, 'koordinator', { name: 'Kåre K' });
        const first = await consentFor(server.url, parent, planId, koordinator.id);
        const joined = (await read<VersionList>(koordinator, planId, 'versions')).firstSeq;
        const writtenAt = await writtenAndRemoved(planId);
        // A second consent, then the first withdrawn: covered all along.
        await consentFor(server.url, parent, planId, koordinator.id);
        const withdraw = `/api/plans/${planId}/consents/${first}/withdraw`;
        expect((await api(server.url, parent, 'POST', withdraw, {})).status).toBe(200);
        const list = await read<VersionList>(koordinator, planId, 'versions');
        expect(list.firstSeq).toBe(joined);
        expect(list.versions.flatMap((v) => v.removed.map((r) => r.title))).toContain(GAP);
        const then = await read<{ content: PlanJSON }>(koordinator, planId, `versions/${writtenAt}/export.json`);
        expect(then.content.goals.map((g) => g.title)).toContain(GAP);
      });
    });
  },
);

describe('a visit is a stay, not a glance', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ VISIT_MIN_SECONDS: '1' });
  });
  afterAll(() => server.close());

  it('records where someone left the plan only when they stayed VISIT_MIN_SECONDS, so «endret siden sist» waits', async () => {
    const parent = await registerUser(server.url, 'Kari Nilsen');
    const planId = await createFamilyPlan(server.url, parent);
    const lastVisit = async () =>
      (await api<VersionList>(server.url, parent, 'GET', `/api/plans/${planId}/versions`)).body.lastVisit;
    const rooms = server.app.samplan.rooms['rooms'] as Map<string, unknown>;

    // A glance: in and out at once. Nothing is recorded (the room closes when she leaves).
    const glance = await synced(server, parent, planId);
    glance.destroy();
    await waitFor(() => !rooms.has(planId));
    expect(await lastVisit()).toBeNull();

    // A stay of a second and more: where she left is her last visit.
    const stay = await synced(server, parent, planId);
    const joined = Date.now();
    await waitFor(() => Date.now() - joined > 1100, { timeout: 5000 });
    stay.destroy();
    await waitFor(async () => (await lastVisit()) !== null);
  });
});

describe('cutting the version a later member joined in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  /** `count` updates by `userId` to one goal's title, each its own log entry, straight to the log. */
  async function typeInto(planId: string, userId: string, count: number): Promise<void> {
    const log = server.app.samplan.documentLog;
    const doc = await log.currentDoc(planId);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const id = addItem(doc, 'goals', { title: 'Mål' });
    for (let i = 0; i < count; i += 1) updateItem(doc, 'goals', id, { title: `Mål ${i}` });
    doc.destroy();
    for (let i = 0; i < updates.length; i += 500) {
      await log.append(
        planId,
        updates.slice(i, i + 500).map((update) => ({ update, userId })),
      );
    }
  }

  it('replays it once for many readers at once, answers them all, and not again after each new update', async () => {
    const parent = await registerUser(server.url, 'Kari Nilsen');
    const planId = await createFamilyPlan(server.url, parent);
    await typeInto(planId, parent.id, 1000);
    const reader = await addMember(server.url, parent, planId, 'lesetilgang', { consentBy: parent });
    await waitFor(async () => (await server.app.samplan.documentLog.head(planId)) > 0);
    // Joined in the middle of the parent's typing: the same version goes on after the join.
    const joinedAt = Date.now();
    await waitFor(() => Date.now() > joinedAt + 5);
    await typeInto(planId, parent.id, 1000);
    const log = server.app.samplan.documentLog;
    const docAt = log.docAt.bind(log);
    let replays = 0;
    log.docAt = (id: string, seq: number) => {
      replays += 1;
      return docAt(id, seq);
    };
    const versions = () => api<VersionList>(server.url, reader, 'GET', `/api/plans/${planId}/versions`);
    // Six at once before anything is cut: all answered (a list read waits for the replay, it is not refused), one
    // replay between them.
    const firsts = await Promise.all(Array.from({ length: 6 }, versions));
    expect(firsts.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    expect(firsts[0]!.body.versions.at(-1)!.fromSeq).toBeGreaterThan(1000);
    expect(replays).toBe(1);
    // More updates to the same version, and twenty readers at once.
    await typeInto(planId, parent.id, 5);
    const answers = await Promise.all(Array.from({ length: 20 }, versions));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(replays).toBe(1);
  });
});
