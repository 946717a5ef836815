import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bundleServer, SERVER_BUNDLE } from '@samplan/server/build';
import { sleep } from './clock.ts';
import { freePort, spawnTracked, stopProcess, type Spawned } from './procs.ts';

/**
 * ours: Samplan's server; reference: @y/websocket-server; referenceCommit: the reference committing every update to
 * SQLite before relaying it (bench/referenceCommit.ts); floor: the bare relay of bench/relayFloor.ts; hocuspocus: an
 * instance of bench/hocuspocusServer.ts.
 */
export type ServerKind = 'ours' | 'reference' | 'referenceCommit' | 'floor' | 'hocuspocus';

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  httpBase: string;
  /** `serverUrl` for WebsocketProvider (the room name, the plan id, is appended), or Hocuspocus's `url`. */
  wsBase: string;
  process: Spawned;
  stop(signal?: NodeJS.Signals): ReturnType<typeof stopProcess>;
}

export const REPO_ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');

const HOST = '127.0.0.1';

async function waitReady(server: Spawned, url: string, name: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(
        `${name} exited during start (${server.child.exitCode ?? server.child.signalCode}):\n${server.output()}`,
      );
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`${name} not ready after ${timeoutMs} ms:\n${server.output()}`);
}

function running(kind: ServerKind, spawned: Spawned, port: number, wsPath: string): RunningServer {
  return {
    kind,
    pid: spawned.pid,
    port,
    httpBase: `http://${HOST}:${port}`,
    wsBase: `ws://${HOST}:${port}${wsPath}`,
    process: spawned,
    stop: (signal = 'SIGTERM') => stopProcess(spawned.child, signal),
  };
}

export interface OursOptions {
  dataDir: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL' | undefined;
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /** Extra node flags (e.g. --inspect for profiling). */
  nodeArgs?: string[];
}

/**
 * Limits meant for many users on many addresses: the bench is one user with 100 sockets, one address.
 * Everything else is the server's default.
 */
export const BENCH_SERVER_ENV: Record<string, string> = {
  COLLAB_TOKEN_TTL_SECONDS: '3600',
  MAX_SOCKETS_PER_USER: '100000',
  MAX_SOCKETS_PER_PLAN: '100000',
  RATE_LIMIT_MAX: '1000000',
  AUTH_RATE_LIMIT_MAX: '100000',
};

let bundled: Promise<void> | null = null;

/** Samplan's server exactly as `npm start` runs it: the bundle in dist/server, built once per bench run. */
export async function startOurs(options: OursOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST,
    DATA_DIR: options.dataDir,
    // Errors only: nothing is logged in normal operation, and a failure leaves its reason in the output.
    LOG_LEVEL: 'error',
    // No web app: the bench measures the sync server only.
    WEB_DIST: join(options.dataDir, 'no-web'),
    ...BENCH_SERVER_ENV,
    ...options.env,
  };
  if (options.sqliteSynchronous) env.SQLITE_SYNCHRONOUS = options.sqliteSynchronous;
  bundled ??= bundleServer();
  await bundled;
  const spawned = spawnTracked(process.execPath, [...(options.nodeArgs ?? []), '--enable-source-maps', SERVER_BUNDLE], {
    cwd: REPO_ROOT,
    env,
  });
  await waitReady(spawned, `http://${HOST}:${port}/healthz`, 'our server');
  return running('ours', spawned, port, '/collab');
}

/** The reference: `@y/websocket-server`'s own server.js (in-memory, no YPERSISTENCE). */
export async function startReference(nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@y/websocket-server/package.json');
  const pkg = require(pkgPath) as { bin: Record<string, string> };
  const script = join(dirname(pkgPath), pkg.bin['y-websocket-server']!);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST };
  delete env.YPERSISTENCE;
  delete env.CALLBACK_URL;
  const spawned = spawnTracked(process.execPath, [...nodeArgs, script], { cwd: REPO_ROOT, env });
  await waitReady(spawned, `http://${HOST}:${port}/`, 'reference server');
  return running('reference', spawned, port, '/collab');
}

/**
 * The reference with a commit before each relay (bench/referenceCommit.ts), through tsx like the floor, its SQLite
 * file `samplan.db` in `dataDir` (where countUpdateRows reads it).
 */
export async function startReferenceCommit(dataDir: string, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const spawned = spawnTracked(process.execPath, [...nodeArgs, '--import', 'tsx', 'bench/referenceCommit.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST, DB: join(dataDir, 'samplan.db') },
  });
  await waitReady(spawned, `http://${HOST}:${port}/`, 'reference with a commit');
  return running('referenceCommit', spawned, port, '/collab');
}

/** The relay floor (bench/relayFloor.ts), through tsx: the loader adds to its RSS, not to its CPU per update. */
export async function startFloor(nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const spawned = spawnTracked(process.execPath, [...nodeArgs, '--import', 'tsx', 'bench/relayFloor.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST },
  });
  await waitReady(spawned, `http://${HOST}:${port}/`, 'relay floor');
  return running('floor', spawned, port, '/collab');
}

