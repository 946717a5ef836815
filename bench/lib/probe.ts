import WebSocket from 'ws';
import { nowUs } from './clock.ts';
import type { Segment } from './messages.ts';
import { percentile, round } from './stats.ts';

export interface StallReport {
  /** Probes that fell in this setup's measured segments. */
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  over100Ms: number;
  /** Pongs over 100 ms while the other (idle) setup answered the same tick within 20 ms: this setup's own stall. */
  over100MsOtherFast: number;
  /** The slowest probes: when (s since the first edit), how long, and the other setup's pong on the same tick. */
  worst: Array<{ atSec: number; ms: number; otherMs: number | null }>;
  /** Probe connections the setup's servers closed during the run (opened again at once). */
  reconnects: number;
}

interface Tick {
  atUs: number;
  /** Per setup, per instance: µs from ping to pong, null while awaited, NaN if its connection closed meanwhile. */
  us: Map<string, Array<number | null>>;
}

/** A setup's pong on a tick: its slowest instance's, once all have answered. */
function pongUs(tick: Tick, setup: string): number | null {
  const list = tick.us.get(setup);
  if (!list || list.some((us) => us === null)) return null;
  const answered = (list as number[]).filter((us) => !Number.isNaN(us));
  return answered.length === 0 ? null : Math.max(...answered);
}

/**
 * Event-loop responsiveness of every server instance, seen from outside: on every tick a websocket ping goes to
 * each instance on an idle connection. `ws` answers pings in the server's event loop without application code,
 * so a slow pong means that loop was busy, or the machine (or this process) was: comparing with another setup's
 * pong on the same tick tells them apart. One ping per instance per 100 ms costs the servers next to nothing.
 * A setup of several instances counts its slowest instance's pong.
 */
export class StallProbes {
  /** Setup -> one socket per instance. */
  private readonly sockets = new Map<string, WebSocket[]>();
  private timer: NodeJS.Timeout | null = null;
  private readonly ticks: Tick[] = [];
  private inFlight: Tick | null = null;
  /** Per setup: probe connections its servers closed, opened again. */
  private readonly reopened = new Map<string, number>();

  /**
   * `urls`: per setup, one idle websocket address per instance. `compareWith`: per setup, whose pong its slow
   * ones are compared with.
   */
  constructor(
    private readonly urls: Record<string, string[]>,
    private readonly compareWith: Record<string, string>,
    private readonly intervalMs = 100,
  ) {}

  async start(): Promise<void> {
    for (const [setup, urls] of Object.entries(this.urls)) {
      const sockets: WebSocket[] = [];
      this.sockets.set(setup, sockets);
      for (const [instance, url] of urls.entries()) await this.connect(setup, instance, url);
    }
    this.timer = setInterval(() => {
      const tick = this.inFlight;
      // One tick in flight at a time; a tick still waiting after 5 s is given up.
      const waiting = tick && [...tick.us.values()].some((list) => list.some((us) => us === null));
      if (waiting && nowUs() - tick.atUs < 5e6) return;
      const next: Tick = {
        atUs: nowUs(),
        // An instance whose probe connection is being opened again owes no pong this tick.
        us: new Map(
          [...this.sockets].map(([setup, sockets]) => [
            setup,
            sockets.map((socket) => (socket.readyState === WebSocket.OPEN ? null : NaN)),
          ]),
        ),
      };
      this.ticks.push(next);
      this.inFlight = next;
      for (const sockets of this.sockets.values()) {
        for (const socket of sockets) if (socket.readyState === WebSocket.OPEN) socket.ping();
      }
    }, this.intervalMs);
  }

  /**
   * Opens (or reopens) one instance's probe connection. A server may close a connection that never speaks its
   * protocol (Hocuspocus does after a minute without authentication): it is opened again at once, and the pong
   * it owed on the tick in flight is left out of that tick.
   */
  private async connect(setup: string, instance: number, url: string): Promise<void> {
    const socket = new WebSocket(url);
    this.sockets.get(setup)![instance] = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    // Sync and awareness frames from the server are not answered: this connection never edits.
    socket.on('pong', () => {
      const list = this.inFlight?.us.get(setup);
      if (!list || list[instance] !== null) return;
      list[instance] = nowUs() - this.inFlight!.atUs;
    });
    socket.once('close', () => {
      if (this.timer === null) return;
      const list = this.inFlight?.us.get(setup);
      if (list && list[instance] === null) list[instance] = NaN;
      this.reopened.set(setup, (this.reopened.get(setup) ?? 0) + 1);
      this.connect(setup, instance, url).catch(() => {});
    });
  }

  stop(): void {
    const timer = this.timer;
    this.timer = null;
    if (timer) clearInterval(timer);
    for (const sockets of this.sockets.values()) for (const socket of sockets) socket.terminate();
    this.sockets.clear();
  }

  /** Ticks during `setup`'s measured segments. */
  report(setup: string, segments: readonly Segment[], startUs: number): StallReport {
    const other = this.compareWith[setup]!;
    const otherUs = (t: Tick): number | null => pongUs(t, other);
    const mine = segments.filter((s) => s.measured && s.setup === setup);
    const inside = this.ticks.filter(
      (t) => pongUs(t, setup) !== null && mine.some((s) => t.atUs >= s.fromUs && t.atUs < s.untilUs),
    );
    const us = (t: Tick): number => pongUs(t, setup)!;
    const sorted = new Float64Array(inside.map((t) => us(t) / 1000)).sort();
    const worst = [...inside]
      .sort((a, b) => us(b) - us(a))
      .slice(0, 5)
      .map((t) => ({
        atSec: round((t.atUs - startUs) / 1e6, 1),
        ms: round(us(t) / 1000, 1),
        otherMs: otherUs(t) === null ? null : round(otherUs(t)! / 1000, 1),
      }));
    return {
      samples: inside.length,
      p50Ms: round(percentile(sorted, 50), 2),
      p99Ms: round(percentile(sorted, 99), 2),
      maxMs: round(sorted[sorted.length - 1] ?? NaN, 1),
      over100Ms: inside.filter((t) => us(t) > 100_000).length,
      over100MsOtherFast: inside.filter((t) => us(t) > 100_000 && (otherUs(t) ?? Infinity) < 20_000).length,
      worst,
      reconnects: this.reopened.get(setup) ?? 0,
    };
  }
}
