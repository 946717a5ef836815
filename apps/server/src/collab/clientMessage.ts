import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '@samplan/protocol';
import type { DecodedUpdate } from '../documents/updateEffect.ts';
import { readUpdateMeta, type UpdateMeta } from '../documents/updateMeta.ts';
import { ProtocolError } from './ProtocolError.ts';

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array; hasNothing: boolean }
  | { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate; meta: UpdateMeta; isStep2: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

/**
 * Decodes and validates one frame from a peer. Throws ProtocolError for anything malformed:
 * unknown types, truncated varints, updates or state vectors that do not decode, trailing bytes.
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const message = readMessage(decoder);
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message');
    return message;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${(error as Error).message}`);
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync:
      return readSync(decoder);
    case MessageType.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { kind: 'queryAwareness' };
    default:
      throw new ProtocolError(`unknown message type ${type}`);
  }
}

function readSync(decoder: decoding.Decoder): ClientMessage {
  const subType = decoding.readVarUint(decoder);
  switch (subType) {
    case SyncMessageType.step1: {
      const stateVector = decoding.readVarUint8Array(decoder);
      return { kind: 'syncStep1', stateVector, hasNothing: Y.decodeStateVector(stateVector).size === 0 };
    }
    case SyncMessageType.step2:
    case SyncMessageType.update: {
      const update = decoding.readVarUint8Array(decoder);
      const decoded = Y.decodeUpdate(update);
      const meta = readUpdateMeta(update, decoded);
      return { kind: 'update', update, decoded, meta, isStep2: subType === SyncMessageType.step2 };
    }
    default:
      throw new ProtocolError(`unknown sync message type ${subType}`);
  }
}
