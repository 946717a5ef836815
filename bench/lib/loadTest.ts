import { Cleanups } from './cleanups.ts';
import { timed } from './clock.ts';
import { openSetup, type LoadSetup } from './loadSetup.ts';
import { measureSetups, type LoadResult, type SetupsRun } from './measureSetups.ts';
import type { BenchOptions } from './options.ts';
import { oursOnSqlite } from './oursOnSqlite.ts';
import { startFloor, startReference } from './servers.ts';

export type { LoadResult } from './measureSetups.ts';

/** The load section: ours, the reference and the floor, each one instance, under the same load at once. */
export interface LoadRun extends Omit<SetupsRun, 'results'> {
  ours: LoadResult;
  reference: LoadResult;
  /** The bare relay (bench/relayFloor.ts): the least any server that relays each update pays. */
  floor: LoadResult;
}

/** All three servers, started here, under the same N plans x M peers load, their measured segments interleaved. */
export async function runLoad(options: BenchOptions, log: (message: string) => void): Promise<LoadRun> {
  const nodeArgs = options.profile ? ['--inspect=127.0.0.1:0'] : [];
  const cleanups = new Cleanups();
  let setups: LoadSetup[];
  try {
    const ours = await oursOnSqlite('ours', options, nodeArgs, cleanups);
    const reference = await timed(() => startReference(nodeArgs));
    cleanups.add(() => reference.value.stop('SIGKILL'));
    const floor = await timed(() => startFloor(nodeArgs));
    cleanups.add(() => floor.value.stop('SIGKILL'));
    setups = [
      ours,
      openSetup({ name: 'reference', instances: [reference.value], startMs: reference.ms }, 'y-websocket', options),
      openSetup({ name: 'floor', instances: [floor.value], startMs: floor.ms }, 'y-websocket', options),
    ];
  } catch (error) {
    await cleanups.run();
    throw error;
  }
  // Whose pong a slow one is compared with: the reference for ours and the floor, ours for the reference.
  const compareStallsWith = { ours: 'reference', reference: 'ours', floor: 'reference' };
  const { results, ...run } = await measureSetups(setups, options, { compareStallsWith }, log);
  const [ours, reference, floor] = results as [LoadResult, LoadResult, LoadResult];
  return { ...run, ours, reference, floor };
}
