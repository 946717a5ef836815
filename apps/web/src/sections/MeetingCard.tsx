import { MEETING_STATUSES, type MeetingStatus } from '@samplan/plan-model';
import { DateField } from '../fields/DateField.tsx';
import { enumOptions } from '../fields/optionHooks.ts';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { formatDate, nb } from '../i18n/index.ts';
import { ItemCard } from '../items/ItemCard.tsx';
import { ItemExcerpt } from '../items/ItemExcerpt.tsx';
import { ItemFacts } from '../items/ItemFacts.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { MeetingParticipants } from './MeetingParticipants.tsx';

export interface MeetingCardProps {
  id: string;
  siblings: readonly string[];
  participants: readonly SelectOption[];
}

const STATUS_OPTIONS = enumOptions(MEETING_STATUSES, nb.meetingStatus);

export function MeetingCard({ id, siblings, participants }: MeetingCardProps) {
  const actions = usePlanActions();
  const item = useItemMap('meetings', id);
  const titleText = useFieldText('meetings', item, 'title');
  const title = useField('meetings', item, 'title');
  const date = useField('meetings', item, 'date');
  const status = useField('meetings', item, 'status');
  const participantIds = useField('meetings', item, 'participantIds');
  const agenda = useField('meetings', item, 'agenda');
  const minutes = useField('meetings', item, 'minutes');
  if (!item) return null;
  const name = titleText.trim() || nb.meetings.titleDefault;
  const heading = date ? `${name} ${formatDate(date)}` : name;
  const who = participants.filter((participant) => participantIds.includes(participant.value));
  return (
    <ItemCard
      collection="meetings"
      id={id}
      title={heading}
      data={{ 'data-meeting-id': id }}
      siblings={siblings}
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
            <SelectField
              label={nb.meetings.status}
              value={status}
              options={STATUS_OPTIONS}
              onChange={(value) => value && actions.update('meetings', id, { status: value as MeetingStatus })}
            />
          </div>
          <MeetingParticipants meetingId={id} participants={participants} />
          <RichTextField fragment={agenda} label={nb.meetings.agenda} />
          <RichTextField fragment={minutes} label={nb.meetings.minutes} />
        </>
      )}
    >
      <ItemFacts facts={[{ label: nb.meetings.participants, value: who.map((p) => p.label).join(', ') }]} />
      <ItemExcerpt text={agenda} label={nb.meetings.agenda} />
      <ItemExcerpt text={minutes} label={nb.meetings.minutes} />
    </ItemCard>
  );
}
