import { useParticipantOptions } from '../fields/optionHooks.ts';
import { nb, nbMeetings } from '../i18n/index.ts';
import { ItemListSection } from '../items/ItemListSection.tsx';
import { useOpenNewItem } from '../items/OpenItem.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { MeetingCard } from './MeetingCard.tsx';
import { useMeetingGroups } from './meetingGroups.ts';
import '../styles/meetingCards.css';

export function MeetingsSection() {
  const actions = usePlanActions();
  const openNew = useOpenNewItem();
  // Upcoming first (the soonest first), then past (the latest first): the dates decide, not the order added.
  const { upcoming, past } = useMeetingGroups();
  const participants = useParticipantOptions();
  const none = upcoming.length + past.length === 0;
  return (
    <ItemListSection
      section="moter"
      add={{
        label: nb.meetings.add,
        onAdd: () => openNew('meetings', actions.add('meetings', { title: nb.meetings.titleDefault })),
      }}
      ids={upcoming}
      tools={
        !none && (
          <h3 id="meetings-upcoming" className="meetings-group">
            {nbMeetings.upcoming}
          </h3>
        )
      }
      listLabel={nbMeetings.upcoming}
      empty={none ? nb.meetings.empty : nbMeetings.upcomingNone}
      renderItem={(id) => <MeetingCard key={id} id={id} participants={participants} />}
      footer={
        past.length > 0 && (
          <>
            <h3 id="meetings-past" className="meetings-group">
              {nbMeetings.past}
            </h3>
            <ol className="item-list" aria-labelledby="meetings-past">
              {past.map((id) => (
                <MeetingCard key={id} id={id} participants={participants} />
              ))}
            </ol>
          </>
        )
      }
    />
  );
}
