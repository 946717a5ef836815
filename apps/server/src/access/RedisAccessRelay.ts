import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { UNSEALED, type MessageSeal } from '../signing/MessageSeal.ts';
import type { AccessEnded, AccessEvents, SessionEnded } from './AccessEvents.ts';

type Relayed = { instance: string } & (
  { kind: 'ended'; event: AccessEnded } | { kind: 'session'; event: SessionEnded }
);

/**
 * Passes ended access (revocation, expiry, consent withdrawn) and ended sessions (logout, "logg ut overalt") to
 * every instance over Redis, so a user's sockets close wherever they are connected, not only where it happened.
 * Every message is sealed (MessageSeal); one that is not is dropped.
 */
export class RedisAccessRelay {
  private readonly instance = randomUUID();
  private readonly channel: string;

  /** `publisher` may be shared; `subscriber` is the relay's own (a subscribed connection only listens). */
  constructor(
    private readonly events: AccessEvents,
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    private readonly seal: MessageSeal,
    private readonly onError: (error: Error) => void,
  ) {
    this.channel = `${prefix}access`;
    events.relay = (relayed) => {
      const message: Relayed = { instance: this.instance, ...relayed } as Relayed;
      this.publisher
        .publish(this.channel, seal.seal(this.channel, Buffer.from(JSON.stringify(message))))
        .catch((error: unknown) => this.onError(error as Error));
    };
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      if (channel.toString() === this.channel) this.received(message);
    });
  }

  async start(): Promise<void> {
    await this.subscriber.subscribe(this.channel);
  }

  async close(): Promise<void> {
    this.events.relay = null;
    await this.subscriber.unsubscribe().catch(() => {});
  }

  private received(sealed: Buffer): void {
    // Heard once: a "logg ut overalt" played again would close the sessions started since.
    const payload = this.seal.open(this.channel, sealed, { once: true });
    if (payload === null) return this.onError(new Error(`dropped a message on ${this.channel}: ${UNSEALED}`));
    try {
      const message = JSON.parse(payload.toString()) as Relayed;
      if (message.instance === this.instance) return;
      if (message.kind === 'ended') this.events.endedElsewhere(message.event);
      else this.events.sessionEndedElsewhere(message.event);
    } catch (error) {
      this.onError(error as Error);
    }
  }
}
