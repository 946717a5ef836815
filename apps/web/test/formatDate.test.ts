import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, formatDateTime, todayIso } from '../src/i18n/index.ts';

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
