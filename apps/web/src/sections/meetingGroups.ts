import {
  getCollection,
  groupMeetings,
  listItemIds,
  MEETING_STATUSES,
  MeetingTimeSchema,
  IsoDateSchema,
  type MeetingGroups,
  type MeetingStatus,
} from '@samplan/plan-model';
import { jsonEqual, useYValue } from '../hooks/useYValue.ts';
import { todayIso } from '../i18n/index.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

const statusOf = (value: unknown): MeetingStatus =>
  (MEETING_STATUSES as readonly unknown[]).includes(value) ? (value as MeetingStatus) : 'planlagt';

/** The plan's meetings by id: upcoming (soonest first), then past (latest first), live. */
export function useMeetingGroups(): MeetingGroups<string> {
  const { doc } = usePlan().connection;
  const meetings = getCollection(doc, 'meetings');
  const today = todayIso();
  return useYValue(
    meetings,
    () => {
      const list = listItemIds(doc, 'meetings').map((id) => {
        const item = meetings.get(id);
        const date = item?.get('date');
        const time = item?.get('time');
        return {
          id,
          date: IsoDateSchema.safeParse(date).success ? (date as string) : null,
          time: MeetingTimeSchema.safeParse(time).success ? (time as string) : null,
          status: statusOf(item?.get('status')),
        };
      });
      const { upcoming, past } = groupMeetings(list, today);
      return { upcoming: upcoming.map((m) => m.id), past: past.map((m) => m.id) };
    },
    [today],
    { deep: true, equals: jsonEqual },
  );
}
