import { describe, expect, it } from 'vitest';
import { oncePer } from '../src/audit/oncePer.ts';

describe('oncePer', () => {
  it('says yes once per window for each key, and again once the window is over', () => {
    let now = 0;
    const due = oncePer(1000, () => now);
    expect([due('a'), due('a'), due('b')]).toEqual([true, false, true]);
    now = 999;
    expect(due('a')).toBe(false);
    now = 1000;
    expect(due('a')).toBe(true);
  });

  it('forgets only keys past their window when it holds many, so a live key stays throttled', () => {
    let now = 0;
    const due = oncePer(1000, () => now);
    expect(due('live')).toBe(true);
    now = 500;
    for (let i = 0; i < 10_000; i++) due(`k${i}`);
    now = 1200;
    expect(due('another')).toBe(true);
    expect(due('k1')).toBe(false);
  });
});
