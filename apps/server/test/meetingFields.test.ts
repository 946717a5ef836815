import type { VersionList } from '@samplan/api';
import { addItem, getCollection, updateItem, type PlanJSON } from '@samplan/plan-model';
import { CloseCode } from '@samplan/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { addMember, firstClose } from './support/family.ts';
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
import { waitFor } from './support/waitFor.ts';

// A meeting's time, place, video link and who came travel over the websocket like every other field, and the
// server's update check keeps a time that is not a time, and a link that is not https, out of the plan.
describe('meetings over the websocket', () => {
  let server: TestServer;
  let mother: TestUser;
  let coordinator: TestUser;
  let planId: string;
  let meetingId: string;
  const providers: WebsocketProvider[] = [];

  const open = async (user: TestUser): Promise<WebsocketProvider> => {
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    providers.push(provider);
    await waitFor(() => provider.synced);
    return provider;
  };
  const exported = async (): Promise<PlanJSON> =>
    (await api<{ content: PlanJSON }>(server.url, mother, 'GET', `/api/plans/${planId}/export.json`)).body.content;

  beforeAll(async () => {
    server = await startTestServer();
    mother = await registerUser(server.url, 'Kari Nilsen');
    planId = await createFamilyPlan(server.url, mother);
    coordinator = await addMember(server.url, mother, planId, 'koordinator', {
      name: 'Sofie Andersen',
      consentBy: mother,
    });
  });

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server.close();
  });

  it('keeps the time, place, video link and who came that the koordinator writes', async () => {
    const sofie = await open(coordinator);
    const doc = sofie.doc;
    const kari = addItem(doc, 'participants', { name: 'Kari Nilsen' });
    const lise = addItem(doc, 'participants', { name: 'Lise Berg' });
    meetingId = addItem(doc, 'meetings', {
      title: 'Ansvarsgruppemøte',
      date: '2026-12-03',
      time: '13:30',
      place: 'Solbakken skole, møterom 2',
      videoLink: 'https://meet.example.no/emma',
      participantIds: [kari, lise],
    });
    updateItem(doc, 'meetings', meetingId, { presentIds: [kari] });
    await waitFor(async () => (await exported()).meetings.length === 1);
    expect((await exported()).meetings[0]).toMatchObject({
      time: '13:30',
      place: 'Solbakken skole, møterom 2',
      videoLink: 'https://meet.example.no/emma',
      participantIds: [kari, lise],
      presentIds: [kari],
    });
  });

  it.each([
    ['a time that is not a time', 'time', '25:99'],
    ['a javascript: link', 'videoLink', 'javascript:alert(document.cookie)'],
    ['a data: link', 'videoLink', 'data:text/html,<script>alert(1)</script>'],
    ['an http link', 'videoLink', 'http://meet.example.no/emma'],
  ])('refuses %s in an update; the plan keeps what it had', async (_what, field, value) => {
    const head = await server.app.samplan.documentLog.head(planId);
    const writer = await open(coordinator);
    const closed = firstClose(writer);
    // Straight into the document, as a hostile client would (plan-model's own writes refuse it before sending).
    (getCollection(writer.doc, 'meetings').get(meetingId) as Y.Map<unknown>).set(field, value);
    expect(await closed).toMatchObject({ code: CloseCode.updateRefused, reason: 'invalid-update:WRONG_TYPE' });
    writer.destroy();
    expect(await server.app.samplan.documentLog.head(planId)).toBe(head);
    expect((await exported()).meetings[0]).toMatchObject({ time: '13:30', videoLink: 'https://meet.example.no/emma' });
  });

  it('names a version after the meeting when it is marked held', async () => {
    const sofie = await open(coordinator);
    updateItem(sofie.doc, 'meetings', meetingId, { status: 'gjennomfort' });
    const named = await waitFor(async () => {
      const list = await api<VersionList>(server.url, mother, 'GET', `/api/plans/${planId}/versions`);
      return list.body.versions.find((version) => version.nameKind === 'meeting') ?? false;
    });
    expect(named.name).toBe('Ansvarsgruppemøte (03.12.2026)');
  });
});
