import { useSession } from '../session/SessionContext.tsx';
import { PageError } from '../components/PageError.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb } from '../i18n/index.ts';
import { PlanConnectionGate } from '../planDoc/PlanConnectionGate.tsx';
import { usePlanConnection } from '../planDoc/usePlanConnection.ts';
import { usePlanInfo } from '../planDoc/usePlanInfo.ts';
import { PrintView } from './PrintView.tsx';

export function PrintPage({ planId }: { planId: string }) {
  const { user } = useSession();
  const { info, error } = usePlanInfo(planId);
  const connection = usePlanConnection(planId, user ?? null);
  usePageTitle(info ? `${nb.print.title} – ${info.title}` : nb.print.title);

  if (error) {
    return <PageError title={nb.print.title} message={error} />;
  }
  if (!info || !connection) return <Spinner label={nb.plan.loading} />;
  return (
    <PlanConnectionGate connection={connection} info={info}>
      <PrintView />
    </PlanConnectionGate>
  );
}
