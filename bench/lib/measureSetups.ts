import { cpus } from 'node:os';
import { join } from 'node:path';
import { nowUs, sleep, sleepUntilUsPrecise } from './clock.ts';
import type { InfraProcess } from './infraProcesses.ts';
import { ChildHandle } from './ipc.ts';
import type { LoadSetup } from './loadSetup.ts';
import type { FromLoadClient, LoadClientReport, PeerSpec, Segment, SetupReport, ToLoadClient } from './messages.ts';
import type { BenchOptions } from './options.ts';
import {
  InspectorProfiler,
  inspectorUrl,
  mergeProfiles,
  summarizeProfile,
  type CpuProfile,
  type ProfileSummary,
} from './profile.ts';
import { StallProbes, type StallReport } from './probe.ts';
import { readCpuSeconds, readMachineCpuSeconds, readMemory } from './procs.ts';
import { concatSorted, mean, percentile, round } from './stats.ts';

const LOAD_CLIENT = join(import.meta.dirname, '..', 'loadClient.ts');
/** Pause after each segment, so its last deliveries land before the next setup's segment starts. */
const GAP_US = 500_000;

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

/** One setup's numbers; CPU and memory are of all its instances together. */
export interface LoadResult {
  setup: string;
  instances: number;
  plans: number;
  peersPerPlan: number;
  clientProcs: number;
  /** Measured seconds: this setup's segments and the pause after each. */
  windowSec: number;
  segments: number;
  /** Starting all its instances, one after the other. */
  serverStartMs: number;
  editsSent: number;
  expectedDeliveries: number;
  delivered: number;
  deliveryRatio: number;
  latencyMs: LatencySummary;
  /** Deliveries to a peer on another instance than the sender's; null for a setup of one instance. */
  cross: { expectedDeliveries: number; delivered: number; latencyMs: LatencySummary } | null;
  serverCpuSec: number;
  serverCpuSecPer1kDelivered: number;
  serverCpuShareOfOneCore: number;
  /** CPU of the shared services (Redis, PostgreSQL) during this setup's measured segments; not in serverCpuSec. */
  infraCpuSec: Record<string, number>;
  /**
   * The whole session: from the first edit until every peer has left and the instances are idle again, so work
   * the server defers (checkpoints, change log, room close, debounced stores) counts too; per edit seen by a peer.
   */
  session: { cpuSec: number; delivered: number; cpuSecPer1kDelivered: number; settleMs: number };
  /** RSS right after start, before any peer connected (MiB). */
  serverRssIdleMiB: number;
  serverRssPeakMiB: number;
  serverRssEndMiB: number;
  serverRssWindowMaxMiB: number;
  reconnects: number;
  disconnectedPeers: number;
  /** Plans whose peers all ended with the same content. */
  convergedPlans: number;
  /** What the store holds after the run (LoadSetup.store) against what the clients produced. */
  persisted: { unit: 'rows' | 'edits'; stored: number; expected: number; everyUpdateStored: boolean } | null;
  /** The slowest instance's SIGTERM; forced if any instance had to be SIGKILLed. */
  stop: { ms: number; code: number | null; signal: string | null; forced: boolean };
  /** Websocket ping -> pong times of an idle connection (per instance) while this setup's segments ran. */
  stalls: StallReport;
  /** With --profile: where the instances spent their CPU during the measured time. */
  profile?: ProfileSummary;
}

export interface SetupsRun {
  /** In the order of the setups given. */
  results: LoadResult[];
  /** Shared by all setups' peers. */
  clients: {
    processes: number;
    connectMs: number;
    cpuSec: number;
    maxTimerLagMs: number;
    /** CPU (in cores) used by everything else on the machine while measuring: a noisy neighbour shows here. */
    otherProcessesCores: number;
    machineCores: number;
  };
  schedule: Array<{ setup: string; measured: boolean; sec: number }>;
}

export interface MeasureOptions {
  /** Per setup, whose stall-probe pong its slow ones are compared with. */
  compareStallsWith: Record<string, string>;
  /** Shared services whose CPU is read at every segment's edges and counted for that segment's setup. */
  infra?: InfraProcess[];
}

type Client = ChildHandle<ToLoadClient, FromLoadClient>;

const EMPTY_REPORT: SetupReport = {
  latenciesUs: new Float64Array(0),
  crossLatenciesUs: new Float64Array(0),
  sentInWindow: 0,
  receivedInWindow: 0,
  crossExpectedInWindow: 0,
  sentTotal: 0,
  receivedTotal: 0,
  localUpdates: 0,
  disconnectedPeers: 0,
  reconnects: 0,
  contentHashes: {},
};

