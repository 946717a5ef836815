import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ConnectionCaps, ReleaseSlot } from './ConnectionCaps.ts';

/** A slot is held for this long unless its instance renews it: an instance that dies frees its slots by then. */
const LEASE_MS = 60_000;

/**
 * Takes a slot in the user's and the plan's sorted set (member: instance and connection, score: when its lease
 * ends), in one step: drop the leases that ran out, count, add. KEYS: user set, plan set. ARGV: now, lease end,
 * member, user cap, plan cap, '1' for a family member (over the plan's cap), lease ms.
 */
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
if ARGV[6] ~= '1' and redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[7])
return 1
`;

interface Held {
  member: string;
  userKey: string;
  planKey: string;
}

/**
 * The connection caps of every instance together, counted in Redis. Each open connection holds a lease in its
 * user's and its plan's set; the instance renews its leases while the connections stay open, and gives them back
 * as they close. If Redis cannot be asked, the connection is let in under this instance's own caps.
 */
export class RedisConnectionLimits implements ConnectionCaps {
  private readonly instance = randomUUID();
  private readonly held = new Set<Held>();
  private readonly renewal: NodeJS.Timeout;

  constructor(
    private readonly redis: Redis,
    private readonly options: {
      maxPerUser: number;
      maxPerPlan: number;
      prefix: string;
      /** This instance's own caps, used while Redis is unreachable. */
      fallback: ConnectionCaps;
      onError: (error: Error) => void;
      now?: () => number;
    },
  ) {
    this.renewal = setInterval(() => void this.renew(), LEASE_MS / 3);
    this.renewal.unref();
  }

  async acquire(userId: string, planId: string, family = false): Promise<ReleaseSlot | null> {
    const held: Held = {
      member: `${this.instance}:${randomUUID()}`,
      userKey: `${this.options.prefix}sockets:user:${userId}`,
      planKey: `${this.options.prefix}sockets:plan:${planId}`,
    };
    const now = (this.options.now ?? Date.now)();
    let taken: unknown;
    try {
      taken = await this.redis.eval(
        ACQUIRE,
        2,
        held.userKey,
        held.planKey,
        now,
        now + LEASE_MS,
        held.member,
        this.options.maxPerUser,
        this.options.maxPerPlan,
        family ? '1' : '0',
        LEASE_MS,
      );
    } catch (error) {
      this.options.onError(error as Error);
      return this.options.fallback.acquire(userId, planId, family);
    }
    if (taken !== 1) return null;
    this.held.add(held);
    return () => {
      if (!this.held.delete(held)) return;
      this.redis
        .multi()
        .zrem(held.userKey, held.member)
        .zrem(held.planKey, held.member)
        .exec()
        .catch((error: unknown) => this.options.onError(error as Error));
    };
  }

  /** Stops renewing; the leases of connections still open run out on their own. */
  close(): void {
    clearInterval(this.renewal);
  }

  private async renew(): Promise<void> {
    if (this.held.size === 0) return;
    const until = (this.options.now ?? Date.now)() + LEASE_MS;
    const batch = this.redis.multi();
    for (const { member, userKey, planKey } of this.held) {
      batch.zadd(userKey, 'XX', until, member).zadd(planKey, 'XX', until, member);
      batch.pexpire(userKey, LEASE_MS).pexpire(planKey, LEASE_MS);
    }
    await batch.exec().catch((error: unknown) => this.options.onError(error as Error));
  }
}
