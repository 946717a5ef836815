/** IPC between the orchestrator (bench/run.ts) and its client processes. Times are µs on the shared monotonic clock. */

/** The rich-text field the peers type into: a real plan field, bound to Tiptap in the app. */
export const BENCH_FIELD = 'about.child';

export interface PeerSpec {
  planId: string;
  /** Collab token (our server); the reference takes none. */
  token: string | null;
  /** Index of this peer within its plan. */
  index: number;
}

export type ToLoadClient =
  | {
      type: 'init';
      wsBase: string;
      peers: PeerSpec[];
      seed: number;
    }
  | {
      type: 'start';
      /** Peers start editing at `startUs` and stop at `measureUntilUs`. */
      startUs: number;
      measureFromUs: number;
      measureUntilUs: number;
      minIntervalMs: number;
      maxIntervalMs: number;
      /** How long to keep listening after the last edit before reporting. */
      drainMs: number;
    }
  | { type: 'close' };

export interface LoadClientReport {
  /** Propagation latencies (µs) of edits sent inside the window, one per receiving peer. */
  latenciesUs: Float64Array;
  /** Edits sent inside the window by this process's peers. */
  sentInWindow: number;
  /** Edits of the window seen by some other peer of this process (one per receiving peer). */
  receivedInWindow: number;
  /** All document updates this process's peers produced (paragraph setup, warmup, window). */
  localUpdates: number;
  /** Remote update events applied by this process's peers (whole run). */
  remoteUpdateEvents: number;
  /** Peers that were not connected at the end of the run. */
  disconnectedPeers: number;
  /** Reconnects seen during the run. */
  reconnects: number;
  /** CPU seconds this client process used during the window. */
  clientCpuSec: number;
  /** planId -> hash of the field's content, one per peer of this process, taken after the drain. */
  contentHashes: Record<string, string[]>;
  /** Largest delay (ms) between a peer's scheduled and actual edit time: client overload shows here. */
  maxTimerLagMs: number;
}

export type FromLoadClient =
  | { type: 'ready'; connectMs: number }
  | { type: 'report'; report: LoadClientReport }
  | { type: 'error'; message: string };
