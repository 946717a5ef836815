import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleServer, SERVER_BUNDLE } from '../build/bundleServer.ts';
import { startChildServer, type ChildServer } from './support/childServer.ts';
import { collabToken, connectProvider, createPlan, registerUser } from './support/testServer.ts';
import { createSharedText, sharedText } from './support/sharedText.ts';
import { waitFor } from './support/waitFor.ts';

describe('the server bundle that npm start runs', () => {
  // Beside dist/server, so its dependencies resolve from the repository's node_modules as they will there.
  const distDir = dirname(SERVER_BUNDLE);
  mkdirSync(distDir, { recursive: true });
  const outDir = mkdtempSync(join(distDir, 'test-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-bundle-'));
  let server: ChildServer | null = null;
  afterAll(() => {
    server?.process.kill('SIGKILL');
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the API and syncs a plan between two providers, and stops cleanly on SIGTERM', async () => {
    const script = join(outDir, 'main.js');
    await bundleServer(script);
    server = await startChildServer({ DATA_DIR: dataDir, CHECKPOINT_EVERY_UPDATES: '5' }, script);
    const user = await registerUser(server.url);
    const planId = await createPlan(server.url, user);
    const writer = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    const reader = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    try {
      await waitFor(() => writer.synced && reader.synced);
      createSharedText(writer.doc);
      await waitFor(() => sharedText(reader.doc));
      // Enough updates for a checkpoint, which runs on the compactor's worker thread.
      for (let i = 0; i < 30; i++) sharedText(writer.doc).insert(i, String(i % 10));
      await waitFor(() => sharedText(reader.doc).length === 30);
      expect(sharedText(reader.doc).toString()).toBe(sharedText(writer.doc).toString());
    } finally {
      writer.destroy();
      reader.destroy();
    }
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // The worker threads (compactor, WAL checkpointer) found their modules: the log is checkpointed to the end.
    const db = new Database(join(dataDir, 'samplan.db'), { readonly: true });
    try {
      const last = db.prepare('SELECT MAX(seq) AS seq FROM doc_updates WHERE plan_id = ?').get(planId) as {
        seq: number;
      };
      const checkpoint = db.prepare('SELECT seq FROM doc_checkpoints WHERE plan_id = ?').get(planId) as { seq: number };
      expect(last.seq).toBeGreaterThanOrEqual(30);
      expect(checkpoint.seq).toBe(last.seq);
    } finally {
      db.close();
    }
  });
});
