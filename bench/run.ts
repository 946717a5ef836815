/**
 * `npm run bench`: our sync server against the reference y-websocket server under the same load, then the
 * cold load of a plan with a long history. Prints a table, writes bench/results/latest.json (and a
 * timestamped copy). Exits non-zero only when something crashed, never for a missed target.
 */
import { join } from 'node:path';
import { runCold } from './lib/coldTest.ts';
import { runLoad, type LoadResult } from './lib/loadTest.ts';
import { parseOptions, USAGE } from './lib/options.ts';
import { installCleanup, killAllChildren } from './lib/procs.ts';
import { compareLoad, formatReport, machineInfo, TARGETS, writeResults, type BenchResults } from './lib/results.ts';
import { referenceVersions, type ServerKind } from './lib/servers.ts';
import { round } from './lib/stats.ts';

installCleanup();

const options = parseOptions(process.argv.slice(2), process.env, join(import.meta.dirname, 'results'));
if (!options) {
  console.log(USAGE);
  process.exit(0);
}

const log = (message: string): void => console.error(`[bench] ${message}`);
const started = new Date();
const errors: string[] = [];
const { resultsDir, ...shownOptions } = options;
const results: BenchResults = {
  schema: 'samplan-bench/1',
  startedAt: started.toISOString(),
  finishedAt: '',
  totalSec: 0,
  machine: machineInfo(),
  reference: referenceVersions(),
  options: shownOptions,
  load: null,
  cold: null,
  errors,
};

try {
  if (options.load) {
    const rounds: LoadResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      // Alternate which server goes first, so neither always runs on a warmer machine.
      const order: ServerKind[] = round % 2 === 0 ? ['ours', 'reference'] : ['reference', 'ours'];
      for (const kind of order) {
        log(`load round ${round + 1}/${options.rounds}: ${kind} (${options.plans} plans x ${options.peers} peers)`);
        const result = await runLoad(kind, options, round);
        log(
          `  ${kind}: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ` +
            `${result.serverCpuSecPer1kDelivered} CPU s/1k delivered, ${result.delivered}/${result.expectedDeliveries} delivered`,
        );
        rounds.push(result);
      }
    }
    results.load = compareLoad(rounds);
  }
} catch (error) {
  errors.push(`load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  killAllChildren();
}

try {
  if (options.cold) {
    log(`cold load: writing ${options.coldEdits} edits through our server`);
    const cold = await runCold(options);
    results.cold = { ...cold, target: TARGETS.coldLoadRatio, met: cold.ratio <= TARGETS.coldLoadRatio };
  }
} catch (error) {
  errors.push(`cold load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  killAllChildren();
}

results.finishedAt = new Date().toISOString();
results.totalSec = round((Date.now() - started.getTime()) / 1000, 1);
const paths = writeResults(resultsDir, results);
console.log(formatReport(results));
console.log(`results: ${paths.map((p) => p.slice(p.indexOf('bench/'))).join(', ')}`);
killAllChildren();
process.exit(errors.length > 0 ? 1 : 0);
