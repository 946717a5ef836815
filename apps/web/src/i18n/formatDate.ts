// Dates in the plan are ISO calendar dates ('2027-06-20') without a time zone. They are formatted in UTC so the
// day never shifts with the reader's time zone.

import { calendarParts, clock, longDate, numericDate } from './norwegianCalendar.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(iso: string): Date | null {
  const match = ISO_DATE.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : date;
}

/** '2027-06-20' → '20.06.2027'; '' for null or an invalid date. */
export function formatDate(iso: string | null | undefined): string {
  const date = iso ? parseIsoDate(iso) : null;
  return date ? numericDate(calendarParts(date, 'utc')) : '';
}

/** '2027-06-20' → '20. juni 2027'. */
export function formatDateLong(iso: string | null | undefined): string {
  const date = iso ? parseIsoDate(iso) : null;
  return date ? longDate(calendarParts(date, 'utc')) : '';
}

/** A point in time in the reader's own time zone, e.g. '12.11.2026, 14:05'. */
export function formatDateTime(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const parts = calendarParts(date, 'local');
  return `${numericDate(parts)}, ${clock(parts)}`;
}

/** Today as an ISO calendar date in the reader's time zone. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
