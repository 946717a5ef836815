import { Link } from '../app/Link.tsx';
import { paths } from '../app/routes.ts';
import { useSession } from '../app/SessionContext.tsx';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { nb } from '../i18n/index.ts';
import { PlanConnectionGate } from '../plan/PlanConnectionGate.tsx';
import { usePlanConnection } from '../plan/usePlanConnection.ts';
import { usePlanInfo } from '../plan/usePlanInfo.ts';
import { PrintView } from './PrintView.tsx';

export function PrintPage({ planId }: { planId: string }) {
  const { user } = useSession();
  const { info, error } = usePlanInfo(planId);
  const connection = usePlanConnection(planId, user ?? null);
  usePageTitle(info ? `${nb.print.title} – ${info.title}` : nb.print.title);

  if (error) {
    return (
      <div className="narrow-page">
        <h1 tabIndex={-1}>{nb.print.title}</h1>
        <Alert>{error}</Alert>
        <Link to={paths.plans()}>{nb.plan.back}</Link>
      </div>
    );
  }
  if (!info || !connection) return <Spinner label={nb.plan.loading} />;
  return (
    <PlanConnectionGate connection={connection} info={info}>
      <PrintView />
    </PlanConnectionGate>
  );
}
