import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FloorReport, FromColdClient, ReadReport, ToColdClient } from '../coldLoad.ts';
import { sleep } from './clock.ts';
import { ChildHandle } from './ipc.ts';
import type { BenchOptions } from './options.ts';
import { readMemory } from './procs.ts';
import { Api, startOurs, type RunningServer } from './servers.ts';
import { median, round } from './stats.ts';

const COLD_CLIENT = join(import.meta.dirname, '..', 'coldLoad.ts');

type ColdClient = ChildHandle<ToColdClient, FromColdClient>;

interface StoreInfo {
  logRows: number;
  checkpoint: { seq: number; bytes: number } | null;
  tailRows: number;
  dbFileBytes: number;
}

export interface ColdRun extends ReadReport {
  serverStartMs: number;
  /** Server RSS after the load (MiB). */
  serverRssMiB: number;
}

export interface ColdResult {
  edits: number;
  updatesWritten: number;
  writeMs: number;
  /** From the first edit until the last one is committed (rows visible in SQLite). */
  ingestMs: number;
  ingestUpdatesPerSec: number;
  paragraphs: number;
  mergedStateBytes: number;
  contentChars: number;
  /** Store when the last edit was committed (and, with the crash run, killed). */
  storeAfterWrite: StoreInfo;
  /** Loaded after SIGKILL right after writing: checkpoint + the uncheckpointed tail. */
  crash: (ColdRun & { store: StoreInfo }) | null;
  /** Store as a clean shutdown left it (what the clean runs load). */
  storeAfterCleanStop: StoreInfo;
  clean: ColdRun[];
  floor: FloorReport[];
  median: {
    syncedMs: number;
    verifiedMs: number;
    floorApplyMs: number;
    floorApplyAndReadMs: number;
    warmApplyMs: number;
  };
  /** Fresh-server load time over the floor: median synced / median cold apply. */
  ratio: number;
  /** The same with reading the content back on both sides. */
  ratioWithContentCheck: number;
  crashRatio: number | null;
}

function storeInfo(dataDir: string, planId: string): StoreInfo {
  const db = new Database(join(dataDir, 'samplan.db'), { readonly: true, fileMustExist: true });
  try {
    const logRows = (db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE plan_id = ?').get(planId) as { n: number })
      .n;
    const row = db.prepare('SELECT seq, length(data) AS bytes FROM doc_checkpoints WHERE plan_id = ?').get(planId) as
      { seq: number; bytes: number } | undefined;
    const tailRows = (
      db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE plan_id = ? AND seq > ?').get(planId, row?.seq ?? 0) as {
        n: number;
      }
    ).n;
    let dbFileBytes = 0;
    for (const suffix of ['', '-wal']) {
      const path = join(dataDir, `samplan.db${suffix}`);
      if (existsSync(path)) dbFileBytes += statSync(path).size;
    }
    return { logRows, checkpoint: row ?? null, tailRows, dbFileBytes };
  } finally {
    db.close();
  }
}

async function waitForRows(dataDir: string, planId: string, rows: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const have = storeInfo(dataDir, planId).logRows;
    if (have >= rows) return have;
    if (Date.now() > deadline) throw new Error(`doc_updates holds ${have} rows of ${rows} after ${timeoutMs} ms`);
    await sleep(20);
  }
}

async function tokenFor(server: RunningServer, email: string, password: string, planId: string): Promise<string> {
  const api = new Api(server.httpBase, server);
  await api.login(email, password);
  return api.collabToken(planId);
}

/** A freshly started server and a new client: time until it has the whole plan. */
async function coldRead(
  dataDir: string,
  options: BenchOptions,
  account: { email: string; password: string },
  planId: string,
  expectedPath: string,
): Promise<ColdRun> {
  const started = performance.now();
  const server = await startOurs({ dataDir, sqliteSynchronous: options.sqliteSynchronous });
  const serverStartMs = performance.now() - started;
  const reader: ColdClient = new ChildHandle(COLD_CLIENT, 'cold reader');
  try {
    const token = await tokenFor(server, account.email, account.password, planId);
    // The reader process is up and has its modules loaded before the clock starts.
    reader.send({ type: 'read', wsBase: server.wsBase, planId, token, expectedPath });
    const report = await reader.next('read', 120_000);
    const { type: _type, ...read } = report;
    const serverRssMiB = readMemory(server.pid).rssMiB;
    await reader.close({ type: 'close' });
    const stop = await server.stop('SIGTERM');
    if (stop.forced || stop.code !== 0) throw new Error(`server did not stop cleanly: ${JSON.stringify(stop)}`);
    return { ...read, serverStartMs, serverRssMiB };
  } finally {
    await reader.close();
    await server.stop('SIGKILL');
  }
}

