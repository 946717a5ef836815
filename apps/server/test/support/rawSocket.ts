import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { MessageType } from '@samplan/protocol';

export interface RawSocket {
  socket: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  received: Uint8Array[];
}

/** A bare `ws` client, for sending frames no provider would send. */
export function openRawSocket(url: string): RawSocket {
  const socket = new WebSocket(url);
  const received: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return { socket, opened, closed, received };
}

/** An awareness frame setting `states` (client id -> state) at clock `clock`. */
export const awarenessFrame = (states: Map<number, unknown>, clock = 1): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, states.size);
  for (const [clientId, state] of states) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
};
