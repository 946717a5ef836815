import { useEffect } from 'react';
import type { ConnectionState } from '../collab/connectionState.ts';
import { nb } from '../i18n/index.ts';
import { connectionFailureMessage } from '../planDoc/connectionFailureMessage.ts';
import { useConnectionSnapshot } from '../planDoc/connectionHooks.ts';
import { usePlan } from '../planDoc/PlanContext.tsx';

const LABELS: Record<ConnectionState, string> = {
  connecting: nb.connection.connecting,
  connected: nb.connection.connected,
  reconnecting: nb.connection.reconnecting,
  offline: nb.connection.offline,
  failed: nb.connection.failed,
};

/** Connected / reconnecting / offline, and whether this user's changes have reached the server. */
export function ConnectionStatus() {
  const { connection } = usePlan();
  const { state, pending, failure } = useConnectionSnapshot(connection);
  const detail = pending > 0 ? nb.connection.pending : state === 'connected' ? nb.connection.allSaved : null;
  // Unsent changes live only in this tab: ask before the tab is closed or reloaded.
  useEffect(() => {
    if (pending === 0) return;
    const onBeforeUnload = (event: BeforeUnloadEvent): string => {
      event.preventDefault();
      return nb.connection.leaveWarning;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [pending]);
  return (
    <div className={`connection connection--${state}`} role="status" data-state={state} data-pending={pending}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{LABELS[state]}</span>
      {detail && <span className="connection__detail">{detail}</span>}
      {state === 'offline' && <span className="connection__detail">{nb.connection.offlineHint}</span>}
      {state === 'failed' && failure && <span className="connection__detail">{connectionFailureMessage(failure)}</span>}
    </div>
  );
}
