import WebSocket from 'ws';
import { sleep } from './clock.ts';
import { round } from './stats.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package / area. */
  byArea: Array<{ area: string; ms: number; share: number }>;
  /** Functions with the most self time. */
  top: Array<{ fn: string; ms: number; share: number }>;
}

function area(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const ours = /\/(apps\/[^/]+|packages\/[^/]+)\//.exec(url);
  if (ours) return ours[1]!;
  return url;
}

/** Several processes' profiles as one (node ids renumbered apart), so a setup of several instances sums up. */
export function mergeProfiles(profiles: readonly CpuProfile[]): CpuProfile {
  const merged: CpuProfile = { nodes: [], samples: [], timeDeltas: [] };
  let offset = 0;
  for (const profile of profiles) {
    let maxId = 0;
    for (const node of profile.nodes) {
      merged.nodes.push({ ...node, id: node.id + offset });
      maxId = Math.max(maxId, node.id);
    }
    for (const id of profile.samples) merged.samples.push(id + offset);
    for (const delta of profile.timeDeltas) merged.timeDeltas.push(delta);
    offset += maxId;
  }
  return merged;
}

/** Summarizes a V8 CPU profile by self time. */
export function summarizeProfile(profile: CpuProfile, topN = 20): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    total += us;
    const short = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|packages)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const a = area(url, functionName);
    areas.set(a, (areas.get(a) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>): Array<[string, number]> => [...m].sort((a, b) => b[1] - a[1]);
  return {
    totalMs: round(total / 1000, 1),
    byArea: sorted(areas)
      .slice(0, 12)
      .map(([name, us]) => ({ area: name, ms: round(us / 1000, 1), share: round(us / total, 3) })),
    top: sorted(fns)
      .slice(0, topN)
      .map(([fn, us]) => ({ fn, ms: round(us / 1000, 1), share: round(us / total, 3) })),
  };
}

/** Where a process started with `--inspect=127.0.0.1:0` listens, read from its output. */
export async function inspectorUrl(output: () => string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /Debugger listening on (ws:\/\/\S+)/.exec(output());
    if (match) return match[1]!;
    if (Date.now() > deadline) throw new Error('no inspector URL in the server output');
    await sleep(20);
  }
}

/** Profiles a running process through its inspector, between `start` and `stop` (the measured window only). */
export class InspectorProfiler {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  static async connect(url: string): Promise<InspectorProfiler> {
    const socket = new WebSocket(url, { maxPayload: 1024 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    const profiler = new InspectorProfiler(socket);
    await profiler.call('Profiler.enable');
    await profiler.call('Profiler.setSamplingInterval', { interval: 500 });
    return profiler;
  }

  private call<T = unknown>(method: string, params: object = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  start(): Promise<unknown> {
    return this.call('Profiler.start');
  }

  async stop(): Promise<CpuProfile> {
    const { profile } = await this.call<{ profile: CpuProfile }>('Profiler.stop');
    return profile;
  }

  close(): void {
    this.socket.close();
  }
}
