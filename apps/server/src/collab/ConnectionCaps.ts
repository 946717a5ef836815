/** Gives a connection's slot back; calling it twice gives it back once. */
export type ReleaseSlot = () => void;

/**
 * Caps on open websocket connections per user and per plan. In one process they are counted in memory
 * (ConnectionLimits); across instances in Redis (RedisConnectionLimits), so a cap holds for the whole service.
 */
export interface ConnectionCaps {
  /**
   * Takes a slot, or gives null when the user or the plan is at its cap. The plan's cap never locks the family
   * out (`family`): they count, but are let in over it; their own cap still holds.
   */
  acquire(userId: string, planId: string, family?: boolean): ReleaseSlot | null | Promise<ReleaseSlot | null>;
}
