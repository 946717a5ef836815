import type { ConnectionCaps, ReleaseSlot } from './ConnectionCaps.ts';

/**
 * Counts open websocket connections per user and per plan in this process, so one user or one plan cannot take
 * them all. The plan's cap never locks the family out: its members count, but are let in over it.
 */
export class ConnectionLimits implements ConnectionCaps {
  private readonly perUser = new Map<string, number>();
  private readonly perPlan = new Map<string, number>();
  private readonly maxPerUser: number;
  private readonly maxPerPlan: number;

  constructor(maxPerUser: number, maxPerPlan: number) {
    this.maxPerUser = maxPerUser;
    this.maxPerPlan = maxPerPlan;
  }

  acquire(userId: string, planId: string, family = false): ReleaseSlot | null {
    if ((this.perUser.get(userId) ?? 0) >= this.maxPerUser) return null;
    if (!family && (this.perPlan.get(planId) ?? 0) >= this.maxPerPlan) return null;
    bump(this.perUser, userId, 1);
    bump(this.perPlan, planId, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      bump(this.perUser, userId, -1);
      bump(this.perPlan, planId, -1);
    };
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by;
  if (next <= 0) counts.delete(key);
  else counts.set(key, next);
}
