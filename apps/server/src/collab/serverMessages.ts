import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from '@samplan/protocol';
import type { SyncReply } from '../documents/DocumentState.ts';

function encodeSync(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array): Uint8Array => encodeSync(SyncMessageType.step1, stateVector);

export const encodeSyncStep2 = (update: Uint8Array): Uint8Array => encodeSync(SyncMessageType.step2, update);

export const encodeUpdateMessage = (update: Uint8Array): Uint8Array => encodeSync(SyncMessageType.update, update);

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** The frames answering a peer's SyncStep1: the checkpoint as an update, then the rest as SyncStep2, so the
 * provider reports `synced` only once it has everything. */
export function encodeSyncReply(reply: SyncReply): Uint8Array[] {
  const last = encodeSyncStep2(reply.last);
  return reply.first === null ? [last] : [encodeUpdateMessage(reply.first), last];
}
