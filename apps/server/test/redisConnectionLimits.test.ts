import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ConnectionLimits } from '../src/collab/ConnectionLimits.ts';
import { RedisConnectionLimits } from '../src/collab/RedisConnectionLimits.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('RedisConnectionLimits: the connection caps of all instances, in Redis', () => {
  const redis = new Redis(REDIS_URL);
  const prefix = `samplan-test-${randomUUID()}:`;
  let clock = 1_000_000;
  const instance = (maxPerUser: number, maxPerPlan: number) =>
    new RedisConnectionLimits(redis, {
      maxPerUser,
      maxPerPlan,
      prefix,
      fallback: new ConnectionLimits(maxPerUser, maxPerPlan),
      onError: (error) => {
        throw error;
      },
      now: () => clock,
    });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it("caps the plan for everyone but the family, and frees a dead instance's slots when their lease runs out", async () => {
    const a = instance(5, 2);
    const b = instance(5, 2);
    const first = await a.acquire('laerer', 'plan-1');
    const second = await b.acquire('helsesykepleier', 'plan-1');
    expect(first).toBeTypeOf('function');
    expect(second).toBeTypeOf('function');
    expect(await b.acquire('nav', 'plan-1')).toBeNull();
    // The family is let in over the plan's cap (and counts).
    const parent = await b.acquire('forelder', 'plan-1', true);
    expect(parent).toBeTypeOf('function');
    parent!();
    parent!(); // given back once
    second!();
    const third = await b.acquire('nav', 'plan-1');
    expect(third).toBeTypeOf('function');
    expect(await a.acquire('fysio', 'plan-1')).toBeNull();
    // Instance A dies without giving its slot back; B lives on and renews its own. Once A's lease has run out,
    // its slot is free, and B's is still held.
    a.close();
    clock += 40_000;
    await b['renew']();
    clock += 21_000;
    expect(await b.acquire('fysio', 'plan-1')).toBeTypeOf('function');
    expect(await b.acquire('ppt', 'plan-1')).toBeNull();
    b.close();
  });

  it('caps one user over all plans and instances', async () => {
    const a = instance(2, 100);
    const b = instance(2, 100);
    const slots = [await a.acquire('kari', 'plan-a'), await b.acquire('kari', 'plan-b')];
    expect(slots.every((slot) => typeof slot === 'function')).toBe(true);
    expect(await a.acquire('kari', 'plan-c')).toBeNull();
    slots[1]!();
    expect(await a.acquire('kari', 'plan-c')).toBeTypeOf('function');
    a.close();
    b.close();
  });
});
