import { MEETING_STATUSES, type MeetingStatus } from '@samplan/plan-model';
import { VideoLink } from '../components/VideoLink.tsx';
import { DateField } from '../fields/DateField.tsx';
import { MeetingPlaceField, MeetingTimeField, MeetingVideoLinkField } from '../fields/MeetingFields.tsx';
import { enumOptions } from '../fields/optionHooks.ts';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { meetingHeading, meetingWhen, nb, nbMeetings, todayIso } from '../i18n/index.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemExcerpt } from '../items/ItemExcerpt.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { MeetingParticipants } from './MeetingParticipants.tsx';

export interface MeetingCardProps {
  id: string;
  participants: readonly SelectOption[];
}

const STATUS_OPTIONS = enumOptions(MEETING_STATUSES, nb.meetingStatus);

export function MeetingCard({ id, participants }: MeetingCardProps) {
  const actions = usePlanActions();
  const { info } = usePlan();
  const canRun = useCanEdit();
  const item = useItemMap('meetings', id);
  const titleText = useFieldText('meetings', item, 'title');
  const title = useField('meetings', item, 'title');
  const date = useField('meetings', item, 'date');
  const time = useField('meetings', item, 'time');
  const place = useField('meetings', item, 'place');
  const videoLink = useField('meetings', item, 'videoLink');
  const presentIds = useField('meetings', item, 'presentIds');
  const status = useField('meetings', item, 'status');
  const participantIds = useField('meetings', item, 'participantIds');
  const agenda = useField('meetings', item, 'agenda');
  const minutes = useField('meetings', item, 'minutes');
  if (!item) return null;
  const heading = meetingHeading(titleText, date);
  const names = (ids: readonly string[]): string[] =>
    participants.filter((participant) => ids.includes(participant.value)).map((participant) => participant.label);
  // A meeting still to come is started from here; one whose day has passed is opened (to mark it held, or read).
  const toCome = status === 'planlagt' && (date === null || date >= todayIso());
  const passed = status === 'planlagt' && !toCome;
  const start = toCome && canRun;
  return (
    <ItemCard
      collection="meetings"
      id={id}
      title={heading}
      data={{ 'data-meeting-id': id }}
      // Listed by date, upcoming then past: not moved by hand.
      siblings={[]}
      removeLabel={nb.meetings.removeLabel(heading)}
      removeWhat={nb.meetings.deletedWhat}
      badges={<StatusBadge status={status} label={nb.meetingStatus[status]} />}
      editor={() => (
        <>
          <div className="field-row">
            <YTextInput text={title} label={nb.meetings.title} autoFocus className="field--grow" />
            <DateField
              label={nb.meetings.date}
              value={date}
              onChange={(value) => actions.update('meetings', id, { date: value })}
            />
            <MeetingTimeField meetingId={id} />
            <SelectField
              label={nb.meetings.status}
              value={status}
              options={STATUS_OPTIONS}
              onChange={(value) => value && actions.update('meetings', id, { status: value as MeetingStatus })}
            />
          </div>
          <div className="field-row">
            <MeetingPlaceField meetingId={id} />
            <MeetingVideoLinkField meetingId={id} />
          </div>
          <MeetingParticipants meetingId={id} participants={participants} />
          <RichTextField fragment={agenda} label={nb.meetings.agenda} />
          <RichTextField fragment={minutes} label={nb.meetings.minutes} />
        </>
      )}
    >
      {passed && canRun && <p className="meeting-passed">{nbMeetings.datePassed}</p>}
      <ItemFacts
        facts={[
          { label: nbMeetings.when, value: meetingWhen(date, time) || nbMeetings.noDate },
          { label: nbMeetings.place, value: place },
          { label: nbMeetings.invited, value: names(participantIds).join(', ') },
          { label: nbMeetings.present, value: names(presentIds).join(', ') },
        ]}
      />
      {videoLink && (
        <p className="meeting-video">
          <VideoLink href={videoLink} />
        </p>
      )}
      <ItemExcerpt text={agenda} label={nb.meetings.agenda} />
      <ItemExcerpt text={minutes} label={nb.meetings.minutes} />
      <p className="meeting-card__links">
        <Link
          to={paths.meeting(info.id, id)}
          className={`button button--small ${start ? 'button--primary' : ''}`}
          aria-label={start ? nbMeetings.runLabel(heading) : nbMeetings.openLabel(heading)}
        >
          {start ? nbMeetings.run : nbMeetings.open}
        </Link>
        {status === 'gjennomfort' && (
          <Link
            to={paths.meetingRecord(info.id, id)}
            className="button button--small"
            aria-label={nbMeetings.recordLabel(heading)}
          >
            {nbMeetings.record}
          </Link>
        )}
      </p>
    </ItemCard>
  );
}
