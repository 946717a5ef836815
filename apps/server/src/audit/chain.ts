import { createHash } from 'node:crypto';
import type { ChainedFields, LogChain } from '../storage/AccessLogStore.ts';

/** The hash before the first entry of a plan's log. */
export const GENESIS_HASH = '0'.repeat(64);

/** SHA-256 over the previous hash and the entry, so changing any entry breaks every hash after it. */
export function entryHash(fields: ChainedFields): string {
  const canonical = JSON.stringify([
    fields.prevHash,
    fields.planId,
    fields.seq,
    fields.at,
    fields.actorId,
    fields.actorName,
    fields.action,
    fields.details,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** JSON with keys sorted, so the same details always hash the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The innsynslogg's chain, as the access-log store computes it. */
export const accessLogChain: LogChain = { genesisHash: GENESIS_HASH, entryHash, serializeDetails: canonicalJson };

export type ChainProblem = 'seq-gap' | 'prev-hash-mismatch' | 'hash-mismatch';

export interface ChainVerification {
  ok: boolean;
  /** Entries checked. */
  checked: number;
  /** Hash of the last entry (GENESIS_HASH for an empty log). */
  headHash: string;
  /** The first entry that does not verify, and why. */
  firstBadSeq?: number;
  problem?: ChainProblem;
}

/** Checks a run of entries that continues after `prev` (seq and hash of the entry before it). */
export class ChainVerifier {
  private prevSeq: number;
  private prevHash: string;
  private checked = 0;
  private failure: { seq: number; problem: ChainProblem } | null = null;

  constructor(prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }) {
    this.prevSeq = prev.seq;
    this.prevHash = prev.hash;
  }

  add(entry: ChainedFields & { hash: string }): boolean {
    if (this.failure) return false;
    this.checked += 1;
    let problem: ChainProblem | null = null;
    if (entry.seq !== this.prevSeq + 1) problem = 'seq-gap';
    else if (entry.prevHash !== this.prevHash) problem = 'prev-hash-mismatch';
    else if (entryHash(entry) !== entry.hash) problem = 'hash-mismatch';
    if (problem) {
      this.failure = { seq: entry.seq, problem };
      return false;
    }
    this.prevSeq = entry.seq;
    this.prevHash = entry.hash;
    return true;
  }

  result(): ChainVerification {
    if (this.failure) {
      return {
        ok: false,
        checked: this.checked,
        headHash: this.prevHash,
        firstBadSeq: this.failure.seq,
        problem: this.failure.problem,
      };
    }
    return { ok: true, checked: this.checked, headHash: this.prevHash };
  }
}
