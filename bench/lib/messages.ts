/** IPC between the orchestrator (bench/run.ts) and its client processes. Times are µs on the shared monotonic clock. */

import type { ServerKind } from './servers.ts';

/** The rich-text field the peers type into: a real plan field, bound to Tiptap in the app. */
export const BENCH_FIELD = 'about.child';

export interface PeerSpec {
  server: ServerKind;
  planId: string;
  /** Collab token (our server); the reference takes none. */
  token: string | null;
  /** Index of this peer within its plan. */
  index: number;
}

/** A stretch of time in which the peers of one server edit; the others are idle. */
export interface Segment {
  server: ServerKind;
  fromUs: number;
  untilUs: number;
  /** False for warmup. */
  measured: boolean;
}

export type ToLoadClient =
  | {
      type: 'init';
      wsBase: Record<ServerKind, string>;
      peers: PeerSpec[];
      seed: number;
    }
  | {
      type: 'start';
      segments: Segment[];
      minIntervalMs: number;
      maxIntervalMs: number;
      /** How long to keep listening after the last segment before reporting. */
      drainMs: number;
    }
  | { type: 'close' };

export interface ServerReport {
  /** Propagation latencies (µs) of edits sent in measured segments, one per receiving peer. */
  latenciesUs: Float64Array;
  /** Edits sent in measured segments by this process's peers. */
  sentInWindow: number;
  /** Edits of measured segments seen by a peer of this process (one per receiving peer). */
  receivedInWindow: number;
  /** Edits sent / seen during the whole run (warmup included). */
  sentTotal: number;
  receivedTotal: number;
  /** All document updates this process's peers produced (paragraph setup, warmup, window). */
  localUpdates: number;
  /** Peers that were not connected at the end of the run. */
  disconnectedPeers: number;
  /** Reconnects seen during the run. */
  reconnects: number;
  /** planId -> hash of the field's content, one per peer of this process, taken after the drain. */
  contentHashes: Record<string, string[]>;
}

export interface LoadClientReport {
  servers: Record<ServerKind, ServerReport>;
  /** CPU seconds this client process used from the first measured segment to the end of the last. */
  clientCpuSec: number;
  /** Largest delay (ms) between a peer's scheduled and actual edit time: client overload shows here. */
  maxTimerLagMs: number;
}

export type FromLoadClient =
  | { type: 'ready'; connectMs: number }
  | { type: 'report'; report: LoadClientReport }
  | { type: 'error'; message: string };