const pidsOf = (setup: LoadSetup): number[] => setup.instances.map((instance) => instance.pid);
const cpuOf = (setup: LoadSetup): number => pidsOf(setup).reduce((sum, pid) => sum + readCpuSeconds(pid), 0);

/** Waits until the processes together have used under 20 ms of CPU in 500 ms (or 40 s have passed). */
async function settled(pids: number[]): Promise<void> {
  const cpu = (): number => pids.reduce((sum, pid) => sum + readCpuSeconds(pid), 0);
  const deadline = Date.now() + 40_000;
  let last = cpu();
  while (Date.now() < deadline) {
    await sleep(500);
    const now = cpu();
    if (now - last < 0.02) return;
    last = now;
  }
}

/** A store of whole states is written a while after the last change: wait until it has everything, or 20 s. */
async function storedCount(store: NonNullable<LoadSetup['store']>, expected: number): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const count = await store.count();
    if (count >= expected || Date.now() > deadline) return count;
    await sleep(500);
  }
}

/**
 * Warmup for each setup, then measured segments in rounds whose order alternates (A B C, then C B A, ...), so all
 * setups see the same machine: a neighbour that is busy for a while hits them alike rather than one of them.
 */
function schedule(names: readonly string[], options: BenchOptions, startUs: number): Segment[] {
  const segments: Segment[] = [];
  let t = startUs;
  const add = (setup: string, sec: number, measured: boolean): void => {
    segments.push({ setup, fromUs: t, untilUs: t + sec * 1e6, measured });
    t += sec * 1e6 + GAP_US;
  };
  if (options.warmupSec > 0) for (const name of names) add(name, options.warmupSec, false);
  const perSetup = Math.max(1, Math.round(options.durationSec / options.segmentSec));
  const sec = options.durationSec / perSetup;
  for (let round = 0; round < perSetup; round++) {
    for (const name of round % 2 === 0 ? names : [...names].reverse()) add(name, sec, true);
  }
  return segments;
}

function summarizeLatencies(sorted: Float64Array): LatencySummary {
  const ms = (us: number): number => round(us / 1000);
  return {
    p50: ms(percentile(sorted, 50)),
    p90: ms(percentile(sorted, 90)),
    p99: ms(percentile(sorted, 99)),
    p999: ms(percentile(sorted, 99.9)),
    max: ms(sorted[sorted.length - 1] ?? NaN),
    mean: ms(mean(sorted)),
  };
}

/**
 * The load engine: every setup, already running, under the same N plans x M peers load from shared client
 * processes (bench/loadClient.ts), their measured segments interleaved. Stops every setup's instances (SIGTERM,
 * timed) and runs its cleanup, however it ends.
 */
