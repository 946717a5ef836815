import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { nowUs, sleep, sleepUntilUsPrecise } from './clock.ts';
import { ChildHandle } from './ipc.ts';
import type { FromLoadClient, LoadClientReport, PeerSpec, ToLoadClient } from './messages.ts';
import type { BenchOptions } from './options.ts';
import { InspectorProfiler, inspectorUrl, summarizeProfile, type ProfileSummary } from './profile.ts';
import { readCpuSeconds, readMachineCpuSeconds, readMemory } from './procs.ts';
import { Api, startOurs, startReference, type RunningServer, type ServerKind } from './servers.ts';
import { concatSorted, mean, percentile, round as roundTo } from './stats.ts';

const LOAD_CLIENT = join(import.meta.dirname, '..', 'loadClient.ts');

export interface LoadResult {
  server: ServerKind;
  round: number;
  plans: number;
  peersPerPlan: number;
  clientProcs: number;
  windowSec: number;
  serverStartMs: number;
  connectMs: number;
  editsSent: number;
  expectedDeliveries: number;
  delivered: number;
  deliveryRatio: number;
  latencyMs: { p50: number; p90: number; p99: number; p999: number; max: number; mean: number };
  serverCpuSec: number;
  serverCpuSecPer1kDelivered: number;
  serverCpuShareOfOneCore: number;
  /** RSS right after start, before any peer connected (MiB). */
  serverRssIdleMiB: number;
  serverRssPeakMiB: number;
  serverRssEndMiB: number;
  serverRssWindowMaxMiB: number;
  clientCpuSec: number;
  /** CPU (in cores) used by everything else on the machine during the window: a noisy neighbour shows here. */
  otherProcessesCores: number;
  machineCores: number;
  maxClientTimerLagMs: number;
  reconnects: number;
  disconnectedPeers: number;
  /** Plans whose peers all ended with the same content. */
  convergedPlans: number;
  /** Our server: rows in doc_updates against the updates the clients produced (+ one seed per plan). */
  persisted: { rows: number; expectedRows: number; everyUpdateStored: boolean } | null;
  stop: { ms: number; code: number | null; signal: string | null; forced: boolean };
  /** With --profile: where the server spent its CPU during the window. */
  profile?: ProfileSummary;
}

type Client = ChildHandle<ToLoadClient, FromLoadClient>;

async function preparePeers(server: RunningServer, options: BenchOptions): Promise<PeerSpec[][]> {
  const plans: PeerSpec[][] = [];
  if (server.kind === 'reference') {
    const runId = Math.random().toString(36).slice(2, 8);
    for (let p = 0; p < options.plans; p++) {
      const planId = `bench-${runId}-${p}`;
      plans.push(Array.from({ length: options.peers }, (_, index) => ({ planId, token: null, index })));
    }
    return plans;
  }
  const api = new Api(server.httpBase, server);
  await api.register(`bench-${Date.now()}@example.org`, 'bench-password-1234', 'Benchmark');
  for (let p = 0; p < options.plans; p++) {
    const planId = await api.createPlan(`Benchmark plan ${p}`, `Barn ${p}`);
    const peers: PeerSpec[] = [];
    for (let index = 0; index < options.peers; index++) {
      peers.push({ planId, token: await api.collabToken(planId), index });
    }
    plans.push(peers);
  }
  return plans;
}

