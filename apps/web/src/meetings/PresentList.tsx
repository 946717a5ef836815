import { setLinked } from '@samplan/plan-model';
import { useId } from 'react';
import type { SelectOption } from '../fields/SelectField.tsx';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { useField, useItemMap } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

/**
 * Who came, ticked from those invited. Someone ticked who was not invited stays in the list (marked so); with
 * nobody invited, everyone in the plan is offered.
 */
export function PresentList({ meetingId, participants }: { meetingId: string; participants: readonly SelectOption[] }) {
  const { connection } = usePlan();
  const canEdit = useCanEdit();
  const item = useItemMap('meetings', meetingId);
  const invited = useField('meetings', item, 'participantIds');
  const present = useField('meetings', item, 'presentIds');
  const id = useId();
  const offered =
    invited.length === 0
      ? participants
      : participants.filter((p) => invited.includes(p.value) || present.includes(p.value));
  const toggle = (participantId: string, on: boolean): void =>
    connection.transact(() => setLinked(connection.doc, 'meetings', meetingId, 'presentIds', participantId, on));
  return (
    <section className="card meeting-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.presentTitle}</h2>
      <fieldset className="checkbox-list present-list" aria-describedby={`${id}-intro`}>
        <legend className="visually-hidden">{t.present}</legend>
        <p id={`${id}-intro`} className="hint">
          {invited.length === 0 ? t.presentNobodyInvited : t.presentIntro}
        </p>
        <ul>
          {offered.map((participant) => (
            <li key={participant.value}>
              <input
                id={`${id}-${participant.value}`}
                type="checkbox"
                checked={present.includes(participant.value)}
                disabled={!canEdit}
                onChange={(event) => toggle(participant.value, event.target.checked)}
              />
              <label htmlFor={`${id}-${participant.value}`}>
                {participant.label}
                {invited.length > 0 && !invited.includes(participant.value) && (
                  <span className="muted"> {t.notInvited}</span>
                )}
              </label>
            </li>
          ))}
        </ul>
        <p className="muted present-list__count" aria-live="polite">
          {t.presentCount(present.length, offered.length)}
        </p>
      </fieldset>
    </section>
  );
}
