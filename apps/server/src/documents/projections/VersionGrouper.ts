import { PLAN_PARTS, type PlanPart } from '@samplan/plan-model';
import type { VersionKind, VersionRecord } from '../../storage/HistoryStore.ts';

/** How updates group into versions. */
export interface VersionRules {
  /** A pause longer than this starts a new version. */
  gapMs: number;
  /** Someone else's edit starts a new version unless the previous edit is this recent (two people at work together). */
  handoffMs: number;
  /** A version never spans longer than this, so a long meeting's edits can be brought back in steps. */
  maxSpanMs: number;
}

export const DEFAULT_VERSION_RULES: VersionRules = {
  gapMs: 5 * 60_000,
  handoffMs: 60_000,
  maxSpanMs: 30 * 60_000,
};

/** The version still growing, and who made its last update; kept between passes. */
export interface OpenVersion {
  version: VersionRecord;
  lastUserId: string | null;
}

export interface GroupedUpdate {
  seq: number;
  userId: string | null;
  at: number;
  kind: VersionKind;
  parts: ReadonlySet<PlanPart>;
}

const inPartOrder = (parts: Iterable<PlanPart>): PlanPart[] => {
  const set = new Set(parts);
  return PLAN_PARTS.filter((part) => set.has(part));
};

/**
 * Groups a plan's updates into versions: consecutive edits, by one person or by people editing together, until
 * a pause, a hand-over to someone else, a restore (always a version of its own) or a name (a version named, by a
 * member or by a meeting held, ends there).
 */
export class VersionGrouper {
  private current: OpenVersion | null;
  private readonly namedSeqs: Set<number>;
  private readonly rules: VersionRules;
  /** Every version this pass created or extended, by fromSeq. */
  private readonly touched = new Map<number, VersionRecord>();

  constructor(open: OpenVersion | null, namedSeqs: Iterable<number>, rules: VersionRules) {
    this.current = open;
    this.namedSeqs = new Set(namedSeqs);
    this.rules = rules;
  }

  add(update: GroupedUpdate): void {
    if (update.parts.size === 0) return;
    const open = this.current;
    const prev = open?.version;
    const startsNew =
      !open ||
      !prev ||
      prev.kind === 'restore' ||
      update.kind === 'restore' ||
      this.namedSeqs.has(prev.toSeq) ||
      update.at - prev.lastAt > this.rules.gapMs ||
      update.at - prev.firstAt > this.rules.maxSpanMs ||
      (update.userId !== open.lastUserId && update.at - prev.lastAt > this.rules.handoffMs);
    if (startsNew) {
      this.current = {
        version: {
          fromSeq: update.seq,
          toSeq: update.seq,
          firstAt: update.at,
          lastAt: update.at,
          kind: update.kind,
          authors: [{ userId: update.userId, parts: inPartOrder(update.parts) }],
          parts: inPartOrder(update.parts),
        },
        lastUserId: update.userId,
      };
    } else {
      const version = prev;
      version.toSeq = update.seq;
      version.lastAt = update.at;
      version.parts = inPartOrder([...version.parts, ...update.parts]);
      const author = version.authors.find((a) => a.userId === update.userId);
      if (author) author.parts = inPartOrder([...author.parts, ...update.parts]);
      else version.authors.push({ userId: update.userId, parts: inPartOrder(update.parts) });
      open.lastUserId = update.userId;
    }
    const version = this.current!.version;
    this.touched.set(version.fromSeq, version);
  }

  /** The version that includes `seq` ends there (it was named). */
  nameAt(seq: number): void {
    this.namedSeqs.add(seq);
  }

  get open(): OpenVersion | null {
    return this.current;
  }

  /** The versions to write: every one this pass created or extended. */
  get changed(): VersionRecord[] {
    return [...this.touched.values()];
  }
}
