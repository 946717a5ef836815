import { appendRichText, meetingAgenda, richTextToPlain, type PlanJSON } from '@samplan/plan-model';
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { formatDate, todayIso } from '../i18n/index.ts';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { useCanEdit } from '../planDoc/PartScope.tsx';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { agendaGroups, agendaRichText } from './agendaText.ts';

/**
 * What the plan asks the meeting to take up (plan-model's meetingAgenda: goals due for evaluation, open and overdue
 * tasks, measures ending, the revision), and a button that writes it at the end of the saksliste, where everyone
 * in the meeting sees it and goes on writing.
 */
export function AgendaFromPlan({
  plan,
  meetingId,
  agenda,
}: {
  plan: PlanJSON;
  meetingId: string;
  agenda: Y.XmlFragment;
}) {
  const { connection } = usePlan();
  const canEdit = useCanEdit(agenda);
  const id = useId();
  const [inserted, setInserted] = useState(false);
  const meeting = plan.meetings.find((candidate) => candidate.id === meetingId);
  // The plan as data follows the live document a moment later; a meeting just made is not in it yet.
  if (!meeting) return null;
  const suggested = meetingAgenda(plan, meetingId, todayIso());
  const groups = agendaGroups(suggested, plan);
  const alreadyIn = richTextToPlain(meeting.agenda).includes(t.agendaFromPlan);
  const list = (
    <>
      {groups.map((group) => (
        <div key={group.key} className="agenda-group" data-agenda={group.key}>
          <h3>{group.title}</h3>
          <ul>
            {group.items.map((item) => (
              <li key={item.id} className={item.urgent ? 'agenda-item agenda-item--urgent' : 'agenda-item'}>
                {item.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
  const insert = (): void => {
    connection.transact(() => appendRichText(agenda, agendaRichText(groups)));
    setInserted(true);
  };
  return (
    <section className="card meeting-card agenda-from-plan" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.agendaTitle}</h2>
      {groups.length === 0 ? (
        <p className="muted">{t.agendaNothing}</p>
      ) : (
        <>
          {/* Once in the saksliste, the list folds away: on a phone it would be read twice. */}
          {alreadyIn ? (
            <>
              {!inserted && <p className="hint">{t.agendaAlreadyIn}</p>}
              <details className="agenda-from-plan__again">
                <summary>{t.agendaShow}</summary>
                {list}
              </details>
            </>
          ) : (
            <>
              <p className="hint">{t.agendaIntro(formatDate(suggested.asOf))}</p>
              {list}
            </>
          )}
          {canEdit && (
            <button
              type="button"
              className={`button ${alreadyIn || inserted ? 'button--secondary' : 'button--primary'}`}
              onClick={insert}
            >
              {alreadyIn || inserted ? t.insertAgendaAgain : t.insertAgenda}
            </button>
          )}
        </>
      )}
      <p className="hint agenda-from-plan__done" role="status">
        {inserted ? t.agendaInserted : ''}
      </p>
    </section>
  );
}
