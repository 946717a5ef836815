import { useMemo, type ReactNode } from 'react';
import type { PlanInfo } from '@samplan/api';
import type { PlanPart } from '@samplan/plan-model';
import { ACCESS_ENDED } from '../collab/connectionState.ts';
import type { PlanConnection } from '../collab/PlanConnection.ts';
import { PageError } from '../components/PageError.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { nb } from '../i18n/index.ts';
import { connectionFailureMessage } from './connectionFailureMessage.ts';
import { useConnectionSnapshot } from './connectionHooks.ts';
import { PlanContext } from './PlanContext.tsx';

/** Read-only members see the plan without edit controls (the server refuses their edits anyway). */
function canEditPlan(info: PlanInfo): boolean {
  return info.permissions.some((action) => action.startsWith('edit:'));
}

/**
 * Shows the plan once it has been loaded from the server (never an empty plan that fills in a moment later); after
 * that, it stays editable through disconnects. Stops with an explanation when the server refuses the connection.
 * Logged out meanwhile (4401: expired, or ended on another device), the plan stays on screen to read, and nothing new
 * is typed: nothing could be sent, and what was not sent before is kept for the next login, not what comes after.
 */
export function PlanConnectionGate({
  connection,
  info,
  children,
}: {
  connection: PlanConnection;
  info: PlanInfo;
  children: ReactNode;
}) {
  const snapshot = useConnectionSnapshot(connection);
  const loggedOut = snapshot.failure === 'unauthenticated';
  const value = useMemo(
    () => ({
      connection,
      info,
      canEdit: !loggedOut && canEditPlan(info),
      canWrite: (part: PlanPart) => !loggedOut && info.permissions.includes(`edit:${part}`),
      loggedOut,
    }),
    [connection, info, loggedOut],
  );
  // Refused before the plan loaded, or access ended while it was open: the plan leaves the screen.
  if (snapshot.failure && (!snapshot.loaded || ACCESS_ENDED.has(snapshot.failure))) {
    const message = connectionFailureMessage(snapshot.failure);
    return <PageError title={info.title} message={message} />;
  }
  if (!snapshot.loaded) return <Spinner label={nb.plan.loading} />;
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}
