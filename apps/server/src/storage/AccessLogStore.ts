/** The fields of an entry that its hash covers; `details` is the stored JSON text. */
export interface ChainedFields {
  planId: string;
  seq: number;
  at: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  details: string;
  prevHash: string;
}

/**
 * How entries are chained (audit/chain.ts): the store computes each hash inside the transaction that reads the
 * head, so two writers can never chain onto the same entry.
 */
export interface LogChain {
  /** The previous hash of a plan's first entry. */
  readonly genesisHash: string;
  entryHash(fields: ChainedFields): string;
  /** The stored, hashed text of an entry's details. */
  serializeDetails(details: Record<string, unknown>): string;
  /** Names the chain's key (without revealing it): a log keyed with another key is refused at start. */
  readonly fingerprint: string;
}

/** One stored entry of a plan's access log (innsynslogg): the hashed fields (`details` as canonical JSON text) and its hash. */
export interface AccessLogEntry extends ChainedFields {
  hash: string;
}

export interface NewAccessLogEntry {
  at: number;
  actorId: string | null;
  actorName: string | null;
  action: string;
  details: Record<string, unknown>;
}

export interface AccessLogListOptions {
  afterSeq: number;
  limit: number;
  since?: number;
}

/** The append-only, hash-chained access log of each plan. Appends are serialised per plan. */
export interface AccessLogStore {
  append(planId: string, entries: readonly NewAccessLogEntry[]): Promise<AccessLogEntry[]>;
  /** Entries after `afterSeq` in order; with `since` (ms), only those written at or after it. */
  list(planId: string, options: AccessLogListOptions): Promise<AccessLogEntry[]>;
}
