import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { formatDateLong, meetingHeading, nb, todayIso } from '../i18n/index.ts';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { RefusalAlert } from '../planDoc/RefusalAlert.tsx';
import { printPageStyle } from '../print/printPageStyle.ts';
import { usePlanJSON } from '../print/usePlanJSON.ts';
import { MeetingNotFound } from './MeetingNotFound.tsx';
import { MeetingRecord } from './MeetingRecord.tsx';
import './meetings.css';

/**
 * The meeting's record as a document to print or save as PDF, marked and headed like the plan's print view: the
 * confidentiality marking at the top and on every page, the child's name in every page's header, page numbers.
 */
export function MeetingRecordView({ meetingId }: { meetingId: string }) {
  const { connection, info } = usePlan();
  const plan = usePlanJSON(connection);
  const meeting = plan.meetings.find((candidate) => candidate.id === meetingId);
  const heading = meeting ? meetingHeading(meeting.title, meeting.date) : '';
  usePageTitle(meeting ? `${t.recordHeading(heading)} – ${info.title}` : t.notFoundTitle);
  if (!meeting) return <MeetingNotFound />;
  return (
    <div className="print-page">
      <style>{printPageStyle(info.childName)}</style>
      <div className="print-toolbar no-print">
        <Link to={paths.meeting(info.id, meetingId)}>
          <span aria-hidden="true">← </span>
          {t.recordBack}
        </Link>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t.recordPrint}
        </button>
        <p className="muted">{nb.print.hint}</p>
      </div>
      <RefusalAlert />
      <article className="print-plan meeting-record-page">
        <header className="print-plan__header">
          <p className="print-plan__marking">{nb.print.marking}</p>
          <h1 tabIndex={-1}>{t.recordHeading(heading)}</h1>
          <p className="print-plan__title">
            {nb.print.heading(info.childName)} · {info.title}
          </p>
        </header>
        <MeetingRecord plan={plan} meetingId={meetingId} />
        <p className="muted">{nb.print.printedAt(formatDateLong(todayIso()))}</p>
      </article>
    </div>
  );
}
