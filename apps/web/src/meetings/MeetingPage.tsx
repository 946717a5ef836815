import type { ReactNode } from 'react';
import { useSession } from '../session/SessionContext.tsx';
import { PageError } from '../components/PageError.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb } from '../i18n/index.ts';
import { PlanConnectionGate } from '../planDoc/PlanConnectionGate.tsx';
import { usePlanConnection } from '../planDoc/usePlanConnection.ts';
import { usePlanInfo } from '../planDoc/usePlanInfo.ts';
import { MeetingMode } from './MeetingMode.tsx';
import { MeetingRecordView } from './MeetingRecordView.tsx';

/** Opens the plan's live document for one of its meetings, like the plan page does for the whole plan. */
function MeetingFrame({ planId, children }: { planId: string; children: ReactNode }) {
  const { user } = useSession();
  const { info, error } = usePlanInfo(planId);
  const connection = usePlanConnection(planId, user ?? null);
  // Until the meeting is shown (it names the page itself).
  usePageTitle(error ? nb.plan.cannotOpen : nb.plan.loading);
  if (error) return <PageError title={nb.plan.cannotOpen} message={error} />;
  if (!info || !connection) return <Spinner label={nb.plan.loading} />;
  return (
    <PlanConnectionGate connection={connection} info={info}>
      {children}
    </PlanConnectionGate>
  );
}

/** A meeting run from the plan (møtemodus): /planer/:id/moter/:meetingId. */
export function MeetingPage({ planId, meetingId }: { planId: string; meetingId: string }) {
  return (
    <MeetingFrame planId={planId}>
      <MeetingMode meetingId={meetingId} />
    </MeetingFrame>
  );
}

/** A meeting's printable record: /planer/:id/moter/:meetingId/referat. */
export function MeetingRecordPage({ planId, meetingId }: { planId: string; meetingId: string }) {
  return (
    <MeetingFrame planId={planId}>
      <MeetingRecordView meetingId={meetingId} />
    </MeetingFrame>
  );
}
