import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { userColor } from '@samplan/protocol';
import {
  collabToken,
  connectProvider,
  createPlan,
  registerUser,
  startTestServer,
  type TestServer,
  type TestUser,
} from './support/testServer.ts';
import { createSharedText, sharedText } from './support/sharedText.ts';
import { waitFor } from './support/waitFor.ts';

describe('sync over the y-websocket protocol', () => {
  let server: TestServer;
  let user: TestUser;
  let planId: string;
  const providers: WebsocketProvider[] = [];

  const connect = async (doc = new Y.Doc()) => {
    const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId), doc);
    providers.push(provider);
    await waitFor(() => provider.synced);
    return provider;
  };

  beforeEach(async () => {
    server = await startTestServer();
    user = await registerUser(server.url);
    planId = await createPlan(server.url, user);
  });

  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    await server.close();
  });

  it('gives a new peer the plan structure seeded by the server', async () => {
    const provider = await connect();
    expect(provider.doc.getMap('meta').get('childName')).toBe('Emma Nilsen');
  });

  it('relays edits between peers and keeps them for a later peer', async () => {
    const a = await connect();
    createSharedText(a.doc);
    const b = await connect();
    await waitFor(() => sharedText(b.doc));
    sharedText(a.doc).insert(0, 'Hei fra A. ');
    sharedText(b.doc).insert(0, 'Hei fra B. ');
    await waitFor(() => {
      expect(sharedText(a.doc).toString()).toBe(sharedText(b.doc).toString());
      expect(sharedText(a.doc).length).toBe(22);
    });
    a.destroy();
    b.destroy();
    await waitFor(() => server.app.samplan.rooms.openRooms === 0);
    const c = await connect();
    expect(sharedText(c.doc).toString()).toBe(sharedText(a.doc).toString());
  });

  it('uploads edits made offline when a peer reconnects', async () => {
    const a = await connect();
    createSharedText(a.doc);
    const b = await connect();
    await waitFor(() => sharedText(b.doc));
    a.disconnect();
    sharedText(a.doc).insert(0, 'skrevet uten nett');
    sharedText(b.doc).insert(0, 'samtidig: ');
    a.connect();
    await waitFor(() => {
      expect(sharedText(a.doc).toString()).toBe(sharedText(b.doc).toString());
      expect(sharedText(b.doc).toString()).toContain('skrevet uten nett');
    });
  });

  it('relays awareness as the account (not as what the client claims) and removes a peer that leaves', async () => {
    const a = await connect();
    const b = await connect();
    a.awareness.setLocalStateField('user', { name: 'Kari', color: '#1b5e20' });
    await waitFor(() =>
      expect(b.awareness.getStates().get(a.doc.clientID)).toMatchObject({
        user: { id: user.id, name: 'Kari Testesen', color: userColor(user.id) },
      }),
    );
    a.destroy();
    await waitFor(() => expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false));
  });

  it('syncs a peer that already holds part of the plan (non-empty state vector)', async () => {
    const a = await connect();
    createSharedText(a.doc);
    sharedText(a.doc).insert(0, 'første');
    await waitFor(() => server.app.samplan.documents.load(planId).then((l) => l.lastSeq >= 2));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(a.doc));
    sharedText(a.doc).insert(6, ' andre');
    const b = await connect(copy);
    await waitFor(() => expect(sharedText(b.doc).toString()).toBe('første andre'));
  });
});
