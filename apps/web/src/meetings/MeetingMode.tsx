import { useEffect } from 'react';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { RichTextField } from '../editor/RichTextField.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { meetingHeading, nb } from '../i18n/index.ts';
import { nbMeetings as t } from '../i18n/meetings.ts';
import { ConnectionStatus } from '../plan/ConnectionStatus.tsx';
import { RefusalAlert } from '../planDoc/RefusalAlert.tsx';
import { useParticipantOptions } from '../fields/optionHooks.ts';
import { PartScope } from '../planDoc/PartScope.tsx';
import { useField, useFieldText, useItemMap } from '../planDoc/planHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';
import { StatusBadge } from '../items/StatusBadge.tsx';
import { UndoRedoButtons } from '../plan/UndoRedoButtons.tsx';
import { usePlanJSON } from '../print/usePlanJSON.ts';
import { AgendaFromPlan } from './AgendaFromPlan.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { MarkHeld } from './MarkHeld.tsx';
import { MeetingNotFound } from './MeetingNotFound.tsx';
import { MeetingRecord } from './MeetingRecord.tsx';
import { MeetingTasks } from './MeetingTasks.tsx';
import { MeetingWhenWhere } from './MeetingWhenWhere.tsx';
import { PresentList } from './PresentList.tsx';
import './meetings.css';

/**
 * Møtemodus: one meeting, run from the plan. Who came, what the plan asks the meeting to take up, the saksliste
 * and the minutes written together, decisions turned into tasks, and marking it held. Someone who may not write
 * meetings (the child, a reader) sees the record instead.
 */
export function MeetingMode({ meetingId }: { meetingId: string }) {
  const { connection, info, canWrite, loggedOut } = usePlan();
  const plan = usePlanJSON(connection);
  const participants = useParticipantOptions();
  const item = useItemMap('meetings', meetingId);
  const title = useFieldText('meetings', item, 'title');
  const date = useField('meetings', item, 'date');
  const status = useField('meetings', item, 'status');
  const agenda = useField('meetings', item, 'agenda');
  const minutes = useField('meetings', item, 'minutes');
  const heading = meetingHeading(title, date);
  usePageTitle(item ? `${heading} – ${info.title}` : t.notFoundTitle);
  // Others see this person «i Møter».
  useEffect(() => connection.setSection('moter'), [connection]);

  if (!item) return <MeetingNotFound />;
  const runs = canWrite('moter');
  return (
    <PartScope part="moter">
      <div className="meeting-page">
        <div className="plan-header">
          <p className="plan-header__back">
            <Link to={paths.plan(info.id, 'moter')}>
              <span aria-hidden="true">← </span>
              {t.back}
            </Link>
          </p>
          <h1 tabIndex={-1}>{heading}</h1>
          <p className="plan-header__child">
            {nb.plan.childLabel}: <strong>{info.childName}</strong> · {info.title}
          </p>
        </div>
        <div className="plan-toolbar" role="region" aria-label={nb.plan.toolbarLabel}>
          <ConnectionStatus />
          <UndoRedoButtons />
          <StatusBadge status={status} label={nb.meetingStatus[status]} />
        </div>
        <RefusalAlert />
        {!runs ? (
          <>
            {!loggedOut && <p className="alert alert--info">{t.readerIntro}</p>}
            <section className="card" aria-label={t.recordTitle}>
              <MeetingRecord plan={plan} meetingId={meetingId} />
            </section>
            <p>
              <Link to={paths.meetingRecord(info.id, meetingId)} className="button">
                {t.openRecord}
              </Link>
            </p>
          </>
        ) : (
          <div className="meeting-layout">
            <div className="meeting-layout__side">
              <section className="card meeting-card" aria-labelledby="meeting-when">
                <h2 id="meeting-when" className="visually-hidden">
                  {t.whenWhere}
                </h2>
                <MeetingWhenWhere meetingId={meetingId} />
              </section>
              <PresentList meetingId={meetingId} participants={participants} />
              {status === 'planlagt' && agenda && <AgendaFromPlan plan={plan} meetingId={meetingId} agenda={agenda} />}
            </div>
            <div className="meeting-layout__main">
              <section className="card meeting-card" aria-labelledby="meeting-texts">
                <h2 id="meeting-texts">{t.textsTitle}</h2>
                <RichTextField fragment={agenda} label={t.agenda} hint={t.agendaHint} />
                <RichTextField fragment={minutes} label={t.minutes} hint={t.minutesHint} />
              </section>
              <section className="card meeting-card" aria-labelledby="meeting-decisions">
                <h2 id="meeting-decisions">{t.decisionTitle}</h2>
                {canWrite('oppgaver') && <DecisionForm meetingId={meetingId} participants={participants} />}
                <MeetingTasks plan={plan} meetingId={meetingId} />
              </section>
              <MarkHeld meetingId={meetingId} status={status} title={title} date={date} />
            </div>
          </div>
        )}
      </div>
    </PartScope>
  );
}
