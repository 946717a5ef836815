import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api.ts';
import { ApiError, isNoAnswer } from '../api/ApiError.ts';
import { earlyRequests } from '../api/earlyRequests.ts';
import { useSession } from '../session/SessionContext.tsx';
import type { PlanInfo } from '@samplan/api';
import { nb, nbOffline } from '../i18n/index.ts';
import { forgetPlan, savePlanInfo, storedPlanInfo } from '../offline/deviceStore.ts';

/** The Norwegian message for a plan that could not be loaded. */
export function planLoadErrorMessage(err: unknown): string {
  if (err instanceof ApiError && err.status === 404) return nb.plan.notFound;
  if (err instanceof ApiError && err.status === 403) return nb.plan.forbidden;
  return nb.errorNetwork;
}

/** The server says this user may not see the plan (any more). */
const noAccess = (err: unknown): boolean => err instanceof ApiError && (err.status === 403 || err.status === 404);

/**
 * Loads a plan's metadata (`GET /api/plans/:id`); `error` is a message ready to show; `reload` asks again. Each
 * answer is kept in this browser for the logged-in account; when the server cannot be reached, the kept one is used
 * (`fromDevice`) if the plan itself is kept here too. A plan the server says is gone is deleted from this browser.
 */
export function usePlanInfo(
  planId: string,
  errorMessage: (err: unknown) => string = planLoadErrorMessage,
): { info: PlanInfo | null; error: string | null; reload: () => void; fromDevice: boolean } {
  const { user } = useSession();
  const userId = user?.id;
  // The entry script's answer, when it has arrived: the first render shows the plan's metadata at once (the effect
  // below still takes that same answer, which changes nothing on screen).
  const [info, setInfo] = useState<PlanInfo | null>(() => earlyRequests.planArrived(planId) ?? null);
  const [fromServer, setFromServer] = useState(() => info !== null);
  const [failure, setFailure] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let cancelled = false;
    setFailure(null);
    (round === 0 ? earlyRequests.plan(planId) : api.plan(planId)).then(
      (plan) => {
        if (cancelled) return;
        setInfo(plan);
        setFromServer(true);
        setError(null);
      },
      (err: unknown) => {
        if (cancelled) return;
        if (isNoAnswer(err) || noAccess(err)) setFailure(err);
        else setError(errorMessage(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [planId, errorMessage, round]);

  // Kept for opening offline, once we know whose it is.
  useEffect(() => {
    if (info && fromServer && userId) void savePlanInfo(userId, info);
  }, [info, fromServer, userId]);

  // The server's answer failed: use the kept copy, or say why not; forget a plan the server says is not ours.
  useEffect(() => {
    if (failure === null || user === undefined) return;
    let cancelled = false;
    if (noAccess(failure) || !userId) {
      if (noAccess(failure) && userId) void forgetPlan(userId, planId);
      setError(errorMessage(failure));
      return;
    }
    void storedPlanInfo(userId, planId).then((stored) => {
      if (cancelled) return;
      if (stored) {
        setInfo(stored);
        setFromServer(false);
      } else setError(nbOffline.notOnDevice);
    });
    return () => {
      cancelled = true;
    };
  }, [failure, user, userId, planId, errorMessage]);

  // Could not be opened offline: try again when the network is back.
  useEffect(() => {
    if (failure === null || !isNoAnswer(failure) || fromServer) return;
    const onOnline = (): void => {
      setError(null);
      reload();
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [failure, fromServer, reload]);

  return { info, error, reload, fromDevice: info !== null && !fromServer };
}
