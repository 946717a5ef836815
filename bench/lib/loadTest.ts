import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cleanups } from './cleanups.ts';
import { timed } from './clock.ts';
import { openSetup, type LoadSetup } from './loadSetup.ts';
import { measureSetups, type LoadResult, type SetupsRun } from './measureSetups.ts';
import type { BenchOptions } from './options.ts';
import { oursOnSqlite } from './oursOnSqlite.ts';
import { startFloor, startReference, startReferenceCommit } from './servers.ts';
import { countUpdateRows } from './storeInfo.ts';

export type { LoadResult } from './measureSetups.ts';

/** The load section: ours, the reference, the reference with a commit and the floor, each one instance, at once. */
export interface LoadRun extends Omit<SetupsRun, 'results'> {
  ours: LoadResult;
  reference: LoadResult;
  /**
   * The reference committing every update to SQLite before relaying it (bench/referenceCommit.ts): what the
   * reference would pay under our durability rule, and nothing else of ours.
   */
  referenceCommit: LoadResult;
  /** The bare relay (bench/relayFloor.ts): the least any server that relays each update pays. */
  floor: LoadResult;
}

/** All four servers, started here, under the same N plans x M peers load, their measured segments interleaved. */
export async function runLoad(options: BenchOptions, log: (message: string) => void): Promise<LoadRun> {
  const nodeArgs = options.profile ? ['--inspect=127.0.0.1:0'] : [];
  const cleanups = new Cleanups();
  let setups: LoadSetup[];
  try {
    const ours = await oursOnSqlite('ours', options, nodeArgs, cleanups);
    const reference = await timed(() => startReference(nodeArgs));
    cleanups.add(() => reference.value.stop('SIGKILL'));
    const commitDir = mkdtempSync(join(tmpdir(), 'samplan-bench-ref-commit-'));
    const removeCommitDir = async (): Promise<void> => rmSync(commitDir, { recursive: true, force: true });
    cleanups.add(removeCommitDir);
    const referenceCommit = await timed(() => startReferenceCommit(commitDir, nodeArgs));
    cleanups.add(() => referenceCommit.value.stop('SIGKILL'));
    const floor = await timed(() => startFloor(nodeArgs));
    cleanups.add(() => floor.value.stop('SIGKILL'));
    setups = [
      ours,
      openSetup({ name: 'reference', instances: [reference.value], startMs: reference.ms }, 'y-websocket', options),
      openSetup(
        {
          name: 'ref+commit',
          instances: [referenceCommit.value],
          startMs: referenceCommit.ms,
          store: { unit: 'rows', seedRows: 0, count: async () => countUpdateRows(commitDir) },
          cleanup: removeCommitDir,
        },
        'y-websocket',
        options,
      ),
      openSetup({ name: 'floor', instances: [floor.value], startMs: floor.ms }, 'y-websocket', options),
    ];
  } catch (error) {
    await cleanups.run();
    throw error;
  }
  // Whose pong a slow one is compared with: the reference for ours, its committing twin and the floor, ours for it.
  const compareStallsWith = { ours: 'reference', reference: 'ours', 'ref+commit': 'reference', floor: 'reference' };
  const { results, ...run } = await measureSetups(setups, options, { compareStallsWith }, log);
  const [ours, reference, referenceCommit, floor] = results as [LoadResult, LoadResult, LoadResult, LoadResult];
  return { ...run, ours, reference, referenceCommit, floor };
}
