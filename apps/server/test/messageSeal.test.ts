import { describe, expect, it } from 'vitest';
import { MessageSeal, SEALED_MESSAGE_MAX_AGE_MS } from '../src/signing/MessageSeal.ts';

const SECRET = 'delt-hemmelighet-for-økter-og-tokens-på-alle-instanser';

describe('MessageSeal', () => {
  const seal = new MessageSeal(SECRET);
  const payload = new TextEncoder().encode('{"kind":"session"}');

  it('opens what it sealed for the same channel', () => {
    const sealed = seal.seal('samplan:access', payload);
    expect(sealed.byteLength).toBe(payload.byteLength + 40);
    expect(new Uint8Array(seal.open('samplan:access', sealed)!)).toEqual(payload);
    // A view into a larger buffer (as a connection's read buffer hands it over) opens too.
    const inLarger = Buffer.concat([Buffer.from('xyz'), sealed]).subarray(3);
    expect(seal.open('samplan:access', inLarger)?.toString()).toBe('{"kind":"session"}');
  });

  it('opens nothing unsealed, changed, for another channel, under another secret, or too short', () => {
    const sealed = seal.seal('samplan:commits:plan-a', payload);
    expect(seal.open('samplan:commits:plan-a', Buffer.from(payload))).toBeNull();
    for (const at of [0, 35, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[at]! ^= 1;
      expect(seal.open('samplan:commits:plan-a', changed), `byte ${at}`).toBeNull();
    }
    expect(seal.open('samplan:commits:plan-b', sealed)).toBeNull();
    expect(
      new MessageSeal('en-annen-hemmelighet-som-ingen-instans-har').open('samplan:commits:plan-a', sealed),
    ).toBeNull();
    expect(seal.open('samplan:commits:plan-a', sealed.subarray(0, 39))).toBeNull();
  });

  it('opens no message recorded and played later, nor one heard before where once is asked', () => {
    let now = Date.parse('2026-12-07T12:00:00.000Z');
    const sender = new MessageSeal(SECRET, () => now);
    const receiver = new MessageSeal(SECRET, () => now);
    const sealed = sender.seal('samplan:access', payload);
    // The instances' clocks may differ by up to the age allowed, either way.
    now += SEALED_MESSAGE_MAX_AGE_MS;
    expect(receiver.open('samplan:access', sealed)).not.toBeNull();
    expect(
      new MessageSeal(SECRET, () => now - 2 * SEALED_MESSAGE_MAX_AGE_MS).open('samplan:access', sealed),
    ).not.toBeNull();
    now += 1;
    expect(receiver.open('samplan:access', sealed)).toBeNull();
    now -= 1;
    // Heard once: the same message again is dropped, another is not; without once, a commit, it opens again.
    expect(receiver.open('samplan:access', sealed, { once: true })).not.toBeNull();
    expect(receiver.open('samplan:access', sealed, { once: true })).toBeNull();
    expect(receiver.open('samplan:access', sender.seal('samplan:access', payload), { once: true })).not.toBeNull();
    expect(receiver.open('samplan:access', sealed)).not.toBeNull();
  });

  it('remembers a message heard once for as long as it could be opened, from a sender whose clock is ahead', () => {
    const sealedAt = Date.parse('2026-12-07T12:00:00.000Z');
    let now = sealedAt - SEALED_MESSAGE_MAX_AGE_MS;
    const receiver = new MessageSeal(SECRET, () => now);
    const sealed = new MessageSeal(SECRET, () => sealedAt).seal('samplan:access', payload);
    expect(receiver.open('samplan:access', sealed, { once: true })).not.toBeNull();
    now = sealedAt + SEALED_MESSAGE_MAX_AGE_MS;
    expect(receiver.open('samplan:access', sealed, { once: true })).toBeNull();
    now += 1;
    expect(receiver.open('samplan:access', sealed, { once: true })).toBeNull();
  });

  it('opens a message of any age where that is asked (a commit heard again is dropped by its seq)', () => {
    let now = Date.parse('2026-12-07T12:00:00.000Z');
    const sealed = new MessageSeal(SECRET, () => now).seal('samplan:commits:p1', payload);
    now += 10 * SEALED_MESSAGE_MAX_AGE_MS;
    const receiver = new MessageSeal(SECRET, () => now);
    expect(receiver.open('samplan:commits:p1', sealed)).toBeNull();
    expect(receiver.open('samplan:commits:p1', sealed, { anyAge: true })).not.toBeNull();
  });
});
