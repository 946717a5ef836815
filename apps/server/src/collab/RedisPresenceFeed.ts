import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { PresenceFeed, PresenceListener } from './PresenceFeed.ts';

type Message = { instance: string } & ({ kind: 'update'; update: string } | { kind: 'ask' });

/**
 * The PresenceFeed on Redis pub/sub, a channel per plan. A lost message costs nothing lasting: every client renews
 * its awareness entry every 15 s, and an entry not renewed for 30 s times out (y-protocols), also when the
 * instance its peer was on is gone.
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
    private readonly onError: (error: Error) => void,
  ) {
    this.channelPrefix = `${prefix}presence:`;
    subscriber.on('pmessage', (_pattern: string, channel: string, text: string) => {
      if (channel.startsWith(this.channelPrefix)) this.received(channel.slice(this.channelPrefix.length), text);
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
    this.publisher
      .publish(`${this.channelPrefix}${planId}`, JSON.stringify(message))
      .catch((error: unknown) => this.onError(error as Error));
  }

  private received(planId: string, text: string): void {
    const listeners = this.listeners.get(planId);
    if (!listeners) return;
    try {
      const message = JSON.parse(text) as Message;
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
