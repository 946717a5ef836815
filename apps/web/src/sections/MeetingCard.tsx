import { MEETING_STATUSES, type MeetingStatus } from '@samplan/plan-model';
import * as Y from 'yjs';
import { DateField } from '../fields/DateField.tsx';
import { SelectField, type SelectOption } from '../fields/SelectField.tsx';
import { YTextInput } from '../fields/YTextInput.tsx';
import { RichTextField } from '../editor/RichTextField.tsx';
import { formatDate, nb } from '../i18n/index.ts';
import { ItemActions } from '../items/ItemActions.tsx';
import { enumOptions } from '../fields/optionHooks.ts';
import { useItemMap, useItemText, useItemType, useItemValue } from '../planDoc/planHooks.ts';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { usePlanActions } from '../planDoc/usePlanActions.ts';
import { MeetingParticipants } from './MeetingParticipants.tsx';

export interface MeetingCardProps {
  id: string;
  siblings: readonly string[];
  participants: readonly SelectOption[];
  autoFocus: boolean;
}

const STATUS_OPTIONS = enumOptions(MEETING_STATUSES, nb.meetingStatus);

export function MeetingCard({ id, siblings, participants, autoFocus }: MeetingCardProps) {
  const actions = usePlanActions();
  const item = useItemMap('meetings', id);
  const titleText = useItemText(item, 'title');
  const title = useItemType(item, 'title', Y.Text);
  const date = useItemValue<string | null>('meetings', item, 'date');
  const status = useItemValue<MeetingStatus>('meetings', item, 'status');
  const agenda = useItemType(item, 'agenda', Y.XmlFragment);
  const minutes = useItemType(item, 'minutes', Y.XmlFragment);
  if (!item) return null;
  const name = titleText.trim() || nb.meetings.titleDefault;
  const heading = date ? `${name} ${formatDate(date)}` : name;
  const headingId = `meeting-${id}`;
  const index = siblings.indexOf(id);
  return (
    <li data-meeting-id={id}>
      <article className="item-card" aria-labelledby={headingId}>
        <header className="item-card__header">
          <h3 id={headingId} className="item-card__title">
            {heading}
          </h3>
          <StatusBadge status={status} label={nb.meetingStatus[status]} />
          <ItemActions
            name={heading}
            removeLabel={nb.meetings.removeLabel(heading)}
            canMoveUp={index > 0}
            canMoveDown={index >= 0 && index < siblings.length - 1}
            onMove={(direction) => actions.move('meetings', id, siblings, direction)}
            removes={{ collection: 'meetings', id, what: nb.meetings.deletedWhat }}
          />
        </header>
        <div className="field-row">
          <YTextInput text={title} label={nb.meetings.title} autoFocus={autoFocus} className="field--grow" />
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
      </article>
    </li>
  );
}
