/** IPC between the orchestrator (bench/run.ts) and its client processes. Times are µs on the shared monotonic clock. */

/** The rich-text field the peers type into: a real plan field, bound to Tiptap in the app. */
export const BENCH_FIELD = 'about.child';

/**
 * How a peer talks to its server: `y-websocket` (a `WebsocketProvider`, one socket per document: ours, the
 * reference, the floor) or `hocuspocus` (a `HocuspocusProvider`, whose messages carry the document's name).
 */
export type PeerProtocol = 'y-websocket' | 'hocuspocus';

export interface PeerSpec {
  /** The setup this peer belongs to (bench/lib/loadSetup.ts): it edits in that setup's segments only. */
  setup: string;
  /** Which of the setup's instances it is connected to; its edits carry this index. */
  instance: number;
  protocol: PeerProtocol;
  /** Its instance's websocket address; the document name (plan id) is added by the provider. */
  url: string;
  planId: string;
  /** Collab token (our server); the others take none. */
  token: string | null;
  /** Index of this peer within its plan. */
  index: number;
  /** Peers of its plan on another instance than its own: the deliveries of each of its edits that cross. */
  crossReceivers: number;
}

/** A stretch of time in which the peers of one setup edit; the others are idle. */
export interface Segment {
  setup: string;
  fromUs: number;
  untilUs: number;
  /** False for warmup. */
  measured: boolean;
}

export type ToLoadClient =
  | {
      type: 'init';
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

/** What one client process saw of one setup. */
export interface SetupReport {
  /** Propagation latencies (µs) of edits sent in measured segments, one per receiving peer. */
  latenciesUs: Float64Array;
  /** The same, for the receivers on another instance than the sender's only. */
  crossLatenciesUs: Float64Array;
  /** Edits sent in measured segments by this process's peers. */
  sentInWindow: number;
  /** Edits of measured segments seen by a peer of this process (one per receiving peer). */
  receivedInWindow: number;
  /** Deliveries to another instance's peers that this process's edits of measured segments should make. */
  crossExpectedInWindow: number;
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
  /** Per setup name. */
  setups: Record<string, SetupReport>;
  /** CPU seconds this client process used from the first measured segment to the end of the last. */
  clientCpuSec: number;
  /** Largest delay (ms) between a peer's scheduled and actual edit time: client overload shows here. */
  maxTimerLagMs: number;
}

export type FromLoadClient =
  | { type: 'ready'; connectMs: number }
  | { type: 'report'; report: LoadClientReport }
  | { type: 'error'; message: string };

/**
 * What a peer types: `{<send time, base 36>.<its instance>}`. The receiver reads the send time for the latency
 * and the instance to tell a delivery that crossed instances from one that did not.
 */
export const editToken = (sentUs: number, instance: number): string => `{${sentUs.toString(36)}.${instance}}`;

export const EDIT_TOKEN = /\{([0-9a-z]+)\.(\d+)\}/g;
