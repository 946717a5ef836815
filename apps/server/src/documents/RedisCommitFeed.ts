import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Commit, CommitFeed, CommitListener } from './CommitFeed.ts';
import { InProcessCommitFeed } from './InProcessCommitFeed.ts';

/** Whoever appended on another instance: a Room treats the commits as foreign and relays them to its peers. */
export const REMOTE_ORIGIN = Symbol('remote instance');

interface Message {
  instance: string;
  commits: Array<{ planId: string; seq: number; update: string; userId: string | null }>;
}

/**
 * The CommitFeed across instances: this process's listeners hear its commits at once (InProcessCommitFeed), and
 * every commit is published on Redis (a channel per plan) for the Rooms of the other instances. Redis pub/sub
 * may lose a message; a Room that sees a seq gap fills it from the log, so a lost message never loses an update.
 * Commits from other instances reach per-plan listeners (Rooms) only: each instance projects its own commits.
 */
export class RedisCommitFeed implements CommitFeed {
  private readonly local: InProcessCommitFeed;
  private readonly instance = randomUUID();
  private readonly channelPrefix: string;

  /** `publisher` may be shared; `subscriber` is this feed's own (a subscribed connection only listens). */
  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
    private readonly onError: (error: Error) => void = () => {},
  ) {
    this.local = new InProcessCommitFeed(onError);
    this.channelPrefix = `${prefix}commits:`;
    subscriber.on('pmessage', (_pattern: string, _channel: string, text: string) => this.received(text));
  }

  /** Starts listening to the other instances; resolves once Redis has the subscription. */
  async start(): Promise<void> {
    await this.subscriber.psubscribe(`${this.channelPrefix}*`);
  }

  publish(commits: readonly Commit[], origin: unknown): void {
    this.local.publish(commits, origin);
    const planId = commits[0]?.planId;
    if (planId === undefined) return;
    const message: Message = {
      instance: this.instance,
      commits: commits.map((c) => ({
        planId: c.planId,
        seq: c.seq,
        update: Buffer.from(c.update).toString('base64'),
        userId: c.userId,
      })),
    };
    this.publisher.publish(`${this.channelPrefix}${planId}`, JSON.stringify(message)).catch((error: unknown) => {
      this.onError(error as Error);
    });
  }

  subscribe(planId: string, listener: CommitListener): () => void {
    return this.local.subscribe(planId, listener);
  }

  subscribeAll(listener: CommitListener): () => void {
    return this.local.subscribeAll(listener);
  }

  /** Stops listening; the connections are the caller's to quit. */
  async close(): Promise<void> {
    await this.subscriber.punsubscribe().catch(() => {});
  }

  private received(text: string): void {
    let message: Message;
    try {
      message = JSON.parse(text) as Message;
    } catch (error) {
      this.onError(error as Error);
      return;
    }
    if (message.instance === this.instance || message.commits.length === 0) return;
    const commits: Commit[] = message.commits.map((c) => ({
      planId: c.planId,
      seq: c.seq,
      update: new Uint8Array(Buffer.from(c.update, 'base64')),
      userId: c.userId,
    }));
    this.local.publishToPlan(commits, REMOTE_ORIGIN);
  }
}
