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
}

interface Tick {
  atUs: number;
  /** Per setup, per instance: µs from ping to pong, null while awaited. */
  us: Map<string, Array<number | null>>;
}

/** A setup's pong on a tick: its slowest instance's, once all have answered. */
function pongUs(tick: Tick, setup: string): number | null {
  const list = tick.us.get(setup);
  if (!list || list.some((us) => us === null)) return null;
  return Math.max(...(list as number[]));
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
      for (const [instance, url] of urls.entries()) {
        const socket = new WebSocket(url);
        sockets.push(socket);
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
      }
    }
    this.timer = setInterval(() => {
      const tick = this.inFlight;
      // One tick in flight at a time; a tick still waiting after 5 s is given up.
      const waiting = tick && [...tick.us.values()].some((list) => list.some((us) => us === null));
      if (waiting && nowUs() - tick.atUs < 5e6) return;
      const next: Tick = {
        atUs: nowUs(),
        us: new Map([...this.sockets].map(([setup, sockets]) => [setup, sockets.map(() => null)])),
      };
      this.ticks.push(next);
      this.inFlight = next;
      for (const sockets of this.sockets.values()) {
        for (const socket of sockets) if (socket.readyState === WebSocket.OPEN) socket.ping();
      }
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const sockets of this.sockets.values()) for (const socket of sockets) socket.terminate();
    this.timer = null;
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
    };
  }
}
