// Dates and clock times written the Norwegian (bokmål) way by hand, as nb-NO's Intl.DateTimeFormat writes them
// (test/formatDate.test.ts compares the two). The first Intl.DateTimeFormat a page makes loads the browser's locale
// data: about 20 ms of a fast CPU and 80 ms of a phone's 4× slower one, on the way to showing the plan. The app
// speaks one language, so it needs none of that.

const MONTHS = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
] as const;
const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'] as const;

/** A point in time as a calendar shows it, in UTC (for the plan's calendar dates) or the reader's time zone. */
export interface CalendarParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
}

export function calendarParts(date: Date, zone: 'utc' | 'local'): CalendarParts {
  return zone === 'utc'
    ? {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        weekday: date.getUTCDay(),
        hour: date.getUTCHours(),
        minute: date.getUTCMinutes(),
      }
    : {
        year: date.getFullYear(),
        month: date.getMonth() + 1,
        day: date.getDate(),
        weekday: date.getDay(),
        hour: date.getHours(),
        minute: date.getMinutes(),
      };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** '20.06.2027'. */
export const numericDate = (p: CalendarParts): string => `${pad2(p.day)}.${pad2(p.month)}.${p.year}`;
/** '20. juni 2027'. */
export const longDate = (p: CalendarParts): string => `${p.day}. ${MONTHS[p.month - 1]} ${p.year}`;
/** 'søndag 20. juni 2027'. */
export const weekdayDate = (p: CalendarParts): string => `${WEEKDAYS[p.weekday]} ${longDate(p)}`;
/** '14:05'. */
export const clock = (p: CalendarParts): string => `${pad2(p.hour)}:${pad2(p.minute)}`;
