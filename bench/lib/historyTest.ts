import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { VersionExport, VersionInfo, VersionList } from '@samplan/api';
import { feedPlan } from './feedPlan.ts';
import type { BenchOptions } from './options.ts';
import { Api, startOurs, type RunningServer } from './servers.ts';
import { median, round } from './stats.ts';
import { storeInfo, type StoreInfo } from './storeInfo.ts';

/** Members taking turns on the history plan: its koordinator and two foresatt. */
const WRITERS = 3;
/** A turn is about a session's worth of typing; each hand-over starts a version. */
const EDITS_PER_TURN = 2000;
const WARM_LIST_CALLS = 10;
const EXPORTS = 12;
const WARM_PLAN_LIST_CALLS = 20;
/** The web app's page of versions. */
const LIST_LIMIT = 100;

export interface TimedExport {
  seq: number;
  /** A version's seq from the list (false: a seq in between, when the list has fewer than EXPORTS versions). */
  listed: boolean;
  ms: number;
  bytes: number;
}

export interface HistoryResult {
  plan: {
    edits: number;
    updatesWritten: number;
    writers: number;
    handOvers: number;
    ingestMs: number;
    /** The store as SIGKILL left it: projected as far as the projector got meanwhile, checkpoint + the tail since. */
    storeAtKill: StoreInfo;
  };
  versionList: {
    limit: number;
    /** Versions in the plan's history (all pages). */
    versions: number;
    head: number;
    /** Updates the first call's catch-up projected (head - what was projected at the kill). */
    caughtUp: number | null;
    firstMs: number;
    warmMs: number[];
    warmMedianMs: number;
    warmMaxMs: number;
    bytes: number;
  };
  exports: TimedExport[];
  exportMedianMs: number;
  exportMaxMs: number;
  restore: {
    toSeq: number;
    /** The head it was restored over: this many updates undone. */
    fromHead: number;
    seq: number | null;
    ms: number;
    /** The export right after the restore equals the export of `toSeq` (content deep-equal). */
    contentEqual: boolean;
    /** Top-level keys of the content that differ, when not equal. */
    differingKeys: string[];
  };
  planList: {
    plans: number;
    createMedianMs: number;
    firstMs: number;
    warmMs: number[];
    warmMedianMs: number;
    warmMaxMs: number;
    /** The first GET /api/plans after the server was stopped (SIGTERM) and started again on the same data. */
    afterRestartMs: number;
    bytes: number;
    /** Every plan listed, each with a progress summary and its attention items, also after the restart. */
    complete: boolean;
  };
}

const plansPath = (planId: string): string => `/api/plans/${encodeURIComponent(planId)}`;

/** `count` versions spread evenly over `versions` (oldest first), always the oldest and the newest. */
function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const picked = new Set<number>();
  for (let k = 0; k < count; k++) picked.add(Math.round((k * (items.length - 1)) / (count - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => items[i]!);
}

/** Every version of the plan, oldest first (paging back with `nextBefore`; not timed). */
async function allVersions(api: Api, planId: string, firstPage: VersionList): Promise<VersionInfo[]> {
  const versions = [...firstPage.versions];
  for (let before = firstPage.nextBefore; before !== null;) {
    const { json } = await api.request<VersionList>(
      'GET',
      `${plansPath(planId)}/versions?limit=${LIST_LIMIT}&before=${before}`,
    );
    versions.push(...json.versions);
    before = json.nextBefore;
  }
  return versions.reverse();
}

/**
 * The seqs to export: versions spread over the history, oldest and newest included; when the history has fewer
 * versions than that, seqs spread between them fill up (every seq is a state the API can export).
 */
function exportSeqs(versions: readonly VersionInfo[], head: number): Array<{ seq: number; listed: boolean }> {
  const chosen = spread(versions, EXPORTS).map((v) => ({ seq: v.seq, listed: true }));
  const listed = new Set(chosen.map((c) => c.seq));
  for (let k = 1; chosen.length < EXPORTS && k < EXPORTS; k++) {
    const seq = Math.max(1, Math.round((k * head) / EXPORTS));
    if (!listed.has(seq)) chosen.push({ seq, listed: false });
    listed.add(seq);
  }
  return chosen.sort((a, b) => a.seq - b.seq);
}

const differingKeys = (a: Record<string, unknown>, b: Record<string, unknown>): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !isDeepStrictEqual(a[key], b[key]));

