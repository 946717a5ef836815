import { fork, spawn, type ChildProcess, type ForkOptions, type SpawnOptions } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Every child this process started; all are killed when it exits, however it exits. */
const children = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
}

let cleanupInstalled = false;

export function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAllChildren();
      process.exit(130);
    });
  }
  process.on('uncaughtException', (error) => {
    console.error('bench: uncaught exception:', error);
    killAllChildren();
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error('bench: unhandled rejection:', error);
    killAllChildren();
    process.exit(1);
  });
}

export interface Spawned {
  child: ChildProcess;
  pid: number;
  /** The last output of the child (stdout and stderr), for error messages. */
  output(): string;
}

function captureOutput(child: ChildProcess): () => string {
  let buffer = '';
  const append = (chunk: Buffer): void => {
    buffer = (buffer + chunk.toString('utf8')).slice(-8000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => buffer;
}

export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions): Spawned {
  const child = track(spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
  if (child.pid === undefined) throw new Error(`could not start ${command} ${args.join(' ')}`);
  return { child, pid: child.pid, output: captureOutput(child) };
}

/** A TypeScript child with an IPC channel, run the same way as the bench itself (node --import tsx). */
export function forkTs(script: string, args: readonly string[], options: ForkOptions = {}): ChildProcess {
  const child = track(
    fork(script, args, {
      ...options,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    }),
  );
  return child;
}

export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Sends `signal`, waits up to `timeoutMs`, then SIGKILLs. Resolves with how it ended and how long it took. */
export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 10_000,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; forced: boolean }> {
  const start = performance.now();
  if (child.exitCode !== null || child.signalCode !== null) {
    return { code: child.exitCode, signal: child.signalCode, ms: 0, forced: false };
  }
  const done = exited(child);
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const first = await Promise.race([done, timeout]);
  clearTimeout(timer);
  if (first !== 'timeout') return { ...first, ms: performance.now() - start, forced: false };
  child.kill('SIGKILL');
  const result = await done;
  return { ...result, ms: performance.now() - start, forced: true };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

let clockTicks: number | null = null;

function ticksPerSecond(): number {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** The fields of /proc/<pid>/stat from field 3 (state) on: the command name (field 2) may contain spaces. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** utime + stime of a process (all its threads), in seconds, from /proc/<pid>/stat. */
export function readCpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond();
}

/**
 * CPU seconds of a process and all its descendants, those still running and those it has waited for (cutime +
 * cstime), so a child that exits between two readings still counts: PostgreSQL's postmaster and its backends.
 */
export function readTreeCpuSeconds(pid: number): number {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(statFields(Number(entry))[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  // utime + stime + cutime + cstime
  const ticksOf = (f: string[]): number => Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  let ticks = ticksOf(statFields(pid));
  const live = [...(parents.get(pid) ?? [])];
  while (live.length > 0) {
    const child = live.pop()!;
    try {
      ticks += ticksOf(statFields(child));
      live.push(...(parents.get(child) ?? []));
    } catch {
      // exited since the scan: its time is in its parent's cutime once reaped
    }
  }
  return ticks / ticksPerSecond();
}

export interface MemoryReading {
  /** Peak resident set size (VmHWM), MiB. */
  peakMiB: number;
  /** Current resident set size (VmRSS), MiB. */
  rssMiB: number;
}

export function readMemory(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : NaN;
  };
  return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
}

/** CPU seconds all processes on the machine have used since boot (all cores), from /proc/stat. */
export function readMachineCpuSeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) / ticksPerSecond();
}
