import { describe, expect, it } from 'vitest';
import { MessageSeal } from '../src/signing/MessageSeal.ts';

describe('MessageSeal', () => {
  const seal = new MessageSeal('delt-hemmelighet-for-økter-og-tokens-på-alle-instanser');
  const payload = new TextEncoder().encode('{"kind":"session"}');

  it('opens what it sealed for the same channel', () => {
    const sealed = seal.seal('samplan:access', payload);
    expect(sealed.byteLength).toBe(payload.byteLength + 32);
    expect(new Uint8Array(seal.open('samplan:access', sealed)!)).toEqual(payload);
    // A view into a larger buffer (as a connection's read buffer hands it over) opens too.
    const inLarger = Buffer.concat([Buffer.from('xyz'), sealed]).subarray(3);
    expect(seal.open('samplan:access', inLarger)?.toString()).toBe('{"kind":"session"}');
  });

  it('opens nothing unsealed, changed, for another channel, under another secret, or too short', () => {
    const sealed = seal.seal('samplan:commits:plan-a', payload);
    expect(seal.open('samplan:commits:plan-a', Buffer.from(payload))).toBeNull();
    const changed = Buffer.from(sealed);
    changed[changed.length - 1]! ^= 1;
    expect(seal.open('samplan:commits:plan-a', changed)).toBeNull();
    const changedTag = Buffer.from(sealed);
    changedTag[0]! ^= 1;
    expect(seal.open('samplan:commits:plan-a', changedTag)).toBeNull();
    expect(seal.open('samplan:commits:plan-b', sealed)).toBeNull();
    expect(
      new MessageSeal('en-annen-hemmelighet-som-ingen-instans-har').open('samplan:commits:plan-a', sealed),
    ).toBeNull();
    expect(seal.open('samplan:commits:plan-a', sealed.subarray(0, 31))).toBeNull();
  });
});
