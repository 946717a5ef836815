/**
 * Waiting for the browser to be quiet before a timed navigation. Headless Chromium opens two of its own WebUI pages
 * (the omnibox popup) for every new window, that is for every fresh browser context: about a second of CPU spread
 * over the next 1.5 s. On this 2-core machine that work competes with the page being measured, although a real
 * user's browser has long finished opening its window when they navigate to a plan. Linux only (/proc).
 * The CPU is read from the process tree: Debian's /usr/bin/chromium is a script that starts the real binary.
 */
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

interface ProcStat {
  ppid: number;
  cpuMs: number;
}

function readStats(): Map<number, ProcStat> {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name, which is in parentheses and may contain spaces: ppid is the 4th field,
      // utime the 14th and stime the 15th.
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        cpuMs: (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS,
      });
    } catch {
      // The process ended while we read it.
    }
  }
  return stats;
}

/** CPU time (user + system) used so far by the live descendants of `root` (by default: this process's children). */
export function descendantsCpuMs(root: number = process.pid): number {
  const stats = readStats();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let total = 0;
  const pending = [...(children.get(root) ?? [])];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += stats.get(pid)?.cpuMs ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface IdleOptions {
  windowMs?: number;
  /** Quiet means at most this share of one core over a window. */
  maxShare?: number;
  /** Give up waiting after this long (the run then counts as it is). */
  timeoutMs?: number;
}

/**
 * Waits until the browser (every child process of this one: the bench launches Chromium from here) uses at most
 * `maxShare` of a core over `windowMs`; returns the ms waited.
 */
export async function waitForBrowserIdle(options: IdleOptions = {}): Promise<number> {
  const { windowMs = 250, maxShare = 0.1, timeoutMs = 5000 } = options;
  const start = performance.now();
  for (;;) {
    const before = descendantsCpuMs();
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const used = descendantsCpuMs() - before;
    const waited = performance.now() - start;
    if (used <= windowMs * maxShare || waited >= timeoutMs) return Math.round(waited);
  }
}