async function planHistory(options: BenchOptions, log: (message: string) => void) {
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-bench-history-'));
  let server: RunningServer | undefined;
  try {
    const fed = await feedPlan({
      dataDir,
      edits: options.historyEdits,
      seed: options.seed,
      sqliteSynchronous: options.sqliteSynchronous,
      writers: WRITERS,
      editsPerTurn: EDITS_PER_TURN,
    });
    // At once, and without a shutdown: a SIGTERM would project the whole log on the way out, and the fresh
    // server's first list call would have nothing to catch up. After SIGKILL it has whatever the projector had
    // not reached while the edits came in, as after a crash.
    await fed.server.stop('SIGKILL');
    await fed.writer.close({ type: 'close' });
    const { planId, account } = fed;
    const storeAtKill = storeInfo(dataDir, planId);
    log(
      `  ${fed.written.updates} edits by ${WRITERS} members in turns (${fed.written.handOvers} hand-overs), ` +
        `${storeAtKill.logRows} log rows; fresh server`,
    );

    server = await startOurs({ dataDir, sqliteSynchronous: options.sqliteSynchronous });
    const api = new Api(server.httpBase, server);
    await api.login(account.email, account.password);
    const listPath = `${plansPath(planId)}/versions?limit=${LIST_LIMIT}`;
    const first = await api.request<VersionList>('GET', listPath);
    const warm: number[] = [];
    for (let i = 0; i < WARM_LIST_CALLS; i++) warm.push((await api.request<VersionList>('GET', listPath)).ms);
    const head = first.json.head;
    const versions = await allVersions(api, planId, first.json);
    log(`  version list: ${versions.length} versions up to seq ${head}; first call ${round(first.ms, 0)} ms`);

    const exports: TimedExport[] = [];
    const contents = new Map<number, VersionExport['content']>();
    for (const { seq, listed } of exportSeqs(versions, head)) {
      const { json, ms, bytes } = await api.request<VersionExport>(
        'GET',
        `${plansPath(planId)}/versions/${seq}/export.json`,
      );
      if (json.seq !== seq) throw new Error(`export of version ${seq} answered seq ${json.seq}`);
      contents.set(seq, json.content);
      exports.push({ seq, listed, ms: round(ms, 1), bytes });
    }

    // An early version: the first that reaches a tenth of the history, so the restore undoes nine tenths.
    const early = versions.find((v) => v.seq >= head / 10 && v.seq > 1) ?? versions[0]!;
    const before =
      contents.get(early.seq) ??
      (await api.request<VersionExport>('GET', `${plansPath(planId)}/versions/${early.seq}/export.json`)).json.content;
    const restored = await api.request<{ seq: number | null }>('POST', `${plansPath(planId)}/restore`, {
      toSeq: early.seq,
    });
    const afterSeq = restored.json.seq ?? head;
    const after = (await api.request<VersionExport>('GET', `${plansPath(planId)}/versions/${afterSeq}/export.json`))
      .json.content;
    const contentEqual = isDeepStrictEqual(after, before);

    const stop = await server.stop('SIGTERM');
    if (stop.forced || stop.code !== 0) throw new Error(`server did not stop cleanly: ${JSON.stringify(stop)}`);
    return {
      plan: {
        edits: options.historyEdits,
        updatesWritten: fed.written.updates,
        writers: WRITERS,
        handOvers: fed.written.handOvers,
        ingestMs: round(fed.ingestMs, 0),
        storeAtKill,
      },
      versionList: {
        limit: LIST_LIMIT,
        versions: versions.length,
        head,
        caughtUp: storeAtKill.projectedSeq === null ? null : head - storeAtKill.projectedSeq,
        firstMs: round(first.ms, 1),
        warmMs: warm.map((ms) => round(ms, 1)),
        warmMedianMs: round(median(warm), 1),
        warmMaxMs: round(Math.max(...warm), 1),
        bytes: first.bytes,
      },
      exports,
      exportMedianMs: round(median(exports.map((e) => e.ms)), 1),
      exportMaxMs: round(Math.max(...exports.map((e) => e.ms)), 1),
      restore: {
        toSeq: early.seq,
        fromHead: head,
        seq: restored.json.seq,
        ms: round(restored.ms, 1),
        contentEqual,
        differingKeys: contentEqual
          ? []
          : differingKeys(after as unknown as Record<string, unknown>, before as unknown as Record<string, unknown>),
      },
    };
  } finally {
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One member of `options.historyPlans` demo plans: their plan list. */
async function planList(options: BenchOptions): Promise<HistoryResult['planList']> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-bench-plans-'));
  let server: RunningServer | undefined;
  try {
    server = await startOurs({ dataDir, sqliteSynchronous: options.sqliteSynchronous });
    const api = new Api(server.httpBase, server);
    const email = `plans-${Date.now()}@example.org`;
    await api.register(email, 'bench-password-1234', 'Koordinator Mange');
    const create: number[] = [];
    for (let i = 0; i < options.historyPlans; i++) {
      const { ms } = await api.request('POST', '/api/plans', {
        title: `Plan ${i + 1}`,
        childName: `Barn ${i + 1}`,
        demo: true,
      });
      create.push(ms);
    }
    type Listed = { plans: Array<{ progress: unknown; attention?: unknown[] }> };
    const listedWhole = (json: Listed) =>
      json.plans.length === options.historyPlans &&
      json.plans.every((p) => p.progress !== null && Array.isArray(p.attention) && p.attention.length > 0);
    const first = await api.request<Listed>('GET', '/api/plans');
    const warm: number[] = [];
    let complete = first.json.plans.length === options.historyPlans;
    for (let i = 0; i < WARM_PLAN_LIST_CALLS; i++) {
      const { json, ms } = await api.request<Listed>('GET', '/api/plans');
      warm.push(ms);
      complete &&= listedWhole(json);
    }
    const stop = await server.stop('SIGTERM');
    if (stop.forced || stop.code !== 0) throw new Error(`server did not stop cleanly: ${JSON.stringify(stop)}`);
    // The caseload after a restart: a fresh process on the same data, its first list (after logging in again).
    server = await startOurs({ dataDir, sqliteSynchronous: options.sqliteSynchronous });
    const again = new Api(server.httpBase, server);
    await again.request('POST', '/api/auth/login', { email, password: 'bench-password-1234' });
    const afterRestart = await again.request<Listed>('GET', '/api/plans');
    complete &&= listedWhole(afterRestart.json);
    const stopAgain = await server.stop('SIGTERM');
    if (stopAgain.forced || stopAgain.code !== 0) {
      throw new Error(`server did not stop cleanly: ${JSON.stringify(stopAgain)}`);
    }
    return {
      plans: options.historyPlans,
      createMedianMs: round(median(create), 1),
      firstMs: round(first.ms, 1),
      warmMs: warm.map((ms) => round(ms, 1)),
      warmMedianMs: round(median(warm), 1),
      warmMaxMs: round(Math.max(...warm), 1),
      afterRestartMs: round(afterRestart.ms, 1),
      bytes: first.bytes,
      complete,
    };
  } finally {
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Issue 13's history targets, over real HTTP against our server process: the version list, any version's
 * export and a whole-plan restore on a plan with `historyEdits` logged edits, then `GET /api/plans` for a
 * member of `historyPlans` demo-size plans.
 */
export async function runHistory(options: BenchOptions, log: (message: string) => void): Promise<HistoryResult> {
  const history = await planHistory(options, log);
  log(`  plan list: ${options.historyPlans} demo plans`);
  return { ...history, planList: await planList(options) };
}
