/**
 * Benchmark settings: defaults, then `BENCH_*` environment variables, then `--name=value` arguments
 * (`npm run bench -- --plans=10 --duration=5`). `--quick` shrinks everything for a fast smoke run.
 */
export interface BenchOptions {
  quick: boolean;
  /** Plans open at once during the load test. */
  plans: number;
  /** Peers (providers) per plan. */
  peers: number;
  /** Each peer edits every `minIntervalMs`..`maxIntervalMs` (uniform). */
  minIntervalMs: number;
  maxIntervalMs: number;
  warmupSec: number;
  durationSec: number;
  /** Client processes the peers are spread over. */
  clientProcs: number;
  /** Measured time is cut into segments of about this length, alternating between the servers. */
  segmentSec: number;
  load: boolean;
  /**
   * Issue 11's cluster section: ours alone on SQLite, two of ours on PostgreSQL + Redis, and two Hocuspocus
   * instances on Redis with a database store, under the load section's load.
   */
  cluster: boolean;
  /** The PostgreSQL database the cluster section makes its schemas in (and drops them after). */
  postgresUrl: string;
  /** The Redis both clusters share (their channels do not meet). */
  redisUrl: string;
  cold: boolean;
  /** Edits written into the cold-load plan. */
  coldEdits: number;
  /**
   * Runs of issue 13's scenario: a fresh plan fed `coldEdits` edits, its server sent SIGTERM at once, restarted,
   * and the plan loaded by a new client (each with its floor run).
   */
  coldRuns: number;
  /** Also measure a cold load after SIGKILL (checkpoint + unflushed tail). */
  coldCrash: boolean;
  /** The plan history (issue 13): version list, version exports, restore, and GET /api/plans over many plans. */
  history: boolean;
  /** Logged edits in the history plan. */
  historyEdits: number;
  /** Demo-size plans of the member whose GET /api/plans is timed. */
  historyPlans: number;
  /** The web app in headless chromium: bundle size, time to an editable plan, typing latency. */
  web: boolean;
  /** Fresh-context loads of the demo plan (and as many warm reloads; the large plan opens min(N, 3) times). */
  webRuns: number;
  seed: number;
  /** Profile every server (V8 CPU profile over the measured window, via the inspector). Adds overhead. */
  profile: boolean;
  /** Passed to our server as SQLITE_SYNCHRONOUS when set; the server default otherwise. */
  sqliteSynchronous: 'NORMAL' | 'FULL' | undefined;
  resultsDir: string;
}

const DEFAULTS: Omit<BenchOptions, 'resultsDir'> = {
  quick: false,
  plans: 20,
  peers: 5,
  minIntervalMs: 100,
  maxIntervalMs: 200,
  warmupSec: 5,
  durationSec: 20,
  clientProcs: 2,
  segmentSec: 5,
  load: true,
  cluster: true,
  postgresUrl: 'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: 'redis://127.0.0.1:6379',
  cold: true,
  coldEdits: 100_000,
  coldRuns: 5,
  coldCrash: true,
  history: true,
  historyEdits: 100_000,
  historyPlans: 200,
  web: true,
  webRuns: 5,
  seed: 42,
  profile: false,
  sqliteSynchronous: undefined,
};

const QUICK: Partial<BenchOptions> = {
  plans: 5,
  peers: 3,
  warmupSec: 2,
  durationSec: 6,
  segmentSec: 3,
  coldEdits: 20_000,
  coldRuns: 1,
  historyEdits: 20_000,
  historyPlans: 50,
  webRuns: 2,
};

const NUMERIC = [
  'plans',
  'peers',
  'minIntervalMs',
  'maxIntervalMs',
  'warmupSec',
  'durationSec',
  'clientProcs',
  'segmentSec',
  'coldEdits',
  'coldRuns',
  'historyEdits',
  'historyPlans',
  'webRuns',
  'seed',
] as const;
const BOOLEAN = ['quick', 'load', 'cluster', 'cold', 'coldCrash', 'history', 'web', 'profile'] as const;
const STRING = ['postgresUrl', 'redisUrl'] as const;

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const envName = (name: string): string => `BENCH_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

function parseArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      args.set('help', 'true');
      continue;
    }
    const match = /^--(no-)?([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument ${arg}`);
    const [, negated, name, inline] = match;
    if (negated) args.set(name!, 'false');
    else if (inline !== undefined) args.set(name!, inline);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) args.set(name!, argv[++i]!);
    else args.set(name!, 'true');
  }
  return args;
}