export interface HocuspocusOptions {
  /** PostgreSQL, its search_path naming the schema of the instances' table. */
  databaseUrl: string;
  redisUrl: string;
  /** Redis key prefix, the same for the instances of one run. */
  redisPrefix: string;
  /** This instance's name (its Redis identifier). */
  instance: string;
  nodeArgs?: string[];
}

/** One Hocuspocus instance (bench/hocuspocusServer.ts) through tsx, like the floor. */
export async function startHocuspocus(options: HocuspocusOptions): Promise<RunningServer> {
  const port = await freePort();
  const spawned = spawnTracked(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', 'bench/hocuspocusServer.ts'],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST,
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        REDIS_PREFIX: options.redisPrefix,
        INSTANCE: options.instance,
      },
    },
  );
  await waitReady(spawned, `http://${HOST}:${port}/`, `hocuspocus ${options.instance}`);
  return running('hocuspocus', spawned, port, '');
}

export function referenceVersions(): { websocketServer: string; yjs: string; ws: string } {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('@y/websocket-server/package.json');
  const serverRequire = createRequire(pkgPath);
  const version = (path: string): string => (serverRequire(path) as { version: string }).version;
  return {
    websocketServer: version(pkgPath),
    yjs: version('yjs/package.json'),
    ws: version('ws/package.json'),
  };
}

/** The Hocuspocus packages the cluster section runs (root devDependencies, pinned). */
export function hocuspocusVersions(): Record<'server' | 'extensionRedis' | 'extensionDatabase' | 'provider', string> {
  const version = (name: string): string =>
    (
      JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '@hocuspocus', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return {
    server: version('server'),
    extensionRedis: version('extension-redis'),
    extensionDatabase: version('extension-database'),
    provider: version('provider'),
  };
}

/** The REST calls a client makes: register, create plans, invite, get collab tokens, and any timed call. */
export class Api {
  private cookie = '';

  /** `server` (optional) lends its output to error messages. */
  constructor(
    private readonly base: string,
    private readonly server?: RunningServer,
  ) {}

  /** One request, timed from sending it until its whole body is in (not parsed). Throws on a 4xx or 5xx. */
  async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: T; ms: number; bytes: number }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    // What the web app sends on every mutating request (CSRF guard).
    headers['x-samplan-csrf'] = '1';
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    const started = performance.now();
    const response = await fetch(`${this.base}${path}`, init);
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      if (pair.startsWith('samplan_session=')) this.cookie = pair;
    }
    const text = await response.text();
    const ms = performance.now() - started;
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (response.status >= 400) {
      const output =
        response.status >= 500 && this.server ? `\nserver output:\n${this.server.process.output().slice(-2000)}` : '';
      throw new Error(`${method} ${path} -> ${response.status} ${text.slice(0, 300)}${output}`);
    }
    return { status: response.status, json: json as T, ms, bytes: Buffer.byteLength(text) };
  }

  async register(email: string, password: string, name: string): Promise<void> {
    const { status } = await this.request('POST', '/api/auth/register', { email, password, name });
    if (status !== 201) throw new Error(`register -> ${status}`);
    if (!this.cookie) throw new Error('register set no samplan_session cookie');
  }

  async login(email: string, password: string): Promise<void> {
    await this.request('POST', '/api/auth/login', { email, password });
    if (!this.cookie) throw new Error('login set no samplan_session cookie');
  }

  async createPlan(
    title: string,
    childName: string,
    options: { demo?: boolean; creatorRole?: 'foresatt' | 'koordinator' } = {},
  ): Promise<string> {
    const { status, json } = await this.request<{ plan: { id: string } }>('POST', '/api/plans', {
      title,
      childName,
      ...options,
    });
    if (status !== 201) throw new Error(`create plan -> ${status}`);
    return json.plan.id;
  }

  /**
   * Invites `email` to the plan; resolves with the invitation link's token, or null for an invitation into the family
   * (its link is mailed only).
   */
  async invite(planId: string, email: string, role: string): Promise<string | null> {
    const { json } = await this.request<{ token: string | null }>(
      'POST',
      `/api/plans/${encodeURIComponent(planId)}/invites`,
      {
        email,
        role,
      },
    );
    return json.token;
  }

  /** Accepts an invitation without an account: creates one for the invited address and logs in. */
  async acceptInvite(token: string, name: string, password: string): Promise<void> {
    await this.request('POST', '/api/invites/accept', { token, name, password });
    if (!this.cookie) throw new Error('accepting an invitation set no samplan_session cookie');
  }

  async collabToken(planId: string): Promise<string> {
    const { json } = await this.request<{ token: string }>(
      'POST',
      `/api/plans/${encodeURIComponent(planId)}/collab-token`,
    );
    return json.token;
  }
}
