import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import {
  collabToken,
  connectProvider,
  createPlan,
  registerUser,
  startTestServer,
  type TestServer,
} from './support/testServer.ts';
import { createSharedText, sharedText } from './support/sharedText.ts';
import { waitFor } from './support/waitFor.ts';

describe('checkpoints', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function serverOn(dataDir?: string): Promise<TestServer> {
    const server = await startTestServer({ CHECKPOINT_EVERY_UPDATES: '20', CHECKPOINT_EVERY_BYTES: '100000' }, dataDir);
    cleanups.push(() => server.close());
    return server;
  }

  it('compacts the log in the background while editing, keeps every update as history, and loads checkpoint + tail', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'samplan-cp-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let server = await serverOn(dataDir);
    const user = await registerUser(server.url);
    const planId = await createPlan(server.url, user);
    const provider: WebsocketProvider = connectProvider(
      server.wsUrl,
      planId,
      await collabToken(server.url, user, planId),
    );
    cleanups.push(() => provider.destroy());
    await waitFor(() => provider.synced);

    createSharedText(provider.doc);
    const text = sharedText(provider.doc);
    for (let i = 0; i < 150; i++) {
      text.insert(text.length, `ord${i} `);
      if (i % 7 === 6) text.delete(0, 2);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const expected = text.toString();
    const store = server.app.samplan.documents;
    await waitFor(async () => (await store.load(planId)).lastSeq >= 150);
    // Compaction runs on a worker below normal priority: on a busy machine the checkpoint may come a little later.
    await waitFor(async () => (await store.load(planId)).checkpoint !== null, { timeout: 20_000 });
    const whileOpen = await store.load(planId);
    expect(whileOpen.checkpoint).not.toBeNull();
    expect(whileOpen.checkpointSeq).toBeGreaterThan(0);
    expect(whileOpen.updates.length).toBeLessThan(whileOpen.lastSeq);
    expect((await store.history(planId, { afterSeq: 0, limit: 10_000 })).length).toBe(whileOpen.lastSeq);

    provider.destroy();
    await server.close();
    server = await serverOn(dataDir);
    const reader = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    cleanups.push(() => reader.destroy());
    await waitFor(() => reader.synced);
    expect(sharedText(reader.doc).toString()).toBe(expected);
  });
});
