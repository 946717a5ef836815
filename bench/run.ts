/**
 * `npm run bench`: our sync server against the reference y-websocket server under the same load, then two of our
 * instances on PostgreSQL + Redis against one instance and against Hocuspocus on Redis (issue 11), then the
 * cold load of a plan with a long history, then that history's REST routes, then the web app in headless chromium.
 * Prints a table, writes bench/results/latest.json (and a timestamped copy). Exits non-zero only when something
 * crashed, never for a missed target.
 */
import { join } from 'node:path';
import { runCluster } from './lib/clusterTest.ts';
import { runCold } from './lib/coldTest.ts';
import { runHistory } from './lib/historyTest.ts';
import { runLoad, type LoadResult } from './lib/loadTest.ts';
import { runWeb } from './lib/webTest.ts';
import { parseOptions, USAGE } from './lib/options.ts';
import { installCleanup, killAllChildren } from './lib/procs.ts';
import {
  compareCluster,
  compareLoad,
  formatReport,
  judgeHistory,
  machineInfo,
  TARGETS,
  writeResults,
  type BenchResults,
} from './lib/results.ts';
import { BENCH_SERVER_ENV, hocuspocusVersions, referenceVersions } from './lib/servers.ts';
import { round } from './lib/stats.ts';

installCleanup();

const options = parseOptions(process.argv.slice(2), process.env, join(import.meta.dirname, 'results'));
if (!options) {
  console.log(USAGE);
  process.exit(0);
}

const log = (message: string): void => console.error(`[bench] ${message}`);
const logResult = (r: LoadResult): void =>
  log(
    `  ${r.setup}: p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms` +
      (r.cross ? ` (to another instance ${r.cross.latencyMs.p99} ms)` : '') +
      `, ${r.serverCpuSecPer1kDelivered} CPU s/1k delivered, ${r.delivered}/${r.expectedDeliveries} delivered`,
  );
const started = new Date();
const errors: string[] = [];
const { resultsDir, ...shownOptions } = options;
// A password in a service address stays out of the results.
const withoutPassword = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
shownOptions.postgresUrl = withoutPassword(shownOptions.postgresUrl);
shownOptions.redisUrl = withoutPassword(shownOptions.redisUrl);
const results: BenchResults = {
  schema: 'samplan-bench/6',
  startedAt: started.toISOString(),
  finishedAt: '',
  totalSec: 0,
  machine: machineInfo(),
  reference: referenceVersions(),
  hocuspocus: hocuspocusVersions(),
  ourServerEnv: {
    ...BENCH_SERVER_ENV,
    ...(options.sqliteSynchronous ? { SQLITE_SYNCHRONOUS: options.sqliteSynchronous } : {}),
  },
  options: shownOptions,
  load: null,
  cluster: null,
  cold: null,
  history: null,
  web: null,
  errors,
};

try {
  if (options.load) {
    log(
      `load: ours, the reference, the reference with a commit and the relay floor, ${options.plans} plans x ${options.peers} peers each`,
    );
    const run = await runLoad(options, log);
    for (const r of [run.ours, run.reference, run.referenceCommit, run.floor]) logResult(r);
    results.load = compareLoad(run);
  }
} catch (error) {
  errors.push(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  killAllChildren();
}

try {
  if (options.cluster) {
    log(
      `cluster: ours alone, two of ours on PostgreSQL + Redis, two Hocuspocus on Redis, ` +
        `${options.plans} plans x ${options.peers} peers each`,
    );
    const run = await runCluster(options, log);
    for (const r of [run.single, run.cluster, run.hocuspocus]) logResult(r);
    results.cluster = compareCluster(run);
  }
} catch (error) {
  errors.push(`cluster: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  killAllChildren();
}

try {
  if (options.cold) {
    log(
      `cold load: ${options.coldRuns} runs of ${options.coldEdits} edits through our server, SIGTERM at once, reload`,
    );
    const cold = await runCold(options, log);
    results.cold = { ...cold, target: TARGETS.coldLoadMaxRatio, met: cold.maxRatio < TARGETS.coldLoadMaxRatio };
  }
} catch (error) {
  errors.push(`cold load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  killAllChildren();
}

try {
  if (options.history) {
    log(`history: a plan with ${options.historyEdits} edits, then ${options.historyPlans} demo plans`);
    results.history = judgeHistory(await runHistory(options, log));
  }
} catch (error) {
  errors.push(`history: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  killAllChildren();
}

try {
  if (options.web) {
    log(`web: production build, our server, headless chromium (${options.webRuns} runs)`);
    results.web = await runWeb(options, log);
  }
} catch (error) {
  errors.push(`web: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  killAllChildren();
}

results.finishedAt = new Date().toISOString();
results.totalSec = round((Date.now() - started.getTime()) / 1000, 1);
const paths = writeResults(resultsDir, results);
console.log(formatReport(results));
console.log(`results: ${paths.map((p) => p.slice(p.indexOf('bench/'))).join(', ')}`);
killAllChildren();
process.exit(errors.length > 0 ? 1 : 0);
