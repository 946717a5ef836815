import { useRef } from 'react';
import { useAskBeforeLeaving } from '../hooks/useAskBeforeLeaving.ts';
import { useScrolledPast } from '../hooks/useScrolledPast.ts';
import type { ConnectionState } from '../collab/connectionState.ts';
import { nb, nbOffline } from '../i18n/index.ts';
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

/** States the user must keep seeing while they scroll and type (connected and the first connecting need not). */
const NEEDS_SIGHT: ReadonlySet<ConnectionState> = new Set<ConnectionState>(['reconnecting', 'offline', 'failed']);

/** Connected / reconnecting / offline, and whether this user's changes have reached the server. */
export function ConnectionStatus() {
  const { connection, canEdit } = usePlan();
  const { state, pending, failure, keptOnDevice } = useConnectionSnapshot(connection);
  const inFlow = useRef<HTMLDivElement>(null);
  const scrolledPast = useScrolledPast(inFlow);
  // Offline, one line says both where the changes are and when they are sent.
  const detail =
    pending > 0
      ? keptOnDevice
        ? state === 'offline'
          ? null
          : nbOffline.pendingKept
        : nb.connection.pending
      : state === 'connected'
        ? canEdit
          ? nb.connection.allSaved
          : nb.connection.readerLive
        : null;
  // A reader has written nothing: offline, they are told what they see.
  const offlineDetail = !canEdit
    ? nb.connection.readerOffline
    : keptOnDevice
      ? pending > 0
        ? nbOffline.pendingKeptOffline
        : nbOffline.keptOnDevice
      : nb.connection.offlineHint;
  // Unsent changes not yet kept in this browser live only in this tab: ask before the tab is closed or reloaded.
  useAskBeforeLeaving(pending > 0 && !keptOnDevice, nb.connection.leaveWarning);
  const line = (
    <>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{LABELS[state]}</span>
      {detail && <span className="connection__detail">{detail}</span>}
      {state === 'offline' && <span className="connection__detail">{offlineDetail}</span>}
      {state === 'failed' && failure && (
        <span className="connection__detail">
          {failure === 'unauthenticated' && pending > 0 && keptOnDevice
            ? nbOffline.loggedOutKept
            : connectionFailureMessage(failure)}
        </span>
      )}
    </>
  );
  return (
    <>
      <div
        ref={inFlow}
        className={`connection connection--${state}`}
        role="status"
        data-state={state}
        data-pending={pending}
      >
        {line}
      </div>
      {/* A copy for the eye (the status above is what screen readers hear), across the top of the screen once the
          status has scrolled out of sight: a connection that is not there stays in sight while typing. */}
      {scrolledPast && NEEDS_SIGHT.has(state) && (
        <div className={`connection-bar connection--${state}`} aria-hidden="true">
          {line}
        </div>
      )}
    </>
  );
}
