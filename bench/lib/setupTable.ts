import { fmt, table } from './format.ts';
import type { LoadResult } from './measureSetups.ts';
import { round } from './stats.ts';

interface RowSpec {
  label: string;
  value: (r: LoadResult) => number;
  digits: number;
  /** What the ratio columns divide; none: the row shows no ratios. */
  ratio?: (r: LoadResult) => number;
}

const infra = (r: LoadResult, name: string): number => r.infraCpuSec[name] ?? NaN;
const withInfra = (r: LoadResult): number =>
  ((r.serverCpuSec + Object.values(r.infraCpuSec).reduce((n, cpu) => n + cpu, 0)) / r.delivered) * 1000;

/** The rows a section's table can show, one value per setup. */
export const SETUP_ROWS = {
  editsSent: { label: 'edits sent (measured)', value: (r) => r.editsSent, digits: 0 },
  expectedDeliveries: { label: 'deliveries expected', value: (r) => r.expectedDeliveries, digits: 0 },
  delivered: { label: 'deliveries seen', value: (r) => r.delivered, digits: 0, ratio: (r) => r.deliveryRatio },
  crossExpected: {
    label: '  to another instance, expected',
    value: (r) => r.cross?.expectedDeliveries ?? NaN,
    digits: 0,
  },
  crossDelivered: { label: '  to another instance, seen', value: (r) => r.cross?.delivered ?? NaN, digits: 0 },
  p50: { label: 'latency p50 (ms)', value: (r) => r.latencyMs.p50, digits: 2, ratio: (r) => r.latencyMs.p50 },
  p90: { label: 'latency p90 (ms)', value: (r) => r.latencyMs.p90, digits: 2 },
  p99: { label: 'latency p99 (ms)', value: (r) => r.latencyMs.p99, digits: 2, ratio: (r) => r.latencyMs.p99 },
  max: { label: 'latency max (ms)', value: (r) => r.latencyMs.max, digits: 2 },
  crossP50: {
    label: '  to another instance: p50 (ms)',
    value: (r) => r.cross?.latencyMs.p50 ?? NaN,
    digits: 2,
    ratio: (r) => r.cross?.latencyMs.p50 ?? r.latencyMs.p50,
  },
  crossP99: {
    label: '  to another instance: p99 (ms)',
    value: (r) => r.cross?.latencyMs.p99 ?? NaN,
    digits: 2,
    ratio: (r) => r.cross?.latencyMs.p99 ?? r.latencyMs.p99,
  },
  crossMax: { label: '  to another instance: max (ms)', value: (r) => r.cross?.latencyMs.max ?? NaN, digits: 2 },
  cpuPer1k: {
    label: 'server CPU s / 1k delivered',
    value: (r) => r.serverCpuSecPer1kDelivered,
    digits: 4,
    ratio: (r) => r.serverCpuSecPer1kDelivered,
  },
  cpuSec: { label: '  server CPU s (measured)', value: (r) => r.serverCpuSec, digits: 2 },
  coreShare: { label: '  share of one core', value: (r) => r.serverCpuShareOfOneCore, digits: 2 },
  redisCpu: { label: 'Redis CPU s, same segments', value: (r) => infra(r, 'redis'), digits: 2 },
  postgresCpu: { label: 'PostgreSQL CPU s, same segments', value: (r) => infra(r, 'postgres'), digits: 2 },
  cpuWithInfraPer1k: {
    label: 'CPU s / 1k with Redis + PostgreSQL',
    value: withInfra,
    digits: 4,
    ratio: withInfra,
  },
  sessionPer1k: {
    label: 'server CPU s / 1k, whole session',
    value: (r) => r.session.cpuSecPer1kDelivered,
    digits: 4,
    ratio: (r) => r.session.cpuSecPer1kDelivered,
  },
  sessionCpu: { label: '  session CPU s (to idle)', value: (r) => r.session.cpuSec, digits: 2 },
  rssIdle: { label: 'server RSS idle, after start (MiB)', value: (r) => r.serverRssIdleMiB, digits: 1 },
  rssPeak: {
    label: 'server RSS peak (MiB)',
    value: (r) => r.serverRssPeakMiB,
    digits: 1,
    ratio: (r) => r.serverRssPeakMiB,
  },
  rssEnd: {
    label: 'server RSS end (MiB)',
    value: (r) => r.serverRssEndMiB,
    digits: 1,
    ratio: (r) => r.serverRssEndMiB,
  },
  pongP50: { label: 'event loop: ping->pong p50 (ms)', value: (r) => r.stalls.p50Ms, digits: 2 },
  pongP99: { label: 'event loop: ping->pong p99 (ms)', value: (r) => r.stalls.p99Ms, digits: 2 },
  pongMax: { label: 'event loop: ping->pong max (ms)', value: (r) => r.stalls.maxMs, digits: 1 },
  pongsOver100: { label: '  pongs over 100 ms', value: (r) => r.stalls.over100Ms, digits: 0 },
  pongsOver100OtherFast: {
    label: '  ... while the idle one took < 20 ms',
    value: (r) => r.stalls.over100MsOtherFast,
    digits: 0,
  },
  probeReconnects: {
    label: '  probe connections the server closed',
    value: (r) => r.stalls.reconnects,
    digits: 0,
  },
  reconnects: { label: 'reconnects', value: (r) => r.reconnects, digits: 0 },
  converged: { label: 'plans converged', value: (r) => r.convergedPlans, digits: 0 },
  stored: { label: 'stored (rows, or edits in stored state)', value: (r) => r.persisted?.stored ?? NaN, digits: 0 },
  storedExpected: {
    label: '  expected (updates + seeds, or edits typed)',
    value: (r) => r.persisted?.expected ?? NaN,
    digits: 0,
  },
  start: { label: 'server start (ms)', value: (r) => r.serverStartMs, digits: 0 },
  stop: { label: 'server stop, SIGTERM (ms)', value: (r) => r.stop.ms, digits: 0 },
} satisfies Record<string, RowSpec>;