function toBool(name: string, value: string): boolean {
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  throw new Error(`${name}: expected true/false, got "${value}"`);
}

function toNumber(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name}: expected a non-negative number, got "${value}"`);
  return n;
}

export const USAGE = `npm run bench [-- options]
  --quick                 small, fast run (5 plans x 3 peers, 6 s, 20k cold and history edits, 50 plans, 2 web runs)
  --plans=N --peers=M     load shape (default 20 x 5)
  --min-interval-ms, --max-interval-ms   edit interval per peer (default 100..200)
  --warmup-sec, --duration-sec           per server (default 5, 20)
  --segment-sec=S         measured time alternates between the servers in segments of S s (default 5)
  --client-procs=N        client processes (default 2)
  --no-load / --no-cluster / --no-cold / --no-history / --no-web   skip a part
                          (the cluster section alone: --no-load --no-cold --no-history --no-web)
  --postgres-url=URL      where the cluster section makes its schemas (default postgres://postgres@127.0.0.1:5432/test)
  --redis-url=URL         the Redis of the cluster section (default redis://127.0.0.1:6379)
  --cold-edits=N          edits in the cold-load plan (default 100000)
  --cold-runs=N           runs of: feed a fresh plan, SIGTERM at once, restart, reload (default 5)
  --no-cold-crash         skip the cold load after SIGKILL
  --history-edits=N       logged edits in the history plan (default 100000)
  --history-plans=N       demo plans of the member whose GET /api/plans is timed (default 200)
  --web-runs=N            demo plan loads in a fresh browser context, and warm reloads (default 5)
  --sqlite-synchronous=NORMAL|FULL       passed to our server
  --profile               CPU-profile every server over the window (self time by function; adds overhead)
  --seed=N
Every option can also be set as BENCH_<NAME> (e.g. BENCH_PLANS=10, BENCH_QUICK=1).`;

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv, resultsDir: string): BenchOptions | null {
  const args = parseArgs(argv);
  if (args.get('help') === 'true') return null;
  const raw = (name: string): string | undefined => args.get(kebab(name)) ?? env[envName(name)];

  const quickRaw = raw('quick');
  const quick = quickRaw !== undefined && toBool('quick', quickRaw);
  const options: BenchOptions = { ...DEFAULTS, ...(quick ? QUICK : {}), quick, resultsDir };
  for (const name of NUMERIC) {
    const value = raw(name);
    if (value !== undefined) options[name] = toNumber(name, value);
  }
  for (const name of BOOLEAN) {
    const value = raw(name);
    if (value !== undefined) options[name] = toBool(name, value);
  }
  for (const name of STRING) {
    const value = raw(name);
    if (value !== undefined) options[name] = value;
  }
  const sync = raw('sqliteSynchronous');
  if (sync !== undefined) {
    const upper = sync.toUpperCase();
    if (upper !== 'NORMAL' && upper !== 'FULL') throw new Error('sqlite-synchronous: NORMAL or FULL');
    options.sqliteSynchronous = upper;
  }
  const known = new Set(['help', ...[...NUMERIC, ...BOOLEAN, ...STRING, 'sqliteSynchronous'].map(kebab)]);
  for (const name of args.keys()) if (!known.has(name)) throw new Error(`Unknown option --${name}\n${USAGE}`);

  if (options.plans < 1 || options.peers < 2) throw new Error('need at least 1 plan and 2 peers per plan');
  if (options.maxIntervalMs < options.minIntervalMs) throw new Error('max-interval-ms < min-interval-ms');
  options.clientProcs = Math.max(1, Math.min(Math.floor(options.clientProcs), options.plans * options.peers));
  if (options.segmentSec <= 0) throw new Error('segment-sec must be positive');
  options.coldRuns = Math.max(1, Math.floor(options.coldRuns));
  options.historyEdits = Math.max(1, Math.floor(options.historyEdits));
  options.historyPlans = Math.max(1, Math.floor(options.historyPlans));
  options.webRuns = Math.max(1, Math.floor(options.webRuns));
  return options;
}
