// A meeting's day, time and name as the plan shows them.

import { formatDate } from './formatDate.ts';
import { nbMeetings as t } from './meetings.ts';
import { nb } from './nb.ts';
import { calendarParts, weekdayDate } from './norwegianCalendar.ts';

/** '2026-12-03', '13:30' → 'torsdag 3. desember 2026 kl. 13:30'; the day alone without a time; '' without a date. */
export function meetingWhen(date: string | null, time: string | null): string {
  const at = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : null;
  // Not a calendar date ('2026-13-01', '2026-02-30'): as if there were none.
  if (!at || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== date) return time ? t.at(time) : '';
  const day = weekdayDate(calendarParts(at, 'utc'));
  return time ? `${day} ${t.at(time)}` : day;
}

/** What a meeting is called: its title (or «Ansvarsgruppemøte») and its date, «Ansvarsgruppemøte 03.12.2026». */
export function meetingHeading(title: string, date: string | null): string {
  return t.heading(title.trim() || nb.meetings.titleDefault, formatDate(date));
}