function countUpdateRows(dataDir: string): number {
  const db = new Database(join(dataDir, 'samplan.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM doc_updates').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** One server under the N plans x M peers load; the server is started and stopped here. */
export async function runLoad(kind: ServerKind, options: BenchOptions, round: number): Promise<LoadResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-bench-load-'));
  let server: RunningServer | undefined;
  const clients: Client[] = [];
  let profiler: InspectorProfiler | undefined;
  try {
    const startedAt = performance.now();
    const nodeArgs = options.profile ? ['--inspect=127.0.0.1:0'] : [];
    server =
      kind === 'ours'
        ? await startOurs({ dataDir, sqliteSynchronous: options.sqliteSynchronous, nodeArgs })
        : await startReference(nodeArgs);
    const serverStartMs = performance.now() - startedAt;
    const idleMemory = readMemory(server.pid);
    const plans = await preparePeers(server, options);

    // Peers of one plan are spread over the client processes, so most deliveries cross processes.
    const perProc: PeerSpec[][] = Array.from({ length: options.clientProcs }, () => []);
    let next = 0;
    for (const plan of plans) for (const peer of plan) perProc[next++ % options.clientProcs]!.push(peer);

    for (let i = 0; i < options.clientProcs; i++) clients.push(new ChildHandle(LOAD_CLIENT, `load client ${i}`));
    const ready = clients.map((client) => client.next('ready', 90_000));
    clients.forEach((client, i) =>
      client.send({
        type: 'init',
        wsBase: server!.wsBase,
        peers: perProc[i]!,
        seed: options.seed * 1000 + round * 100 + i,
      }),
    );
    const connectMs = Math.max(...(await Promise.all(ready)).map((m) => m.connectMs));
    // Let the paragraph each peer created reach everyone before timing starts.
    await sleep(500);

    const startUs = nowUs() + 300_000;
    const measureFromUs = startUs + options.warmupSec * 1e6;
    const measureUntilUs = measureFromUs + options.durationSec * 1e6;
    const drainMs = 1500;
    const reportsPromise = Promise.all(
      clients.map((client) => client.next('report', (measureUntilUs - nowUs()) / 1000 + drainMs + 60_000)),
    );
    reportsPromise.catch(() => {}); // awaited below; keeps an early failure from being "unhandled"
    for (const client of clients) {
      client.send({
        type: 'start',
        startUs,
        measureFromUs,
        measureUntilUs,
        minIntervalMs: options.minIntervalMs,
        maxIntervalMs: options.maxIntervalMs,
        drainMs,
      });
    }

    const pid = server.pid;
    if (options.profile) profiler = await InspectorProfiler.connect(await inspectorUrl(server.process.output));
    await sleepUntilUsPrecise(measureFromUs);
    await profiler?.start();
    const cpuStart = readCpuSeconds(pid);
    const machineStart = readMachineCpuSeconds();
    const windowStartUs = nowUs();
    let rssWindowMax = readMemory(pid).rssMiB;
    while (nowUs() < measureUntilUs - 500_000) {
      await sleep(250);
      rssWindowMax = Math.max(rssWindowMax, readMemory(pid).rssMiB);
    }
    await sleepUntilUsPrecise(measureUntilUs);
    const cpuEnd = readCpuSeconds(pid);
    const machineCpuSec = readMachineCpuSeconds() - machineStart;
    const profile = profiler ? summarizeProfile(await profiler.stop()) : undefined;
    profiler?.close();
    const windowSec = (nowUs() - windowStartUs) / 1e6;
    const memory = readMemory(pid);
    rssWindowMax = Math.max(rssWindowMax, memory.rssMiB);

    const reports: LoadClientReport[] = (await reportsPromise).map((m) => m.report);
    const latencies = concatSorted(reports.map((r) => r.latenciesUs));
    const sum = (f: (r: LoadClientReport) => number): number => reports.reduce((n, r) => n + f(r), 0);
    const editsSent = sum((r) => r.sentInWindow);
    const delivered = sum((r) => r.receivedInWindow);
    const expectedDeliveries = editsSent * (options.peers - 1);
    const cpuSec = cpuEnd - cpuStart;
    const ms = (us: number): number => roundTo(us / 1000);

    const hashes = new Map<string, Set<string>>();
    for (const r of reports) {
      for (const [planId, list] of Object.entries(r.contentHashes)) {
        const set = hashes.get(planId) ?? new Set<string>();
        for (const hash of list) set.add(hash);
        hashes.set(planId, set);
      }
    }
    const convergedPlans = [...hashes.values()].filter((set) => set.size === 1).length;

    let persisted: LoadResult['persisted'] = null;
    if (kind === 'ours') {
      const rows = countUpdateRows(dataDir);
      const expectedRows = options.plans + sum((r) => r.localUpdates);
      persisted = { rows, expectedRows, everyUpdateStored: rows >= expectedRows };
    }

    await Promise.all(clients.map((client) => client.close({ type: 'close' })));
    const stop = await server.stop('SIGTERM');

    return {
      server: kind,
      round,
      plans: options.plans,
      peersPerPlan: options.peers,
      clientProcs: options.clientProcs,
      windowSec: roundTo(windowSec),
      serverStartMs: roundTo(serverStartMs, 0),
      connectMs: roundTo(connectMs, 0),
      editsSent,
      expectedDeliveries,
      delivered,
      deliveryRatio: roundTo(delivered / expectedDeliveries, 4),
      latencyMs: {
        p50: ms(percentile(latencies, 50)),
        p90: ms(percentile(latencies, 90)),
        p99: ms(percentile(latencies, 99)),
        p999: ms(percentile(latencies, 99.9)),
        max: ms(latencies[latencies.length - 1] ?? NaN),
        mean: ms(mean(latencies)),
      },
      serverCpuSec: roundTo(cpuSec),
      serverCpuSecPer1kDelivered: roundTo((cpuSec / delivered) * 1000, 4),
      serverCpuShareOfOneCore: roundTo(cpuSec / windowSec),
      serverRssIdleMiB: roundTo(idleMemory.rssMiB, 1),
      serverRssPeakMiB: roundTo(memory.peakMiB, 1),
      serverRssEndMiB: roundTo(memory.rssMiB, 1),
      serverRssWindowMaxMiB: roundTo(rssWindowMax, 1),
      clientCpuSec: roundTo(sum((r) => r.clientCpuSec)),
      otherProcessesCores: roundTo(Math.max(0, machineCpuSec - cpuSec - sum((r) => r.clientCpuSec)) / windowSec, 2),
      machineCores: cpus().length,
      maxClientTimerLagMs: roundTo(Math.max(...reports.map((r) => r.maxTimerLagMs)), 1),
      reconnects: sum((r) => r.reconnects),
      disconnectedPeers: sum((r) => r.disconnectedPeers),
      convergedPlans,
      persisted,
      stop: { ms: roundTo(stop.ms, 0), code: stop.code, signal: stop.signal, forced: stop.forced },
      ...(profile ? { profile } : {}),
    };
  } finally {
    profiler?.close();
    await Promise.allSettled(clients.map((client) => client.close()));
    if (server) await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
