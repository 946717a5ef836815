import { createHash, createHmac } from 'node:crypto';
import type { ChainedFields, LogChain } from '../storage/AccessLogStore.ts';

/** The hash before the first entry of a plan's log. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed text of an entry: the previous hash and the entry's fields, in a fixed order. */
function canonicalEntry(fields: ChainedFields): string {
  return JSON.stringify([
    fields.prevHash,
    fields.planId,
    fields.seq,
    fields.at,
    fields.actorId,
    fields.actorName,
    fields.action,
    fields.details,
  ]);
}

/**
 * The unkeyed SHA-256 chain of logs written before the chain had a key: anyone who can write the database can
 * recompute it, so it is only read once, to check a log before it is keyed (keyAccessLog).
 */
export function unkeyedEntryHash(fields: ChainedFields): string {
  return createHash('sha256').update(canonicalEntry(fields)).digest('hex');
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

/**
 * The innsynslogg's chain: HMAC-SHA256 with a key kept outside the database (AUDIT_LOG_KEY, or a key file in
 * DATA_DIR), over the previous hash and the entry. Changing any entry breaks every hash after it, and without the
 * key nobody with write access to the database can compute a chain that verifies. `fingerprint` names the key
 * (it does not reveal it), so the server can tell a database keyed with another key.
 */
export function keyedLogChain(key: string): LogChain & { fingerprint: string } {
  const hmac = (text: string) => createHmac('sha256', key).update(text).digest('hex');
  return {
    genesisHash: GENESIS_HASH,
    entryHash: (fields) => hmac(canonicalEntry(fields)),
    serializeDetails: canonicalJson,
    fingerprint: hmac('samplan innsynslogg key fingerprint').slice(0, 16),
  };
}

/** Whether one plan's log, written before the chain had a key, verifies with the unkeyed chain. */
export function verifyUnkeyedChain(entries: readonly (ChainedFields & { hash: string })[]): boolean {
  const verifier = new ChainVerifier(unkeyedEntryHash);
  return entries.every((entry) => verifier.add(entry));
}

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

  private readonly entryHash: (fields: ChainedFields) => string;

  constructor(
    entryHash: (fields: ChainedFields) => string,
    prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
  ) {
    this.entryHash = entryHash;
    this.prevSeq = prev.seq;
    this.prevHash = prev.hash;
  }

  add(entry: ChainedFields & { hash: string }): boolean {
    if (this.failure) return false;
    this.checked += 1;
    let problem: ChainProblem | null = null;
    if (entry.seq !== this.prevSeq + 1) problem = 'seq-gap';
    else if (entry.prevHash !== this.prevHash) problem = 'prev-hash-mismatch';
    else if (this.entryHash(entry) !== entry.hash) problem = 'hash-mismatch';
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