export async function runCold(options: BenchOptions): Promise<ColdResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-bench-cold-'));
  const statePath = join(dataDir, 'merged-state.bin');
  const expectedPath = join(dataDir, 'expected-content.xml');
  const account = { email: `cold-${Date.now()}@example.org`, password: 'bench-password-1234' };
  let server: RunningServer | undefined;
  let writer: ColdClient | undefined;
  try {
    server = await startOurs({ dataDir, sqliteSynchronous: options.sqliteSynchronous });
    const api = new Api(server.httpBase, server);
    await api.register(account.email, account.password, 'Cold load');
    const planId = await api.createPlan('Kaldstart', 'Barn med lang historikk');
    const rowsBefore = storeInfo(dataDir, planId).logRows;

    writer = new ChildHandle(COLD_CLIENT, 'cold writer');
    const writeStart = performance.now();
    writer.send({
      type: 'write',
      wsBase: server.wsBase,
      planId,
      token: await api.collabToken(planId),
      edits: options.coldEdits,
      seed: options.seed,
    });
    const written = await writer.next('written', 15 * 60_000);
    await waitForRows(dataDir, planId, rowsBefore + written.updates, 5 * 60_000);
    const ingestMs = performance.now() - writeStart;
    // SIGKILL at once when the last edit is committed: no shutdown checkpoint, the log tail must be loaded.
    if (options.coldCrash) await server.stop('SIGKILL');
    const storeAfterWrite = storeInfo(dataDir, planId);
    writer.send({ type: 'finish', statePath, expectedPath });
    const state = await writer.next('saved', 60_000);

    let crash: ColdResult['crash'] = null;
    await writer.close({ type: 'close' });
    if (options.coldCrash) {
      crash = { ...(await coldRead(dataDir, options, account, planId, expectedPath)), store: storeAfterWrite };
    } else {
      await sleep(200);
      const stop = await server.stop('SIGTERM');
      if (stop.forced || stop.code !== 0) throw new Error(`server did not stop cleanly: ${JSON.stringify(stop)}`);
    }
    const storeAfterCleanStop = storeInfo(dataDir, planId);

    const clean: ColdRun[] = [];
    for (let i = 0; i < options.coldRuns; i++)
      clean.push(await coldRead(dataDir, options, account, planId, expectedPath));

    const floor: FloorReport[] = [];
    for (let i = 0; i < options.coldRuns; i++) {
      const client: ColdClient = new ChildHandle(COLD_CLIENT, 'floor client');
      try {
        client.send({ type: 'floor', statePath, expectedPath, warmReps: 5 });
        const { type: _type, ...report } = await client.next('floor', 120_000);
        floor.push(report);
      } finally {
        await client.close({ type: 'close' });
      }
    }

    const med = {
      syncedMs: median(clean.map((r) => r.syncedMs)),
      verifiedMs: median(clean.map((r) => r.verifiedMs)),
      floorApplyMs: median(floor.map((r) => r.applyMs)),
      floorApplyAndReadMs: median(floor.map((r) => r.applyAndReadMs)),
      warmApplyMs: median(floor.map((r) => r.warmApplyMs)),
    };
    const roundRun = <T extends ColdRun>(run: T): T => ({
      ...run,
      openMs: round(run.openMs, 2),
      syncedMs: round(run.syncedMs, 2),
      verifiedMs: round(run.verifiedMs, 2),
      serverStartMs: round(run.serverStartMs, 0),
      serverRssMiB: round(run.serverRssMiB, 1),
    });
    return {
      edits: options.coldEdits,
      updatesWritten: written.updates,
      writeMs: round(written.writeMs, 0),
      ingestMs: round(ingestMs, 0),
      ingestUpdatesPerSec: round(written.updates / (ingestMs / 1000), 0),
      paragraphs: written.paragraphs,
      mergedStateBytes: state.stateBytes,
      contentChars: state.contentChars,
      storeAfterWrite,
      crash: crash && roundRun(crash),
      storeAfterCleanStop,
      clean: clean.map(roundRun),
      floor: floor.map((f) => ({
        ...f,
        applyMs: round(f.applyMs, 2),
        applyAndReadMs: round(f.applyAndReadMs, 2),
        warmApplyMs: round(f.warmApplyMs, 2),
      })),
      median: {
        syncedMs: round(med.syncedMs, 2),
        verifiedMs: round(med.verifiedMs, 2),
        floorApplyMs: round(med.floorApplyMs, 2),
        floorApplyAndReadMs: round(med.floorApplyAndReadMs, 2),
        warmApplyMs: round(med.warmApplyMs, 2),
      },
      ratio: round(med.syncedMs / med.floorApplyMs, 2),
      ratioWithContentCheck: round(med.verifiedMs / med.floorApplyAndReadMs, 2),
      crashRatio: crash ? round(crash.syncedMs / med.floorApplyMs, 2) : null,
    };
  } finally {
    if (writer) await writer.close();
    if (server) await server.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
