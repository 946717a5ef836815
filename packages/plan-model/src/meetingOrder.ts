import type { MeetingStatus } from './enums.ts';

/** What the order of meetings is decided by. */
export interface OrderedMeeting {
  id: string;
  date: string | null;
  time: string | null;
  status: MeetingStatus;
}

export interface MeetingGroups<M> {
  /** Planned and not yet passed, the soonest first; planned ones without a date after those with one. */
  upcoming: M[];
  /** Held, cancelled, or planned for a day that has passed: the most recent first, those without a date last. */
  past: M[];
}

// Earlier first; a missing time sorts as the start of the day.
const when = (meeting: OrderedMeeting): string => `${meeting.date ?? ''}T${meeting.time ?? '00:00'}`;

/**
 * Meetings as the plan lists them on `today` (YYYY-MM-DD): what is coming, then what has been. A planned meeting
 * without a date is one still being set up, so it waits at the end of what is coming, where it was added. The
 * plan's own order breaks ties.
 */
export function groupMeetings<M extends OrderedMeeting>(meetings: readonly M[], today: string): MeetingGroups<M> {
  const indexed = meetings.map((meeting, index) => ({ meeting, index }));
  const isUpcoming = (meeting: M): boolean =>
    meeting.status === 'planlagt' && (meeting.date === null || meeting.date >= today);
  const upcoming = indexed
    .filter(({ meeting }) => isUpcoming(meeting))
    .sort((a, b) => {
      if ((a.meeting.date === null) !== (b.meeting.date === null)) return a.meeting.date === null ? 1 : -1;
      return when(a.meeting).localeCompare(when(b.meeting)) || a.index - b.index;
    });
  const past = indexed
    .filter(({ meeting }) => !isUpcoming(meeting))
    .sort((a, b) => {
      if ((a.meeting.date === null) !== (b.meeting.date === null)) return a.meeting.date === null ? 1 : -1;
      return when(b.meeting).localeCompare(when(a.meeting)) || a.index - b.index;
    });
  return { upcoming: upcoming.map(({ meeting }) => meeting), past: past.map(({ meeting }) => meeting) };
}

/** groupMeetings as one list: upcoming, then past. */
export function orderMeetings<M extends OrderedMeeting>(meetings: readonly M[], today: string): M[] {
  const { upcoming, past } = groupMeetings(meetings, today);
  return [...upcoming, ...past];
}
