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

/** What the grouper keeps between passes: the version still growing and the one before it. */
export interface GrouperState {
  open: OpenVersion | null;
  previous: OpenVersion | null;
}

const authorsInclude = (version: VersionRecord, userId: string | null): boolean =>
  version.authors.some((author) => author.userId === userId);

/**
 * Groups a plan's updates into versions. One person's consecutive edits are one version until a pause, a name (a
 * version named by a member, or by a meeting held, ends there) or half an hour. Someone else's edit starts a new
 * version, so there is a version to go back to right before it, unless the two are editing together: when the
 * first person comes back within a minute (A, B, A), their versions become one with both as authors. The plan as
 * created and every restore are versions of their own.
 */
export class VersionGrouper {
  private open: OpenVersion | null;
  private previous: OpenVersion | null;
  private readonly namedSeqs: Set<number>;
  private readonly rules: VersionRules;
  /** Every version this pass created or extended, by fromSeq. */
  private readonly touched = new Map<number, VersionRecord>();
  /** Stored versions merged into the one before them. */
  private readonly merged = new Set<number>();

  constructor(state: GrouperState, namedSeqs: Iterable<number>, rules: VersionRules) {
    this.open = state.open;
    this.previous = state.previous;
    this.namedSeqs = new Set(namedSeqs);
    this.rules = rules;
  }

  add(update: GroupedUpdate): void {
    if (update.parts.size === 0) return;
    const open = this.open;
    if (open && this.continues(open, update)) {
      this.extend(open, update);
    } else if (open && this.previous && this.interleaves(this.previous, open, update)) {
      const into = this.previous;
      for (const author of open.version.authors) {
        this.extend(into, { ...update, userId: author.userId, parts: new Set(author.parts), seq: open.version.toSeq });
      }
      into.version.lastAt = open.version.lastAt;
      this.extend(into, update);
      this.touched.delete(open.version.fromSeq);
      this.merged.add(open.version.fromSeq);
      this.open = into;
      this.previous = null;
    } else {
      this.previous = open;
      this.open = {
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
    }
    const version = this.open!.version;
    this.touched.set(version.fromSeq, version);
  }

  /** The version that includes `seq` ends there (it was named). */
  nameAt(seq: number): void {
    this.namedSeqs.add(seq);
  }

  get state(): GrouperState {
    return { open: this.open, previous: this.previous };
  }

  /** The versions to write: every one this pass created or extended. */
  get changed(): VersionRecord[] {
    return [...this.touched.values()];
  }

  /** Stored versions (by fromSeq) now part of the version before them. */
  get mergedAway(): number[] {
    return [...this.merged];
  }

  private closed(version: VersionRecord): boolean {
    return version.kind === 'restore' || version.fromSeq === 1 || this.namedSeqs.has(version.toSeq);
  }

  private continues({ version, lastUserId }: OpenVersion, update: GroupedUpdate): boolean {
    if (this.closed(version) || update.kind === 'restore') return false;
    if (update.at - version.lastAt > this.rules.gapMs || update.at - version.firstAt > this.rules.maxSpanMs) {
      return false;
    }
    if (update.userId === lastUserId) return true;
    // Someone already editing in it, back within a minute: people working together.
    return authorsInclude(version, update.userId) && update.at - version.lastAt <= this.rules.handoffMs;
  }

  /** A, B, A within a minute of each other: the two versions and this update become one. */
  private interleaves(previous: OpenVersion, open: OpenVersion, update: GroupedUpdate): boolean {
    const first = previous.version;
    const second = open.version;
    return (
      update.kind === 'edit' &&
      !this.closed(first) &&
      !this.closed(second) &&
      authorsInclude(first, update.userId) &&
      !authorsInclude(second, update.userId) &&
      first.toSeq === second.fromSeq - 1 &&
      second.firstAt - first.lastAt <= this.rules.handoffMs &&
      update.at - second.lastAt <= this.rules.handoffMs &&
      update.at - first.firstAt <= this.rules.maxSpanMs
    );
  }

  private extend(open: OpenVersion, update: GroupedUpdate): void {
    const { version } = open;
    version.toSeq = Math.max(version.toSeq, update.seq);
    version.lastAt = Math.max(version.lastAt, update.at);
    version.parts = inPartOrder([...version.parts, ...update.parts]);
    const author = version.authors.find((a) => a.userId === update.userId);
    if (author) author.parts = inPartOrder([...author.parts, ...update.parts]);
    else version.authors.push({ userId: update.userId, parts: inPartOrder(update.parts) });
    open.lastUserId = update.userId;
  }
}
