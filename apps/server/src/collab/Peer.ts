import type { PlanPart } from '@samplan/plan-model';
import type { PresenceUser } from '@samplan/protocol';

/** The minimal socket a Room needs; the websocket route adapts `ws` to it, tests may fake it. */
export interface PeerSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** One connection to a plan: who it is and which parts of the plan its edits may change. */
export interface Peer {
  readonly socket: PeerSocket;
  readonly userId: string;
  /** The login session it was opened in: logging out closes it. */
  readonly sessionId: string;
  /** Empty for a read-only member. */
  readonly writableParts: ReadonlySet<PlanPart>;
  /** Who this is to the others: set on every presence state the connection announces. */
  readonly presence: PresenceUser;
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** When it joined (ms): how long its user stayed in the plan. */
  readonly joinedAt: number;
}

export function createPeer(
  socket: PeerSocket,
  presence: PresenceUser,
  writableParts: ReadonlySet<PlanPart>,
  sessionId = '',
): Peer {
  return {
    socket,
    userId: presence.id,
    sessionId,
    presence,
    writableParts,
    awarenessIds: new Set(),
    joinedAt: Date.now(),
  };
}
