import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateLong,
  formatDateTime,
  formatDay,
  formatTime,
  meetingWhen,
  todayIso,
} from '../src/i18n/index.ts';

/** What nb-NO's Intl.DateTimeFormat writes (Node has the full ICU data), to hold the hand-written formats to. */
const intl = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('nb-NO', options);

describe('Norwegian dates', () => {
  it('formats ISO dates as dd.mm.yyyy', () => {
    expect(formatDate('2027-06-20')).toBe('20.06.2027');
    expect(formatDate('2026-01-05')).toBe('05.01.2026');
  });

  it('writes long dates with the Norwegian month name', () => {
    expect(formatDateLong('2027-06-20')).toBe('20. juni 2027');
    expect(formatDateLong('2026-12-03')).toBe('3. desember 2026');
  });

  it('never shifts the day with the time zone', () => {
    expect(formatDate('2026-12-31')).toBe('31.12.2026');
    expect(formatDate('2026-01-01')).toBe('01.01.2026');
  });

  it('gives an empty string for missing or invalid dates', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('2026-02-30')).toBe('');
    expect(formatDate('31.12.2026')).toBe('');
  });

  it('formats points in time with date and clock', () => {
    const text = formatDateTime(new Date(2026, 10, 12, 14, 5));
    expect(text).toMatch(/12\.11\.2026/);
    expect(text).toMatch(/14[:.]05/);
  });

  it('writes every day of two years, and times through a day, exactly as nb-NO Intl does', () => {
    const short = intl({ day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const long = intl({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const meetingDay = intl({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const localDay = intl({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    const localTime = intl({ hour: '2-digit', minute: '2-digit' });
    const dateTime = intl({ dateStyle: 'short', timeStyle: 'short' });
    let checked = 0;
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      const date = new Date(day);
      expect(formatDate(iso)).toBe(short.format(date));
      expect(formatDateLong(iso)).toBe(long.format(date));
      expect(meetingWhen(iso, null)).toBe(meetingDay.format(date));
      // A point in time, some minutes into each day, in the reader's own time zone.
      const instant = new Date(day + ((checked * 37) % 1440) * 60_000);
      expect(formatDay(instant)).toBe(localDay.format(instant));
      expect(formatTime(instant)).toBe(localTime.format(instant));
      expect(formatDateTime(instant)).toBe(dateTime.format(instant));
      checked += 1;
    }
    expect(checked).toBe(730);
    expect(meetingWhen('2026-12-03', '13:30')).toBe('torsdag 3. desember 2026 kl. 13:30');
    // What is not a calendar date reads as no date.
    expect(meetingWhen('2026-13-01', '13:30')).toBe('kl. 13:30');
    expect(meetingWhen('2026-02-30', null)).toBe('');
  });

  it('takes today from the local calendar', () => {
    expect(todayIso(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
  });
});

describe('reading dates typed the Norwegian way', () => {
  it('accepts the usual ways of writing a date', async () => {
    const { parseNorwegianDate } = await import('../src/i18n/index.ts');
    expect(parseNorwegianDate('20.06.2027')).toBe('2027-06-20');
    expect(parseNorwegianDate('20.6.27')).toBe('2027-06-20');
    expect(parseNorwegianDate(' 1/2/2027 ')).toBe('2027-02-01');
    expect(parseNorwegianDate('20062027')).toBe('2027-06-20');
    expect(parseNorwegianDate('2027-06-20')).toBe('2027-06-20');
  });

  it('refuses what is not a real date', async () => {
    const { parseNorwegianDate } = await import('../src/i18n/index.ts');
    expect(parseNorwegianDate('30.02.2027')).toBeNull();
    expect(parseNorwegianDate('20.13.2027')).toBeNull();
    expect(parseNorwegianDate('i morgen')).toBeNull();
    expect(parseNorwegianDate('')).toBeNull();
  });
});