export type SetupRowName = keyof typeof SETUP_ROWS;

/** A row of the table: a named one, optionally relabelled or with a target, or literal cells. */
export type SetupLine = SetupRowName | { row: SetupRowName; label?: string; target?: string } | string[];

/**
 * One column per setup, then one per ratio (`[numerator, denominator]`, indexes into `results`), then the target.
 * `header`: the ratio columns' and the target column's titles.
 */
export function setupTable(
  results: readonly LoadResult[],
  ratios: ReadonlyArray<readonly [number, number]>,
  header: { ratios: string[]; target: string },
  lines: readonly SetupLine[],
): string {
  const rows: string[][] = [['', ...results.map((r) => r.setup), ...header.ratios, header.target]];
  for (const line of lines) {
    if (Array.isArray(line)) {
      rows.push(line);
      continue;
    }
    const { row, label, target } = typeof line === 'string' ? { row: line, label: undefined, target: undefined } : line;
    const spec: RowSpec = SETUP_ROWS[row];
    rows.push([
      label ?? spec.label,
      ...results.map((r) => fmt(spec.value(r), spec.digits)),
      ...ratios.map(([a, b]) =>
        spec.ratio ? fmt(round(spec.ratio(results[a]!) / spec.ratio(results[b]!), 3), 2) : '',
      ),
      target ?? '',
    ]);
  }
  return table(rows);
}

/** Under a section's table: each setup's slowest pongs, and with --profile where its CPU went. */
export function setupNotes(results: readonly LoadResult[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    out.push(
      `slowest pongs, ${r.setup}: ${r.stalls.worst.map((w) => `${fmt(w.ms, 0)} ms at ${fmt(w.atSec, 1)} s (other ${fmt(w.otherMs, 0)})`).join(', ')}`,
    );
  }
  for (const r of results) {
    if (!r.profile) continue;
    out.push('');
    out.push(
      `PROFILE ${r.setup}: ${fmt(r.profile.totalMs, 0)} ms of non-idle samples while measuring (self time; --inspect adds overhead)`,
    );
    out.push(`  by area: ${r.profile.byArea.map((a) => `${a.area} ${fmt(a.share * 100, 1)}%`).join(', ')}`);
    for (const f of r.profile.top.slice(0, 15)) out.push(`  ${fmt(f.share * 100, 1).padStart(5)}%  ${f.fn}`);
  }
  return out;
}
