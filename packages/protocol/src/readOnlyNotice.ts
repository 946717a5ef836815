import * as encoding from 'lib0/encoding';
import { AuthMessageType, MessageType } from './messageTypes.ts';
import { UpdateRefusal } from './updateRefusal.ts';

/** Reason sent in a y-protocols auth `permissionDenied` message when a read-only peer sends an update. */
export const READ_ONLY_REASON = UpdateRefusal.readOnly;

/** Encodes the auth message that tells a peer its edits were refused (y-protocols/auth wire format). */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  encoding.writeVarUint(encoder, AuthMessageType.permissionDenied);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}
