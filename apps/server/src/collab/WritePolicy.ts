import { READ_ONLY_REASON } from '@samplan/protocol';
import type { UpdateMeta } from '../documents/updateMeta.ts';
import type { Peer } from './Peer.ts';

export type WriteDecision = { ok: true } | { ok: false; reason: string };

/**
 * Asked by the Room before it queues a peer's update for commit. A refused update is never committed or relayed;
 * the peer is told why (an auth `permissionDenied` message with `reason`).
 */
export interface WritePolicy {
  check(peer: Peer, update: Uint8Array, meta: UpdateMeta): WriteDecision;
}

const accepted: WriteDecision = { ok: true };
const readOnly: WriteDecision = { ok: false, reason: READ_ONLY_REASON };

/** Rights per document: a role whose membership may write writes everything, others nothing. */
export const roleWritePolicy: WritePolicy = {
  check: (peer) => (peer.canWrite ? accepted : readOnly),
};
