import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { nowUs, sleep, sleepUntilUsPrecise } from './clock.ts';
import { ChildHandle } from './ipc.ts';
import type { FromLoadClient, LoadClientReport, PeerSpec, Segment, ServerReport, ToLoadClient } from './messages.ts';
import type { BenchOptions } from './options.ts';
import { InspectorProfiler, inspectorUrl, summarizeProfile, type ProfileSummary } from './profile.ts';
import { StallProbes, type StallReport } from './probe.ts';
import { readCpuSeconds, readMachineCpuSeconds, readMemory } from './procs.ts';
import { Api, startFloor, startOurs, startReference, type RunningServer, type ServerKind } from './servers.ts';
import { concatSorted, mean, percentile, round } from './stats.ts';

const LOAD_CLIENT = join(import.meta.dirname, '..', 'loadClient.ts');
const KINDS = ['ours', 'reference', 'floor'] as const;

const perKind = <T>(value: (kind: ServerKind) => T): Record<ServerKind, T> =>
  Object.fromEntries(KINDS.map((kind) => [kind, value(kind)])) as Record<ServerKind, T>;
/** Pause after each segment, so its last deliveries land before the other server's segment starts. */
const GAP_US = 500_000;

export interface LoadResult {
  server: ServerKind;
  plans: number;
  peersPerPlan: number;
  clientProcs: number;
  /** Measured seconds: this server's segments and the pause after each. */
  windowSec: number;
  segments: number;
  serverStartMs: number;
  editsSent: number;
  expectedDeliveries: number;
  delivered: number;
  deliveryRatio: number;
  latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number; mean: number };
  serverCpuSec: number;
  serverCpuSecPer1kDelivered: number;
  serverCpuShareOfOneCore: number;
  /**
   * The whole session: from the first edit until every peer has left and the server is idle again, so work
   * the server defers (checkpoints, change log, room close) counts too; per edit seen by a peer in that time.
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
  /** Our server: rows in doc_updates against the updates the clients produced (+ one seed per plan). */
  persisted: { rows: number; expectedRows: number; everyUpdateStored: boolean } | null;
  stop: { ms: number; code: number | null; signal: string | null; forced: boolean };
  /** Websocket ping -> pong times of an idle connection while this server's segments ran. */
  stalls: StallReport;
  /** With --profile: where the server spent its CPU during the measured time. */
  profile?: ProfileSummary;
}

export interface LoadRun {
  ours: LoadResult;
  reference: LoadResult;
  /** The bare relay (bench/relayFloor.ts): the least any server that relays each update pays. */
  floor: LoadResult;
  /** Shared by both servers' peers. */
  clients: {
    processes: number;
    connectMs: number;
    cpuSec: number;
    maxTimerLagMs: number;
    /** CPU (in cores) used by everything else on the machine while measuring: a noisy neighbour shows here. */
    otherProcessesCores: number;
    machineCores: number;
  };
  schedule: Array<{ server: ServerKind; measured: boolean; sec: number }>;
}

type Client = ChildHandle<ToLoadClient, FromLoadClient>;

async function preparePeers(
  server: RunningServer,
  options: BenchOptions,
): Promise<{ plans: PeerSpec[][]; probeUrl: string }> {
  const plans: PeerSpec[][] = [];
  if (server.kind !== 'ours') {
    const runId = Math.random().toString(36).slice(2, 8);
    for (let p = 0; p < options.plans; p++) {
      const planId = `bench-${runId}-${p}`;
      plans.push(
        Array.from({ length: options.peers }, (_, index) => ({ server: server.kind, planId, token: null, index })),
      );
    }
    return { plans, probeUrl: `${server.wsBase}/bench-${runId}-probe` };
  }
  const api = new Api(server.httpBase, server);
  await api.register(`bench-${Date.now()}@example.org`, 'bench-password-1234', 'Benchmark');
  for (let p = 0; p < options.plans; p++) {
    const planId = await api.createPlan(`Benchmark plan ${p}`, `Barn ${p}`);
    const peers: PeerSpec[] = [];
    for (let index = 0; index < options.peers; index++) {
      peers.push({ server: 'ours', planId, token: await api.collabToken(planId), index });
    }
    plans.push(peers);
  }
  const probePlan = await api.createPlan('Probe', 'Probe');
  const probeUrl = `${server.wsBase}/${probePlan}?token=${encodeURIComponent(await api.collabToken(probePlan))}`;
  return { plans, probeUrl };
}

function countUpdateRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'samplan.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Waits until the process has used under 20 ms of CPU in 500 ms (or 40 s have passed). */
async function settled(pid: number): Promise<void> {
  const deadline = Date.now() + 40_000;
  let last = readCpuSeconds(pid);
  while (Date.now() < deadline) {
    await sleep(500);
    const now = readCpuSeconds(pid);
    if (now - last < 0.02) return;
    last = now;
  }
}

/**
 * Warmup for each server, then measured segments in rounds whose order alternates (ours, ref, floor, then floor,
 * ref, ours, ...), so all servers see the same machine: a neighbour that is busy for a while hits them alike
 * rather than one of them.
 */
function schedule(options: BenchOptions, startUs: number): Segment[] {
  const segments: Segment[] = [];
  let t = startUs;
  const add = (server: ServerKind, sec: number, measured: boolean): void => {
    segments.push({ server, fromUs: t, untilUs: t + sec * 1e6, measured });
    t += sec * 1e6 + GAP_US;
  };
  if (options.warmupSec > 0) for (const kind of KINDS) add(kind, options.warmupSec, false);
  const perServer = Math.max(1, Math.round(options.durationSec / options.segmentSec));
  const sec = options.durationSec / perServer;
  for (let round = 0; round < perServer; round++) {
    for (const kind of round % 2 === 0 ? KINDS : [...KINDS].reverse()) add(kind, sec, true);
  }
  return segments;
}

