import { useMemo, type ReactNode } from 'react';
import type { PlanInfo } from '../api/types.ts';
import { Link } from '../app/Link.tsx';
import { paths } from '../app/routes.ts';
import type { PlanConnection } from '../collab/PlanConnection.ts';
import { Alert } from '../components/Alert.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { nb } from '../i18n/index.ts';
import { useConnectionSnapshot } from './connectionHooks.ts';
import { PlanContext } from './PlanContext.tsx';

/** Read-only members see the plan without edit controls (the server refuses their edits anyway). */
function canEditPlan(info: PlanInfo): boolean {
  if (info.permissions) return info.permissions.some((action) => action.startsWith('edit:'));
  return info.role !== 'lesetilgang';
}

/**
 * Shows the plan once it has been loaded from the server (never an empty plan that fills in a moment later); after
 * that, it stays editable through disconnects. Stops with an explanation when the server refuses the connection.
 */
export function PlanConnectionGate({ connection, info, children }: { connection: PlanConnection; info: PlanInfo; children: ReactNode }) {
  const snapshot = useConnectionSnapshot(connection);
  const value = useMemo(() => ({ connection, info, canEdit: canEditPlan(info) }), [connection, info]);
  if (snapshot.failure && !snapshot.loaded) {
    const message =
      snapshot.failure === 'unauthenticated'
        ? nb.plan.unauthenticated
        : snapshot.failure === 'notFound'
          ? nb.plan.notFound
          : snapshot.failure === 'forbidden'
            ? nb.plan.forbidden
            : nb.plan.failed;
    return (
      <div className="narrow-page">
        <h1 tabIndex={-1}>{info.title}</h1>
        <Alert>{message}</Alert>
        <p>
          <Link to={paths.plans()}>{nb.plan.back}</Link>
        </p>
      </div>
    );
  }
  if (!snapshot.loaded) return <Spinner label={nb.plan.loading} />;
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}
