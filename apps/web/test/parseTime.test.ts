import { MeetingTimeSchema } from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import { parseTime } from '../src/i18n/parseTime.ts';

describe('a meeting time as people type it', () => {
  it('reads the usual ways of writing a time', () => {
    expect(parseTime('13:30')).toBe('13:30');
    expect(parseTime('13.30')).toBe('13:30');
    expect(parseTime(' kl. 9 ')).toBe('09:00');
    expect(parseTime('Kl 14.15')).toBe('14:15');
    expect(parseTime('930')).toBe('09:30');
    expect(parseTime('1330')).toBe('13:30');
    expect(parseTime('0:00')).toBe('00:00');
    expect(parseTime('23:59')).toBe('23:59');
  });

  it('refuses what is not a time of day, and what it gives back is what the plan accepts', () => {
    for (const text of ['', '24:00', '12:60', '12:5', '13:30:00', 'halv to', '-1', '12345', '1 3']) {
      expect(parseTime(text), text).toBeNull();
    }
    for (const text of ['13:30', 'kl. 9', '930', '0.05']) {
      expect(MeetingTimeSchema.safeParse(parseTime(text)).success, text).toBe(true);
    }
  });
});
