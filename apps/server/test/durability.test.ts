import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { startChildServer, type ChildServer } from './support/childServer.ts';
import { collabToken, connectProvider, createPlan, registerUser } from './support/testServer.ts';
import { addMarker, markersIn } from './support/sharedText.ts';
import { waitFor } from './support/waitFor.ts';

const PEERS = 3;
const EDITS_PER_PEER = 300;
const TOTAL = PEERS * EDITS_PER_PEER;

interface KillRun {
  /** Edits that some peer received from another peer before the kill. */
  seenByOthers: Set<string>;
  /** Edits found after restarting on the same data. */
  stored: Set<string>;
}

describe('durability: an update any peer has seen survives SIGKILL', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  /**
   * Three real providers make hundreds of interleaved edits; `shouldKill` is checked in the same tick
   * as each remote edit becomes visible, and the server gets SIGKILL right there.
   */
  async function runAndKill(
    shouldKill: (seen: Set<string>, providers: WebsocketProvider[]) => boolean,
  ): Promise<KillRun> {
    const dataDir = mkdtempSync(join(tmpdir(), 'samplan-kill-'));
    const providers: WebsocketProvider[] = [];
    let server: ChildServer = await startChildServer({ DATA_DIR: dataDir });
    cleanups.push(() => {
      for (const provider of providers) provider.destroy();
      server.process.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    const user = await registerUser(server.url);
    const planId = await createPlan(server.url, user);
    const seenByOthers = new Set<string>();
    let killed = false;
    const victim = server;

    for (let p = 0; p < PEERS; p++) {
      const provider = connectProvider(victim.wsUrl, planId, await collabToken(victim.url, user, planId));
      providers.push(provider);
      provider.doc.getMap('tasks').observe((event) => {
        if (killed || event.transaction.local) return;
        for (const key of event.keysChanged) seenByOthers.add(key);
        if (shouldKill(seenByOthers, providers)) {
          killed = true;
          victim.process.kill('SIGKILL');
        }
      });
    }
    await waitFor(() => providers.every((provider) => provider.synced));

    for (let i = 0; i < EDITS_PER_PEER; i++) {
      for (let p = 0; p < PEERS; p++) addMarker(providers[p]!.doc, `p${p}-${i}`);
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(() => killed, { timeout: 30_000 });
    expect(await victim.exited).toBe(null); // null exit code: it died of the signal
    for (const provider of providers.splice(0)) provider.destroy();

    server = await startChildServer({ DATA_DIR: dataDir });
    const reader = connectProvider(server.wsUrl, planId, await collabToken(server.url, user, planId));
    providers.push(reader);
    await waitFor(() => reader.synced);
    return { seenByOthers, stored: new Set(markersIn(reader.doc)) };
  }

  it('keeps every edit when killed 0 ms after the last edit is seen by all peers', async () => {
    const run = await runAndKill(
      (_, providers) => providers.length === PEERS && providers.every((p) => markersIn(p.doc).length === TOTAL),
    );
    expect(run.seenByOthers.size).toBe(TOTAL);
    expect(run.stored.size).toBe(TOTAL);
  });

  it('keeps every edit another peer has seen when killed in the middle of the stream', async () => {
    const run = await runAndKill((seen) => seen.size >= TOTAL / 2);
    const lost = [...run.seenByOthers].filter((edit) => !run.stored.has(edit));
    expect(run.seenByOthers.size).toBeGreaterThanOrEqual(TOTAL / 2);
    expect(lost).toEqual([]);
  });
});
