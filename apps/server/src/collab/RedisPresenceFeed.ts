import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { UNSEALED, type MessageSeal } from '../signing/MessageSeal.ts';
import type { PresenceFeed, PresenceListener } from './PresenceFeed.ts';

type Message = { instance: string } & ({ kind: 'update'; update: string } | { kind: 'ask' });

/**
 * The PresenceFeed on Redis pub/sub, a channel per plan. A lost message costs nothing lasting: every client renews
 * its awareness entry every 15 s, and an entry not renewed for 30 s times out (y-protocols), also when the
 * instance its peer was on is gone. Every message is sealed (MessageSeal); one that is not is dropped.
 */
export class RedisPresenceFeed implements PresenceFeed {
  private readonly instance = randomUUID();
  private readonly listeners = new Map<string, Set<PresenceListener>>();
  private readonly channelPrefix: string;

  /** `publisher` may be shared; `subscriber` is this feed's own (a subscribed connection only listens). */
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    private readonly seal: MessageSeal,
    private readonly onError: (error: Error) => void,
  ) {
    this.channelPrefix = `${prefix}presence:`;
    subscriber.on('pmessageBuffer', (_pattern: Buffer, channelBytes: Buffer, message: Buffer) => {
      const channel = channelBytes.toString();
      if (channel.startsWith(this.channelPrefix)) this.received(channel, message);
    });
  }

  async start(): Promise<void> {
    await this.subscriber.psubscribe(`${this.channelPrefix}*`);
  }

  /** Stops listening; the connections are the caller's to quit. */
  async close(): Promise<void> {
    await this.subscriber.punsubscribe().catch(() => {});
  }

  publish(planId: string, update: Uint8Array): void {
    this.send(planId, { instance: this.instance, kind: 'update', update: Buffer.from(update).toString('base64') });
  }

  ask(planId: string): void {
    this.send(planId, { instance: this.instance, kind: 'ask' });
  }

  subscribe(planId: string, listener: PresenceListener): () => void {
    let set = this.listeners.get(planId);
    if (!set) this.listeners.set(planId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(planId) === set) this.listeners.delete(planId);
    };
  }

  private send(planId: string, message: Message): void {
    const channel = `${this.channelPrefix}${planId}`;
    this.publisher
      .publish(channel, this.seal.seal(channel, Buffer.from(JSON.stringify(message))))
      .catch((error: unknown) => this.onError(error as Error));
  }

  private received(channel: string, sealed: Buffer): void {
    const listeners = this.listeners.get(channel.slice(this.channelPrefix.length));
    if (!listeners) return;
    const payload = this.seal.open(channel, sealed, { once: true });
    if (payload === null) return this.onError(new Error(`dropped a message on ${channel}: ${UNSEALED}`));
    try {
      const message = JSON.parse(payload.toString()) as Message;
      if (message.instance === this.instance) return;
      for (const listener of [...listeners]) {
        if (message.kind === 'ask') listener.asked();
        else listener.update(new Uint8Array(Buffer.from(message.update, 'base64')));
      }
    } catch (error) {
      this.onError(error as Error);
    }
  }
}
