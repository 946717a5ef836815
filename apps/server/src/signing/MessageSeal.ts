import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const TAG_BYTES = 32;

/**
 * Seals the messages the instances send each other over Redis (commits, ended access, presence): each carries an
 * HMAC-SHA256 of its channel and payload, under a key derived from the secret every instance shares
 * (SESSION_SECRET). Whoever can publish on the Redis server but does not hold the secret cannot put an update into
 * a plan, close someone's sockets or make up presence: a message without a valid seal is dropped. It does not
 * hide the payload (Redis sees it), and a replayed message is harmless where it lands (a commit's seq is taken,
 * an awareness clock is old, a closed session stays closed).
 */
export class MessageSeal {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, '', 'samplan: messages between instances', 32));
  }

  /** The tag, then the payload. */
  seal(channel: string, payload: Uint8Array): Buffer {
    return Buffer.concat([this.tag(channel, payload), payload]);
  }

  /** The payload of a message sealed for `channel` with this key; null for anything else. */
  open(channel: string, message: Uint8Array): Buffer | null {
    if (message.byteLength < TAG_BYTES) return null;
    const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    const payload = bytes.subarray(TAG_BYTES);
    return timingSafeEqual(bytes.subarray(0, TAG_BYTES), this.tag(channel, payload)) ? payload : null;
  }

  private tag(channel: string, payload: Uint8Array): Buffer {
    return createHmac('sha256', this.key).update(channel).update('\0').update(payload).digest();
  }
}
