import type { PlanPart } from '@samplan/plan-model';

/** The minimal socket a Room needs; the websocket route adapts `ws` to it, tests may fake it. */
export interface PeerSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** One connection to a plan: who it is and which parts of the plan its edits may change. */
export interface Peer {
  readonly socket: PeerSocket;
  readonly userId: string;
  /** Empty for a read-only member. */
  readonly writableParts: ReadonlySet<PlanPart>;
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly awarenessIds: Set<number>;
}

export function createPeer(socket: PeerSocket, userId: string, writableParts: ReadonlySet<PlanPart>): Peer {
  return { socket, userId, writableParts, awarenessIds: new Set() };
}
