import { encodeUpdateRefusal, UpdateRefusal } from '@samplan/protocol';
import { checkPlanWrite, isPlanRootType, partOfRootType, PLAN_LIMITS } from '@samplan/plan-model';
import type { UpdateEffect } from '../documents/updateEffect.ts';
import type { Peer } from './Peer.ts';

export type WriteDecision = { ok: true } | { ok: false; reason: string };

/**
 * Asked by the Room before it queues a peer's update for commit, with what the update would do to the plan. A
 * refused update is never committed or relayed; the peer is told why (an auth `permissionDenied` message with
 * `reason`) and its connection closes with 4409, so it loads the plan again rather than diverge.
 */
export interface WritePolicy {
  check(peer: Peer, effect: UpdateEffect): WriteDecision;
}

const accepted: WriteDecision = { ok: true };
const refused = (reason: string): WriteDecision => ({ ok: false, reason });

/**
 * Rights per part of the plan (@samplan/api PART_WRITERS): every top-level type an update touches is checked; then
 * the plan's schema (plan-model checkPlanWrite and PLAN_LIMITS): every value, nested type, rich-text node and mark.
 */
export const partWritePolicy: WritePolicy = {
  check(peer, effect) {
    if (effect.problem) return refused(encodeUpdateRefusal(UpdateRefusal.invalid, effect.problem));
    if (peer.writableParts.size === 0) return refused(UpdateRefusal.readOnly);
    for (const root of effect.roots) {
      if (!isPlanRootType(root)) return refused(UpdateRefusal.unknownPart);
      const part = partOfRootType(root);
      if (!peer.writableParts.has(part)) return refused(encodeUpdateRefusal(UpdateRefusal.partReadOnly, part));
    }
    for (const write of effect.writes) {
      const problem = checkPlanWrite(write);
      if (problem) return refused(encodeUpdateRefusal(UpdateRefusal.invalid, problem));
    }
    for (const size of effect.mapSizes.values()) {
      if (size > PLAN_LIMITS.itemsPerCollection)
        return refused(encodeUpdateRefusal(UpdateRefusal.invalid, 'TOO_MANY_ITEMS'));
    }
    return accepted;
  },
};
