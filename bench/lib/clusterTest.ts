import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { Cleanups } from './cleanups.ts';
import { timed } from './clock.ts';
import { findInfraProcesses } from './infraProcesses.ts';
import { openSetup, samplanSetup, type LoadSetup } from './loadSetup.ts';
import { measureSetups, type LoadResult, type SetupsRun } from './measureSetups.ts';
import { BENCH_FIELD, EDIT_TOKEN } from './messages.ts';
import type { BenchOptions } from './options.ts';
import { oursOnSqlite } from './oursOnSqlite.ts';
import { createPostgresSchema, type PostgresSchema } from './postgresSchema.ts';
import { startHocuspocus, startOurs, type RunningServer } from './servers.ts';

/** Instances in each of the two multi-instance setups. */
const INSTANCES = 2;

/** The cluster section (issue 11): ours alone on SQLite, two of ours on PostgreSQL + Redis, two Hocuspocus. */
export interface ClusterRun extends Omit<SetupsRun, 'results'> {
  single: LoadResult;
  cluster: LoadResult;
  hocuspocus: LoadResult;
  /** The shared services whose CPU is reported (infraCpuSec), and those that could not be read, with why. */
  infra: { measured: Array<{ name: string; pid: number }>; skipped: string[] };
}

/** Starts `count` instances one after the other (the first migrates a fresh schema before the next starts). */
async function startInstances(
  count: number,
  start: (index: number) => Promise<RunningServer>,
  cleanups: Cleanups,
): Promise<{ instances: RunningServer[]; ms: number }> {
  const { value: instances, ms } = await timed(async () => {
    const list: RunningServer[] = [];
    for (let i = 0; i < count; i++) {
      const instance = await start(i);
      cleanups.add(() => instance.stop('SIGKILL'));
      list.push(instance);
    }
    return list;
  });
  return { instances, ms };
}

/**
 * Two of our instances on one fresh PostgreSQL schema and Redis, each with a data folder of its own (nothing is
 * kept there: the secrets that would be are shared through the environment, so a collab token or session from
 * one instance is valid on the other).
 */
async function oursCluster(options: BenchOptions, nodeArgs: string[], cleanups: Cleanups): Promise<LoadSetup> {
  const schema = await createPostgresSchema(options.postgresUrl, 'samplan_bench');
  cleanups.add(() => schema.drop());
  const dirs = Array.from({ length: INSTANCES }, (_, i) => mkdtempSync(join(tmpdir(), `samplan-bench-cluster-${i}-`)));
  const removeDirs = async (): Promise<void> => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  cleanups.add(removeDirs);
  const env = {
    DATABASE_URL: schema.url,
    REDIS_URL: options.redisUrl,
    AUDIT_LOG_KEY: randomBytes(32).toString('base64url'),
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  };
  const { instances, ms } = await startInstances(
    INSTANCES,
    (i) => startOurs({ dataDir: dirs[i]!, env, nodeArgs }),
    cleanups,
  );
  return samplanSetup(
    {
      name: 'cluster',
      instances,
      startMs: ms,
      store: {
        unit: 'rows',
        seedRows: options.plans + 1,
        count: async () => (await schema.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM doc_updates'))[0]!.n,
      },
      cleanup: async () => {
        await schema.drop();
        await removeDirs();
      },
    },
    options,
  );
}

/** Edit tokens in the documents Hocuspocus stored: every edit typed should be in them once the peers left. */
async function storedEdits(schema: PostgresSchema): Promise<number> {
  const rows = await schema.query<{ data: Buffer }>('SELECT data FROM hocuspocus_documents');
  let edits = 0;
  for (const row of rows) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.data));
    edits += [...doc.getXmlFragment(BENCH_FIELD).toString().matchAll(EDIT_TOKEN)].length;
    doc.destroy();
  }
  return edits;
}

/** Two Hocuspocus instances (bench/hocuspocusServer.ts) on Redis, storing into a fresh schema of their own. */
async function hocuspocusCluster(options: BenchOptions, nodeArgs: string[], cleanups: Cleanups): Promise<LoadSetup> {
  const schema = await createPostgresSchema(options.postgresUrl, 'hocuspocus_bench');
  cleanups.add(() => schema.drop());
  const redisPrefix = `samplan-bench-${randomBytes(4).toString('hex')}`;
  const { instances, ms } = await startInstances(
    INSTANCES,
    (i) =>
      startHocuspocus({
        databaseUrl: schema.url,
        redisUrl: options.redisUrl,
        redisPrefix,
        instance: `${redisPrefix}-${i}`,
        nodeArgs,
      }),
    cleanups,
  );
  return openSetup(
    {
      name: 'hocuspocus',
      instances,
      startMs: ms,
      store: { unit: 'edits', seedRows: 0, count: () => storedEdits(schema) },
      cleanup: () => schema.drop(),
    },
    'hocuspocus',
    options,
  );
}

/**
 * The three setups, started here, under the same N plans x M peers load as the load section, their measured
 * segments interleaved; Redis's and PostgreSQL's CPU read at every segment's edges.
 */
export async function runCluster(options: BenchOptions, log: (message: string) => void): Promise<ClusterRun> {
  const nodeArgs = options.profile ? ['--inspect=127.0.0.1:0'] : [];
  const cleanups = new Cleanups();
  let setups: LoadSetup[];
  try {
    setups = [
      await oursOnSqlite('single', options, nodeArgs, cleanups),
      await oursCluster(options, nodeArgs, cleanups),
      await hocuspocusCluster(options, nodeArgs, cleanups),
    ];
  } catch (error) {
    await cleanups.run();
    throw error;
  }
  const infra = await findInfraProcesses(options.postgresUrl, options.redisUrl);
  for (const skipped of infra.skipped) log(`cluster: not measured: ${skipped}`);
  // A slow pong of ours is compared with Hocuspocus's on the same tick, Hocuspocus's with the cluster's.
  const compareStallsWith = { single: 'hocuspocus', cluster: 'hocuspocus', hocuspocus: 'cluster' };
  const { results, ...run } = await measureSetups(setups, options, { compareStallsWith, infra: infra.processes }, log);
  const [single, cluster, hocuspocus] = results as [LoadResult, LoadResult, LoadResult];
  return {
    ...run,
    single,
    cluster,
    hocuspocus,
    infra: { measured: infra.processes.map(({ name, pid }) => ({ name, pid })), skipped: infra.skipped },
  };
}
