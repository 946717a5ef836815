import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../src/storage/sqlite/openSqlite.ts';
import { WalCheckpointer } from '../src/storage/sqlite/WalCheckpointer.ts';
import { waitFor } from './support/waitFor.ts';

describe('WalCheckpointer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('moves committed pages into the database file from its worker, and empties the WAL on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samplan-wal-'));
    dirs.push(dir);
    const db = openSqlite({ dataDir: dir, synchronous: 'NORMAL' });
    const checkpointer = new WalCheckpointer(db, { intervalMs: 20 });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const dbFile = join(dir, 'samplan.db');
    const before = statSync(dbFile).size;
    const insert = db.prepare(
      'INSERT INTO doc_updates (plan_id, seq, data, user_id, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (let i = 1; i <= 2000; i++) insert.run('plan', i, Buffer.alloc(200, i % 256), null, i);
    })();
    // Only the worker's checkpoint can grow the main file: the main connection no longer checkpoints.
    await waitFor(() => statSync(dbFile).size > before + 200_000, { timeout: 5000 });
    await checkpointer.close();
    expect(statSync(join(dir, 'samplan.db-wal')).size).toBe(0);
    db.close();
  });
});

describe('graceful shutdown', () => {
  it('exits 0 on SIGTERM, with everything checkpointed into the database file', async () => {
    const { startChildServer } = await import('./support/childServer.ts');
    const { collabToken, connectProvider, createPlan, registerUser } = await import('./support/testServer.ts');
    const dir = mkdtempSync(join(tmpdir(), 'samplan-term-'));
    try {
      const server = await startChildServer({ DATA_DIR: dir });
      const user = await registerUser(server.url);
      const planId = await createPlan(server.url, user);
      const provider = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
      await waitFor(() => provider.synced);
      provider.doc.getMap('meta').set('evaluationInterval', 'lagret ved avslutning');
      await waitFor(() => statSync(join(dir, 'samplan.db-wal')).size > 0);
      server.process.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      provider.destroy();
      const wal = join(dir, 'samplan.db-wal');
      expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
      const db = openSqlite({ dataDir: dir, synchronous: 'NORMAL' });
      const rows = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE plan_id = ?').get(planId) as { n: number };
      db.close();
      expect(rows.n).toBe(2); // the seeded structure and the edit
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
