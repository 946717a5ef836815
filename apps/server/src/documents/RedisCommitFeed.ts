import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { UNSEALED, type MessageSeal } from '../signing/MessageSeal.ts';
import type { Commit, CommitFeed, CommitListener } from './CommitFeed.ts';
import { InProcessCommitFeed } from './InProcessCommitFeed.ts';

/** Whoever appended on another instance: a Room treats the commits as foreign and relays them to its peers. */
export const REMOTE_ORIGIN = Symbol('remote instance');

/**
 * The CommitFeed across instances: this process's listeners hear its commits at once (InProcessCommitFeed), and
 * every commit is published on Redis (a channel per plan) for the Rooms of the other instances. Redis pub/sub
 * may lose a message; a Room that sees a seq gap fills it from the log, so a lost message never loses an update.
 * Commits from other instances reach per-plan listeners (Rooms) only: each instance projects its own commits.
 * Every message is sealed (MessageSeal); one that is not, or not for its channel, is dropped.
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
    private readonly seal: MessageSeal,
    private readonly onError: (error: Error) => void = () => {},
  ) {
    this.local = new InProcessCommitFeed(onError);
    this.channelPrefix = `${prefix}commits:`;
    subscriber.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) =>
      this.received(channel.toString(), message),
    );
  }

  /** Starts listening to the other instances; resolves once Redis has the subscription. */
  async start(): Promise<void> {
    await this.subscriber.psubscribe(`${this.channelPrefix}*`);
  }

  publish(commits: readonly Commit[], origin: unknown): void {
    this.local.publish(commits, origin);
    const planId = commits[0]?.planId;
    if (planId === undefined) return;
    const channel = `${this.channelPrefix}${planId}`;
    this.publisher
      .publish(channel, this.seal.seal(channel, encodeCommits(this.instance, commits)))
      .catch((error: unknown) => {
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

  private received(channel: string, message: Buffer): void {
    // Of any age: a commit heard again is dropped by its seq, and the instances' clocks need not agree for edits.
    const payload = this.seal.open(channel, message, { anyAge: true });
    if (payload === null) {
      this.onError(new Error(`dropped a commit message on ${channel}: ${UNSEALED}`));
      return;
    }
    let decoded: { instance: string; commits: Commit[] };
    try {
      decoded = decodeCommits(payload);
    } catch (error) {
      this.onError(error as Error);
      return;
    }
    if (decoded.instance === this.instance || decoded.commits.length === 0) return;
    // Every commit of a message is for the plan its channel names, with a seq: anything else (another deployment on
    // the same Redis and prefix, or a message not ours) is dropped rather than let into a plan's state.
    const planId = channel.slice(this.channelPrefix.length);
    const foreign = decoded.commits.find((commit) => commit.planId !== planId || commit.seq < 1);
    if (!channel.startsWith(this.channelPrefix) || foreign) {
      this.onError(new Error(`dropped a commit message on ${channel} that is not for that plan`));
      return;
    }
    this.local.publishToPlan(decoded.commits, REMOTE_ORIGIN);
  }
}

/**
 * A message on the feed, binary (an update is most of it; JSON would carry it as base64 text): the publishing
 * instance, then per commit its plan, seq, writer ('' for the server) and update.
 */
function encodeCommits(instance: string, commits: readonly Commit[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, instance);
  encoding.writeVarUint(encoder, commits.length);
  for (const commit of commits) {
    encoding.writeVarString(encoder, commit.planId);
    encoding.writeVarUint(encoder, commit.seq);
    encoding.writeVarString(encoder, commit.userId ?? '');
    encoding.writeVarUint8Array(encoder, commit.update);
  }
  return encoding.toUint8Array(encoder);
}

function decodeCommits(message: Uint8Array): { instance: string; commits: Commit[] } {
  const decoder = decoding.createDecoder(message);
  const instance = decoding.readVarString(decoder);
  const count = decoding.readVarUint(decoder);
  const commits: Commit[] = [];
  for (let i = 0; i < count; i++) {
    const planId = decoding.readVarString(decoder);
    const seq = decoding.readVarUint(decoder);
    const userId = decoding.readVarString(decoder);
    // A copy: the message may be a slice of the connection's read buffer, which a kept view would keep whole.
    const update = new Uint8Array(decoding.readVarUint8Array(decoder));
    commits.push({ planId, seq, userId: userId === '' ? null : userId, update });
  }
  return { instance, commits };
}
