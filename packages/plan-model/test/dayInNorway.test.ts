import { describe, expect, it } from 'vitest';
import { dayInNorway } from '../src/index.ts';

describe('dayInNorway: today as the plan reads it', () => {
  it('is already tomorrow in Norway while UTC is still on the day before', () => {
    // Winter: UTC+1.
    expect(dayInNorway(Date.parse('2026-12-06T22:59:59Z'))).toBe('2026-12-06');
    expect(dayInNorway(Date.parse('2026-12-06T23:00:00Z'))).toBe('2026-12-07');
    // Summer: UTC+2.
    expect(dayInNorway(Date.parse('2027-06-30T21:59:59Z'))).toBe('2027-06-30');
    expect(dayInNorway(Date.parse('2027-06-30T22:00:00Z'))).toBe('2027-07-01');
    // New year, and the night the clocks go forward (29 March 2026, 01:00 UTC).
    expect(dayInNorway(Date.parse('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(dayInNorway(Date.parse('2026-03-28T22:30:00Z'))).toBe('2026-03-28');
    expect(dayInNorway(Date.parse('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
  });

  it('agrees with the UTC date in the middle of the day', () => {
    for (let day = 0; day < 400; day++) {
      const noon = Date.UTC(2026, 0, 1 + day, 12);
      expect(dayInNorway(noon)).toBe(new Date(noon).toISOString().slice(0, 10));
    }
  });
});