/** All three servers, started here, under the same N plans x M peers load, their measured segments interleaved. */
export async function runLoad(options: BenchOptions, log: (message: string) => void): Promise<LoadRun> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-bench-load-'));
  const servers: Partial<Record<ServerKind, RunningServer>> = {};
  const clients: Client[] = [];
  const profilers: Partial<Record<ServerKind, InspectorProfiler>> = {};
  const probeUrls = {} as Record<ServerKind, string>;
  let probes: StallProbes | null = null;
  try {
    const nodeArgs = options.profile ? ['--inspect=127.0.0.1:0'] : [];
    const startMs = {} as Record<ServerKind, number>;
    const idleMemory = {} as Record<ServerKind, ReturnType<typeof readMemory>>;
    const plans: PeerSpec[][] = [];
    for (const kind of KINDS) {
      const started = performance.now();
      const server =
        kind === 'ours'
          ? await startOurs({ dataDir, sqliteSynchronous: options.sqliteSynchronous, nodeArgs })
          : kind === 'reference'
            ? await startReference(nodeArgs)
            : await startFloor(nodeArgs);
      servers[kind] = server;
      startMs[kind] = performance.now() - started;
      idleMemory[kind] = readMemory(server.pid);
      const prepared = await preparePeers(server, options);
      plans.push(...prepared.plans);
      probeUrls[kind] = prepared.probeUrl;
    }

    // Peers of one plan are spread over the client processes, so most deliveries cross processes.
    const perProc: PeerSpec[][] = Array.from({ length: options.clientProcs }, () => []);
    let next = 0;
    for (const plan of plans) for (const peer of plan) perProc[next++ % options.clientProcs]!.push(peer);

    for (let i = 0; i < options.clientProcs; i++) clients.push(new ChildHandle(LOAD_CLIENT, `load client ${i}`));
    const ready = clients.map((client) => client.next('ready', 90_000));
    clients.forEach((client, i) =>
      client.send({
        type: 'init',
        wsBase: perKind((kind) => servers[kind]!.wsBase),
        peers: perProc[i]!,
        seed: options.seed * 1000 + i,
      }),
    );
    const connectMs = Math.max(...(await Promise.all(ready)).map((m) => m.connectMs));
    // Let the paragraph each peer created reach everyone before timing starts.
    await sleep(500);
    if (options.profile) {
      for (const kind of KINDS) {
        profilers[kind] = await InspectorProfiler.connect(await inspectorUrl(servers[kind]!.process.output));
      }
    }

    probes = new StallProbes(probeUrls);
    await probes.start();

    const startUs = nowUs() + 300_000;
    const segments = schedule(options, startUs);
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
      `load: ${segments.length} segments (${segments.filter((s) => s.measured).length} measured), ` +
        `${((endUs - startUs) / 1e6).toFixed(0)} s`,
    );

    // CPU of both servers at every segment start and at the end; a server's measured CPU is the sum over its
    // measured segments, each with the pause after it.
    const cpuAt = (): Record<ServerKind, number> => perKind((kind) => readCpuSeconds(servers[kind]!.pid));
    await sleepUntilUsPrecise(startUs);
    const sessionCpuStart = cpuAt();
    const measuredCpu = perKind(() => 0);
    const windowUs = perKind(() => 0);
    const rssWindowMax = perKind(() => 0);
    let machineCpu = 0;
    let measuredUs = 0;
    const firstMeasured = segments.findIndex((s) => s.measured);
    for (let i = firstMeasured; i < segments.length; i++) {
      const segment = segments[i]!;
      const segmentEnd = segments[i + 1]?.fromUs ?? endUs;
      await sleepUntilUsPrecise(segment.fromUs);
      if (i === firstMeasured) await Promise.all(Object.values(profilers).map((p) => p.start()));
      const before = cpuAt();
      const machineBefore = readMachineCpuSeconds();
      while (nowUs() < segmentEnd - 300_000) {
        await sleep(250);
        for (const kind of KINDS) {
          rssWindowMax[kind] = Math.max(rssWindowMax[kind], readMemory(servers[kind]!.pid).rssMiB);
        }
      }
      await sleepUntilUsPrecise(segmentEnd);
      const after = cpuAt();
      machineCpu += readMachineCpuSeconds() - machineBefore;
      measuredUs += segmentEnd - segment.fromUs;
      measuredCpu[segment.server] += after[segment.server] - before[segment.server];
      windowUs[segment.server] += segmentEnd - segment.fromUs;
    }
    probes.stop();
    const stalls: Record<ServerKind, StallReport> = perKind((kind) => probes!.report(kind, segments, startUs));
    const profiles: Partial<Record<ServerKind, ProfileSummary>> = {};
    for (const kind of KINDS) {
      const profiler = profilers[kind];
      if (!profiler) continue;
      profiles[kind] = summarizeProfile(await profiler.stop());
      profiler.close();
      delete profilers[kind];
    }
    const memory = perKind((kind) => readMemory(servers[kind]!.pid));

    const reports: LoadClientReport[] = (await reportsPromise).map((m) => m.report);
    const clientCpuSec = reports.reduce((n, r) => n + r.clientCpuSec, 0);
    const serverCpuWhileMeasuring = KINDS.reduce((n, kind) => n + measuredCpu[kind], 0);

    const localUpdates = perKind((kind) => reports.reduce((n, r) => n + r.servers[kind].localUpdates, 0));
    const rows = countUpdateRows(dataDir);

    await Promise.all(clients.map((client) => client.close({ type: 'close' })));
    const settleMs = {} as Record<ServerKind, number>;
    const sessionCpuSec = {} as Record<ServerKind, number>;
    await Promise.all(
      KINDS.map(async (kind) => {
        const settleStart = performance.now();
        await settled(servers[kind]!.pid);
        settleMs[kind] = performance.now() - settleStart;
        sessionCpuSec[kind] = readCpuSeconds(servers[kind]!.pid) - sessionCpuStart[kind];
      }),
    );
    const stops = {} as Record<ServerKind, Awaited<ReturnType<RunningServer['stop']>>>;
    for (const kind of KINDS) stops[kind] = await servers[kind]!.stop('SIGTERM');

    const result = (kind: ServerKind): LoadResult => {
      const parts: ServerReport[] = reports.map((r) => r.servers[kind]);
      const sum = (f: (r: ServerReport) => number): number => parts.reduce((n, r) => n + f(r), 0);
      const latencies = concatSorted(parts.map((r) => r.latenciesUs));
      const editsSent = sum((r) => r.sentInWindow);
      const delivered = sum((r) => r.receivedInWindow);
      const expectedDeliveries = editsSent * (options.peers - 1);
      const sessionDelivered = sum((r) => r.receivedTotal);
      const cpuSec = measuredCpu[kind];
      const windowSec = windowUs[kind] / 1e6;
      const ms = (us: number): number => round(us / 1000);
      const hashes = new Map<string, Set<string>>();
      for (const r of parts) {
        for (const [planId, list] of Object.entries(r.contentHashes)) {
          const set = hashes.get(planId) ?? new Set<string>();
          for (const hash of list) set.add(hash);
          hashes.set(planId, set);
        }
      }
      // One seed update per plan, the probe plan included.
      const expectedRows = options.plans + 1 + localUpdates.ours;
      const stop = stops[kind];
      return {
        server: kind,
        plans: options.plans,
        peersPerPlan: options.peers,
        clientProcs: options.clientProcs,
        windowSec: round(windowSec),
        segments: segments.filter((s) => s.measured && s.server === kind).length,
        serverStartMs: round(startMs[kind], 0),
        editsSent,
        expectedDeliveries,
        delivered,
        deliveryRatio: round(delivered / expectedDeliveries, 4),
        latencyMs: {
          p50: ms(percentile(latencies, 50)),
          p90: ms(percentile(latencies, 90)),
          p99: ms(percentile(latencies, 99)),
          p999: ms(percentile(latencies, 99.9)),
          max: ms(latencies[latencies.length - 1] ?? NaN),
          mean: ms(mean(latencies)),
        },
        serverCpuSec: round(cpuSec),
        serverCpuSecPer1kDelivered: round((cpuSec / delivered) * 1000, 4),
        serverCpuShareOfOneCore: round(cpuSec / windowSec),
        session: {
          cpuSec: round(sessionCpuSec[kind]),
          delivered: sessionDelivered,
          cpuSecPer1kDelivered: round((sessionCpuSec[kind] / sessionDelivered) * 1000, 4),
          settleMs: round(settleMs[kind], 0),
        },
        serverRssIdleMiB: round(idleMemory[kind].rssMiB, 1),
        serverRssPeakMiB: round(memory[kind].peakMiB, 1),
        serverRssEndMiB: round(memory[kind].rssMiB, 1),
        serverRssWindowMaxMiB: round(rssWindowMax[kind], 1),
        reconnects: sum((r) => r.reconnects),
        disconnectedPeers: sum((r) => r.disconnectedPeers),
        convergedPlans: [...hashes.values()].filter((set) => set.size === 1).length,
        persisted: kind === 'ours' ? { rows, expectedRows, everyUpdateStored: rows >= expectedRows } : null,
        stop: { ms: round(stop.ms, 0), code: stop.code, signal: stop.signal, forced: stop.forced },
        stalls: stalls[kind],
        ...(profiles[kind] ? { profile: profiles[kind] } : {}),
      };
    };

    return {
      ours: result('ours'),
      reference: result('reference'),
      floor: result('floor'),
      clients: {
        processes: options.clientProcs,
        connectMs: round(connectMs, 0),
        cpuSec: round(clientCpuSec),
        maxTimerLagMs: round(Math.max(...reports.map((r) => r.maxTimerLagMs)), 1),
        otherProcessesCores: round(
          Math.max(0, machineCpu - serverCpuWhileMeasuring - clientCpuSec) / (measuredUs / 1e6),
          2,
        ),
        machineCores: cpus().length,
      },
      schedule: segments.map((s) => ({ server: s.server, measured: s.measured, sec: (s.untilUs - s.fromUs) / 1e6 })),
    };
  } finally {
    probes?.stop();
    for (const profiler of Object.values(profilers)) profiler.close();
    await Promise.allSettled(clients.map((client) => client.close()));
    for (const server of Object.values(servers)) await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
