// Clock times and instants for the innsynslogg and access end dates, in the reader's own time zone.

import { calendarParts, clock, weekdayDate } from './norwegianCalendar.ts';

/** '14:05'; '' for an invalid time. */
export function formatTime(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : clock(calendarParts(date, 'local'));
}

/** 'mandag 23. november 2026'; '' for an invalid time. */
export function formatDay(value: Date | string | number): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : weekdayDate(calendarParts(date, 'local'));
}
