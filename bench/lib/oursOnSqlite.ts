import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cleanups } from './cleanups.ts';
import { timed } from './clock.ts';
import { samplanSetup, type LoadSetup } from './loadSetup.ts';
import type { BenchOptions } from './options.ts';
import { startOurs } from './servers.ts';
import { countUpdateRows } from './storeInfo.ts';

/**
 * One instance of our server on SQLite in a fresh data folder (removed at cleanup) as `npm start` runs it; its
 * store is doc_updates, with one seed row per plan, the probe plan's included.
 */
export async function oursOnSqlite(
  name: string,
  options: BenchOptions,
  nodeArgs: string[],
  cleanups: Cleanups,
): Promise<LoadSetup> {
  const dataDir = mkdtempSync(join(tmpdir(), `samplan-bench-${name}-`));
  const removeDir = async (): Promise<void> => rmSync(dataDir, { recursive: true, force: true });
  cleanups.add(removeDir);
  const { value: server, ms } = await timed(() =>
    startOurs({ dataDir, sqliteSynchronous: options.sqliteSynchronous, nodeArgs }),
  );
  cleanups.add(() => server.stop('SIGKILL'));
  return samplanSetup(
    {
      name,
      instances: [server],
      startMs: ms,
      store: { unit: 'rows', seedRows: options.plans + 1, count: async () => countUpdateRows(dataDir) },
      cleanup: removeDir,
    },
    options,
  );
}
