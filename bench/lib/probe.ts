import WebSocket from 'ws';
import { nowUs } from './clock.ts';
import type { Segment } from './messages.ts';
import type { ServerKind } from './servers.ts';
import { percentile, round } from './stats.ts';

const KINDS = ['ours', 'reference', 'floor'] as const;
/** Whose pong a slow one is compared with: the reference for ours and the floor, ours for the reference. */
const OTHER: Record<ServerKind, ServerKind> = { ours: 'reference', reference: 'ours', floor: 'reference' };

export interface StallReport {
  /** Probes that fell in this server's measured segments. */
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  over100Ms: number;
  /** Pongs over 100 ms while the other (idle) server answered the same tick within 20 ms: this server's own stall. */
  over100MsOtherFast: number;
  /** The slowest probes: when (s since the first edit), how long, and the other server's pong on the same tick. */
  worst: Array<{ atSec: number; ms: number; otherMs: number | null }>;
}

interface Tick {
  atUs: number;
  us: Record<ServerKind, number | null>;
}

/**
 * Event-loop responsiveness of every server, seen from outside: on every tick a websocket ping goes to each server
 * on an idle connection. `ws` answers pings in the server's event loop without application code, so a slow pong
 * means that loop was busy, or the machine (or this process) was: comparing with the other server's pong on the
 * same tick tells them apart. One ping per server per 100 ms costs the servers next to nothing.
 */
export class StallProbes {
  private readonly sockets = new Map<ServerKind, WebSocket>();
  private timer: NodeJS.Timeout | null = null;
  private readonly ticks: Tick[] = [];
  private inFlight: Tick | null = null;

  constructor(
    private readonly urls: Record<ServerKind, string>,
    private readonly intervalMs = 100,
  ) {}

  async start(): Promise<void> {
    for (const kind of KINDS) {
      const socket = new WebSocket(this.urls[kind]);
      this.sockets.set(kind, socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve());
        socket.once('error', reject);
      });
      // Sync and awareness frames from the server are not answered: this connection never edits.
      socket.on('pong', () => {
        const tick = this.inFlight;
        if (!tick || tick.us[kind] !== null) return;
        tick.us[kind] = nowUs() - tick.atUs;
      });
    }
    this.timer = setInterval(() => {
      const tick = this.inFlight;
      // One tick in flight at a time; a tick still waiting after 5 s is given up.
      if (tick && KINDS.some((k) => tick.us[k] === null) && nowUs() - tick.atUs < 5e6) return;
      const next: Tick = { atUs: nowUs(), us: { ours: null, reference: null, floor: null } };
      this.ticks.push(next);
      this.inFlight = next;
      for (const socket of this.sockets.values()) if (socket.readyState === WebSocket.OPEN) socket.ping();
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const socket of this.sockets.values()) socket.terminate();
    this.timer = null;
    this.sockets.clear();
  }

  /** Ticks during `server`'s measured segments. */
  report(server: ServerKind, segments: readonly Segment[], startUs: number): StallReport {
    const other = OTHER[server];
    const mine = segments.filter((s) => s.measured && s.server === server);
    const inside = this.ticks.filter(
      (t) => t.us[server] !== null && mine.some((s) => t.atUs >= s.fromUs && t.atUs < s.untilUs),
    );
    const us = (t: Tick): number => t.us[server]!;
    const sorted = new Float64Array(inside.map((t) => us(t) / 1000)).sort();
    const worst = [...inside]
      .sort((a, b) => us(b) - us(a))
      .slice(0, 5)
      .map((t) => ({
        atSec: round((t.atUs - startUs) / 1e6, 1),
        ms: round(us(t) / 1000, 1),
        otherMs: t.us[other] === null ? null : round(t.us[other] / 1000, 1),
      }));
    return {
      samples: inside.length,
      p50Ms: round(percentile(sorted, 50), 2),
      p99Ms: round(percentile(sorted, 99), 2),
      maxMs: round(sorted[sorted.length - 1] ?? NaN, 1),
      over100Ms: inside.filter((t) => us(t) > 100_000).length,
      over100MsOtherFast: inside.filter((t) => us(t) > 100_000 && t.us[other] !== null && t.us[other] < 20_000).length,
      worst,
    };
  }
}
