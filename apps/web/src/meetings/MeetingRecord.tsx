import type { PlanJSON, RichTextDoc } from '@samplan/plan-model';
import { isEmptyRichText, RichTextView } from '../editor/RichTextView.tsx';
import { meetingWhen, nb, todayIso } from '../i18n/index.ts';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { PrintFacts } from '../print/PrintFacts.tsx';
import { PrintTaskRow } from '../print/PrintTaskRow.tsx';
import { VideoLink } from '../components/VideoLink.tsx';

function RecordText({ title, doc }: { title: string; doc: RichTextDoc }) {
  return (
    <section className="print-section">
      <h2>{title}</h2>
      {isEmptyRichText(doc) ? (
        <p className="muted">{t.recordEmpty}</p>
      ) : (
        <div className="print-field__body">
          <RichTextView doc={doc} />
        </div>
      )}
    </section>
  );
}

/**
 * What a meeting was: when and where, who was invited and who came, the saksliste, the minutes, and the tasks given
 * out with who and by when. The record page prints it; a member who only reads the plan sees it in the meeting.
 */
export function MeetingRecord({ plan, meetingId }: { plan: PlanJSON; meetingId: string }) {
  const meeting = plan.meetings.find((candidate) => candidate.id === meetingId);
  if (!meeting) return null;
  const names = new Map(plan.participants.map((p) => [p.id, p.name.trim() || nb.participants.unnamed]));
  const list = (ids: readonly string[]): string =>
    ids
      .map((id) => names.get(id) ?? '')
      .filter(Boolean)
      .join(', ');
  const absent =
    meeting.presentIds.length > 0 ? meeting.participantIds.filter((id) => !meeting.presentIds.includes(id)) : [];
  const tasks = plan.tasks.filter((task) => task.meetingId === meetingId);
  const today = todayIso();
  return (
    <div className="meeting-record">
      <PrintFacts
        facts={[
          [t.when, meetingWhen(meeting.date, meeting.time) || t.noDate],
          [t.place, meeting.place],
          [t.status, nb.meetingStatus[meeting.status]],
          [t.invited, list(meeting.participantIds)],
          [t.present, list(meeting.presentIds)],
          [t.absent, list(absent)],
        ]}
      />
      {meeting.videoLink && (
        <p className="meeting-record__video">
          {t.videoLink}: <VideoLink href={meeting.videoLink} showAddress />
        </p>
      )}
      {meeting.status !== 'gjennomfort' && <p className="alert alert--info no-print">{t.recordNotHeld}</p>}
      <RecordText title={t.agenda} doc={meeting.agenda} />
      <RecordText title={t.minutes} doc={meeting.minutes} />
      <section className="print-section">
        <h2>{t.recordTasks}</h2>
        {tasks.length === 0 ? (
          <p className="muted">{t.recordNoTasks}</p>
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{nb.tasks.title}</th>
                <th scope="col">{t.taskWho}</th>
                <th scope="col">{t.taskWhen}</th>
                <th scope="col">{t.taskDone}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <PrintTaskRow key={task.id} task={task} names={names} today={today} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