export async function measureSetups(
  setups: LoadSetup[],
  options: BenchOptions,
  measure: MeasureOptions,
  log: (message: string) => void,
): Promise<SetupsRun> {
  const names = setups.map((setup) => setup.name);
  const infra = measure.infra ?? [];
  const clients: Client[] = [];
  const profilers = new Map<string, InspectorProfiler[]>();
  let probes: StallProbes | null = null;
  try {
    // Peers of one plan are spread over the client processes, so most deliveries cross processes.
    const perProc: PeerSpec[][] = Array.from({ length: options.clientProcs }, () => []);
    let next = 0;
    for (const setup of setups) {
      for (const plan of setup.plans) for (const peer of plan) perProc[next++ % options.clientProcs]!.push(peer);
    }

    for (let i = 0; i < options.clientProcs; i++) clients.push(new ChildHandle(LOAD_CLIENT, `load client ${i}`));
    const ready = clients.map((client) => client.next('ready', 90_000));
    clients.forEach((client, i) => client.send({ type: 'init', peers: perProc[i]!, seed: options.seed * 1000 + i }));
    const connectMs = Math.max(...(await Promise.all(ready)).map((m) => m.connectMs));
    // Let the paragraph each peer created reach everyone before timing starts.
    await sleep(500);
    if (options.profile) {
      for (const setup of setups) {
        const list: InspectorProfiler[] = [];
        profilers.set(setup.name, list);
        for (const instance of setup.instances) {
          list.push(await InspectorProfiler.connect(await inspectorUrl(instance.process.output)));
        }
      }
    }

    probes = new StallProbes(
      Object.fromEntries(setups.map((setup) => [setup.name, setup.probeUrls])),
      measure.compareStallsWith,
    );
    await probes.start();

    const startUs = nowUs() + 300_000;
    const segments = schedule(names, options, startUs);
    const endUs = segments.at(-1)!.untilUs + GAP_US;
    const drainMs = 1500;
    const reportsPromise = Promise.all(
      clients.map((client) => client.next('report', (endUs - nowUs()) / 1000 + drainMs + 60_000)),
    );
    reportsPromise.catch(() => {}); // awaited below; keeps an early failure from being "unhandled"
    for (const client of clients) {
      client.send({
        type: 'start',
        segments,
        minIntervalMs: options.minIntervalMs,
        maxIntervalMs: options.maxIntervalMs,
        drainMs,
      });
    }
    log(
      `${names.join(', ')}: ${segments.length} segments (${segments.filter((s) => s.measured).length} measured), ` +
        `${((endUs - startUs) / 1e6).toFixed(0)} s`,
    );

    // CPU of every setup (and shared service) at every segment start and end; a setup's measured CPU is the sum
    // over its measured segments, each with the pause after it.
    const cpuAt = (): number[] => setups.map(cpuOf);
    const infraAt = (): number[] => infra.map((p) => p.cpuSeconds());
    await sleepUntilUsPrecise(startUs);
    const sessionCpuStart = cpuAt();
    const measuredCpu = setups.map(() => 0);
    const measuredInfra = setups.map(() => infra.map(() => 0));
    const windowUs = setups.map(() => 0);
    const rssWindowMax = setups.map(() => 0);
    let machineCpu = 0;
    let infraCpu = 0;
    let measuredUs = 0;
    const firstMeasured = segments.findIndex((s) => s.measured);
    for (let i = firstMeasured; i < segments.length; i++) {
      const segment = segments[i]!;
      const s = names.indexOf(segment.setup);
      const segmentEnd = segments[i + 1]?.fromUs ?? endUs;
      await sleepUntilUsPrecise(segment.fromUs);
      if (i === firstMeasured) await Promise.all([...profilers.values()].flat().map((p) => p.start()));
      const before = cpuOf(setups[s]!);
      const infraBefore = infraAt();
      const machineBefore = readMachineCpuSeconds();
      while (nowUs() < segmentEnd - 300_000) {
        await sleep(250);
        setups.forEach((setup, k) => {
          const rss = setup.instances.reduce((sum, instance) => sum + readMemory(instance.pid).rssMiB, 0);
          rssWindowMax[k] = Math.max(rssWindowMax[k]!, rss);
        });
      }
      await sleepUntilUsPrecise(segmentEnd);
      const after = cpuOf(setups[s]!);
      const infraAfter = infraAt();
      machineCpu += readMachineCpuSeconds() - machineBefore;
      measuredUs += segmentEnd - segment.fromUs;
      measuredCpu[s]! += after - before;
      infra.forEach((_, k) => {
        measuredInfra[s]![k]! += infraAfter[k]! - infraBefore[k]!;
        infraCpu += infraAfter[k]! - infraBefore[k]!;
      });
      windowUs[s]! += segmentEnd - segment.fromUs;
    }
    probes.stop();
    const stalls = names.map((name) => probes!.report(name, segments, startUs));
    const profiles = new Map<string, ProfileSummary>();
    for (const [name, list] of profilers) {
      const recorded: CpuProfile[] = [];
      for (const profiler of list) recorded.push(await profiler.stop());
      profiles.set(name, summarizeProfile(mergeProfiles(recorded)));
      for (const profiler of list) profiler.close();
    }
    profilers.clear();
    const memory = setups.map((setup) => setup.instances.map((instance) => readMemory(instance.pid)));

    const reports: LoadClientReport[] = (await reportsPromise).map((m) => m.report);
    const clientCpuSec = reports.reduce((n, r) => n + r.clientCpuSec, 0);
    const serverCpuWhileMeasuring = measuredCpu.reduce((n, cpu) => n + cpu, 0);

    await Promise.all(clients.map((client) => client.close({ type: 'close' })));
    const settleMs = setups.map(() => 0);
    const sessionCpuSec = setups.map(() => 0);
    await Promise.all(
      setups.map(async (setup, k) => {
        const settleStart = performance.now();
        await settled(pidsOf(setup));
        settleMs[k] = performance.now() - settleStart;
        sessionCpuSec[k] = cpuOf(setup) - sessionCpuStart[k]!;
      }),
    );

    const result = async (setup: LoadSetup, k: number): Promise<LoadResult> => {
      const parts: SetupReport[] = reports.map((r) => r.setups[setup.name] ?? EMPTY_REPORT);
      const sum = (f: (r: SetupReport) => number): number => parts.reduce((n, r) => n + f(r), 0);
      const latencies = concatSorted(parts.map((r) => r.latenciesUs));
      const editsSent = sum((r) => r.sentInWindow);
      const delivered = sum((r) => r.receivedInWindow);
      const expectedDeliveries = editsSent * (options.peers - 1);
      const sessionDelivered = sum((r) => r.receivedTotal);
      const cpuSec = measuredCpu[k]!;
      const windowSec = windowUs[k]! / 1e6;
      const hashes = new Map<string, Set<string>>();
      for (const r of parts) {
        for (const [planId, list] of Object.entries(r.contentHashes)) {
          const set = hashes.get(planId) ?? new Set<string>();
          for (const hash of list) set.add(hash);
          hashes.set(planId, set);
        }
      }
      let persisted: LoadResult['persisted'] = null;
      if (setup.store) {
        const expected =
          setup.store.unit === 'rows' ? setup.store.seedRows + sum((r) => r.localUpdates) : sum((r) => r.sentTotal);
        const stored = await storedCount(setup.store, expected);
        persisted = { unit: setup.store.unit, stored, expected, everyUpdateStored: stored >= expected };
      }
      const stops = await Promise.all(setup.instances.map((instance) => instance.stop('SIGTERM')));
      const slowest = stops.reduce((a, b) => (b.ms > a.ms ? b : a));
      const mem = memory[k]!;
      return {
        setup: setup.name,
        instances: setup.instances.length,
        plans: options.plans,
        peersPerPlan: options.peers,
        clientProcs: options.clientProcs,
        windowSec: round(windowSec),
        segments: segments.filter((s) => s.measured && s.setup === setup.name).length,
        serverStartMs: round(setup.startMs, 0),
        editsSent,
        expectedDeliveries,
        delivered,
        deliveryRatio: round(delivered / expectedDeliveries, 4),
        latencyMs: summarizeLatencies(latencies),
        cross:
          setup.instances.length > 1
            ? {
                expectedDeliveries: sum((r) => r.crossExpectedInWindow),
                delivered: sum((r) => r.crossLatenciesUs.length),
                latencyMs: summarizeLatencies(concatSorted(parts.map((r) => r.crossLatenciesUs))),
              }
            : null,
        serverCpuSec: round(cpuSec),
        serverCpuSecPer1kDelivered: round((cpuSec / delivered) * 1000, 4),
        serverCpuShareOfOneCore: round(cpuSec / windowSec),
        infraCpuSec: Object.fromEntries(infra.map((p, i) => [p.name, round(measuredInfra[k]![i]!)])),
        session: {
          cpuSec: round(sessionCpuSec[k]!),
          delivered: sessionDelivered,
          cpuSecPer1kDelivered: round((sessionCpuSec[k]! / sessionDelivered) * 1000, 4),
          settleMs: round(settleMs[k]!, 0),
        },
        serverRssIdleMiB: round(setup.idleRssMiB, 1),
        serverRssPeakMiB: round(
          mem.reduce((n, m) => n + m.peakMiB, 0),
          1,
        ),
        serverRssEndMiB: round(
          mem.reduce((n, m) => n + m.rssMiB, 0),
          1,
        ),
        serverRssWindowMaxMiB: round(rssWindowMax[k]!, 1),
        reconnects: sum((r) => r.reconnects),
        disconnectedPeers: sum((r) => r.disconnectedPeers),
        convergedPlans: [...hashes.values()].filter((set) => set.size === 1).length,
        persisted,
        stop: {
          ms: round(slowest.ms, 0),
          code: slowest.code,
          signal: slowest.signal,
          forced: stops.some((s) => s.forced),
        },
        stalls: stalls[k]!,
        ...(profiles.has(setup.name) ? { profile: profiles.get(setup.name)! } : {}),
      };
    };
    const results: LoadResult[] = [];
    for (const [k, setup] of setups.entries()) results.push(await result(setup, k));

    return {
      results,
      clients: {
        processes: options.clientProcs,
        connectMs: round(connectMs, 0),
        cpuSec: round(clientCpuSec),
        maxTimerLagMs: round(Math.max(...reports.map((r) => r.maxTimerLagMs)), 1),
        otherProcessesCores: round(
          Math.max(0, machineCpu - serverCpuWhileMeasuring - infraCpu - clientCpuSec) / (measuredUs / 1e6),
          2,
        ),
        machineCores: cpus().length,
      },
      schedule: segments.map((s) => ({ setup: s.setup, measured: s.measured, sec: (s.untilUs - s.fromUs) / 1e6 })),
    };
  } finally {
    probes?.stop();
    for (const profiler of [...profilers.values()].flat()) profiler.close();
    await Promise.allSettled(clients.map((client) => client.close()));
    for (const instance of setups.flatMap((setup) => setup.instances)) await instance.stop('SIGKILL');
    for (const setup of setups) {
      await setup.cleanup().catch((error: unknown) => log(`${setup.name}: cleanup failed: ${String(error)}`));
    }
  }
}
