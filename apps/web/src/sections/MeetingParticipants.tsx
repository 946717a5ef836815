import { setLinked } from '@samplan/plan-model';
import { useId } from 'react';
import type { SelectOption } from '../fields/SelectField.tsx';
import { nb, nbMeetings } from '../i18n/index.ts';
import { useField, useItemMap } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { useCanEdit } from '../planDoc/PartScope.tsx';

/** Who is invited to a meeting, as checkboxes over the plan's participants (who came is ticked in the meeting). */
export function MeetingParticipants({
  meetingId,
  participants,
}: {
  meetingId: string;
  participants: readonly SelectOption[];
}) {
  const { connection } = usePlan();
  const canEdit = useCanEdit();
  const item = useItemMap('meetings', meetingId);
  const invited = useField('meetings', item, 'participantIds');
  const id = useId();
  return (
    <fieldset className="checkbox-list">
      <legend className="field__label">{nbMeetings.invited}</legend>
      {participants.length === 0 ? (
        <p className="muted">{nb.meetings.noParticipants}</p>
      ) : (
        <ul>
          {participants.map((participant) => (
            <li key={participant.value}>
              <input
                id={`${id}-${participant.value}`}
                type="checkbox"
                checked={invited.includes(participant.value)}
                disabled={!canEdit}
                onChange={(event) =>
                  connection.transact(() =>
                    setLinked(
                      connection.doc,
                      'meetings',
                      meetingId,
                      'participantIds',
                      participant.value,
                      event.target.checked,
                    ),
                  )
                }
              />
              <label htmlFor={`${id}-${participant.value}`}>{participant.label}</label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
