import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const TAG_BYTES = 32;
const TIME_BYTES = 8;

/**
 * How old a sealed message may be when it arrives (ms), either way: Redis delivers in milliseconds, so this is
 * room for the instances' clocks to differ. An older one is dropped, so a recorded message cannot be played later.
 */
export const SEALED_MESSAGE_MAX_AGE_MS = 30_000;

/** Why a message was dropped, for the log: an instance with another SESSION_SECRET, a clock far off, or a replay. */
export const UNSEALED =
  "not sealed with this deployment's SESSION_SECRET, older than 30 s (or the instances' clocks differ), or heard before";

/**
 * Seals the messages the instances send each other over Redis (commits, ended access, presence): each carries the
 * time it was sealed and an HMAC-SHA256 of its channel, that time and its payload, under a key derived from the
 * secret every instance shares (SESSION_SECRET). Whoever can publish on the Redis server but does not hold the
 * secret cannot put an update into a plan, close someone's sockets or make up presence: a message without a valid
 * seal is dropped. Nor can they play a recorded one again: one older than SEALED_MESSAGE_MAX_AGE_MS is dropped,
 * and where a second hearing would act again (a "logg ut overalt" closes the sessions started since), `once` drops
 * any seen before. A commit played again is harmless (its seq is taken). It does not hide the payload.
 */
export class MessageSeal {
  private readonly key: Buffer;
  /** Seals of messages opened `once`, with when they can be forgotten (no longer fresh enough to open). */
  private readonly seen = new Map<string, number>();

  constructor(
    secret: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, '', 'samplan: messages between instances', 32));
  }

  /** The tag, the time, then the payload. */
  seal(channel: string, payload: Uint8Array): Buffer {
    const time = Buffer.alloc(TIME_BYTES);
    time.writeDoubleBE(this.now());
    return Buffer.concat([this.tag(channel, time, payload), time, payload]);
  }

  /**
   * The payload of a message sealed for `channel` with this key, no older (or newer) than the age allowed (any age
   * with `anyAge`, for messages whose replay does nothing); null for anything else, and with `once` for a message
   * opened before.
   */
  open(
    channel: string,
    message: Uint8Array,
    { once = false, anyAge = false }: { once?: boolean; anyAge?: boolean } = {},
  ): Buffer | null {
    if (message.byteLength < TAG_BYTES + TIME_BYTES) return null;
    const bytes = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    const tag = bytes.subarray(0, TAG_BYTES);
    const time = bytes.subarray(TAG_BYTES, TAG_BYTES + TIME_BYTES);
    const payload = bytes.subarray(TAG_BYTES + TIME_BYTES);
    if (!timingSafeEqual(tag, this.tag(channel, time, payload))) return null;
    const now = this.now();
    const age = Math.abs(now - time.readDoubleBE(0));
    if (!(age <= SEALED_MESSAGE_MAX_AGE_MS) && !(anyAge && Number.isFinite(age))) return null;
    if (once) {
      for (const [seal, until] of this.seen) {
        if (until >= now) break;
        this.seen.delete(seal);
      }
      const seal = tag.toString('base64');
      if (this.seen.has(seal)) return null;
      this.seen.set(seal, now + 2 * SEALED_MESSAGE_MAX_AGE_MS);
    }
    return payload;
  }

  private tag(channel: string, time: Uint8Array, payload: Uint8Array): Buffer {
    return createHmac('sha256', this.key).update(channel).update('\0').update(time).update(payload).digest();
  }
}
