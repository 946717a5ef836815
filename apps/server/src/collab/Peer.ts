/** The minimal socket a Room needs; the websocket route adapts `ws` to it, tests may fake it. */
export interface PeerSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** One connection to a plan: who it is and whether its edits may be kept. */
export interface Peer {
  readonly socket: PeerSocket;
  readonly userId: string;
  readonly canWrite: boolean;
  /** Awareness client ids this connection has announced; removed when it leaves. */
  readonly awarenessIds: Set<number>;
}

export function createPeer(socket: PeerSocket, userId: string, canWrite: boolean): Peer {
  return { socket, userId, canWrite, awarenessIds: new Set() };
}
