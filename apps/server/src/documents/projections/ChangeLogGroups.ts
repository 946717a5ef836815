import { PLAN_PARTS, type PlanPart } from '@samplan/plan-model';

/** One person's consecutive edits, as one `plan.changed` entry of the innsynslogg. */
export interface ChangeGroup {
  userId: string | null;
  parts: PlanPart[];
  fromSeq: number;
  toSeq: number;
  firstAt: number;
  lastAt: number;
  updates: number;
}

/**
 * "Who changed which part, and when" for the innsynslogg: each person's edits, one group until they pause for
 * longer than `sessionGapMs`. Groups wait (in the projection cursor) until the change log is flushed.
 */
export class ChangeLogGroups {
  readonly groups: ChangeGroup[];
  private readonly sessionGapMs: number;

  constructor(pending: readonly ChangeGroup[], sessionGapMs: number) {
    this.groups = pending.map((group) => ({ ...group, parts: [...group.parts] }));
    this.sessionGapMs = sessionGapMs;
  }

  add(update: { seq: number; userId: string | null; at: number; parts: ReadonlySet<PlanPart> }): void {
    if (update.parts.size === 0) return;
    let group = this.groups.findLast((candidate) => candidate.userId === update.userId);
    if (!group || update.at - group.lastAt > this.sessionGapMs) {
      group = {
        userId: update.userId,
        parts: [],
        fromSeq: update.seq,
        toSeq: update.seq,
        firstAt: update.at,
        lastAt: update.at,
        updates: 0,
      };
      this.groups.push(group);
    }
    const parts = new Set([...group.parts, ...update.parts]);
    group.parts = PLAN_PARTS.filter((part) => parts.has(part));
    group.toSeq = update.seq;
    group.lastAt = update.at;
    group.updates += 1;
  }
}
