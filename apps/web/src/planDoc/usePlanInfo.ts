import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/api.ts';
import { ApiError } from '../api/ApiError.ts';
import { earlyRequests } from '../api/earlyRequests.ts';
import type { PlanInfo } from '@samplan/api';
import { nb } from '../i18n/index.ts';

/** The Norwegian message for a plan that could not be loaded. */
export function planLoadErrorMessage(err: unknown): string {
  if (err instanceof ApiError && err.status === 404) return nb.plan.notFound;
  if (err instanceof ApiError && err.status === 403) return nb.plan.forbidden;
  return nb.errorNetwork;
}

/** Loads a plan's metadata (`GET /api/plans/:id`); `error` is a message ready to show; `reload` asks again. */
export function usePlanInfo(
  planId: string,
  errorMessage: (err: unknown) => string = planLoadErrorMessage,
): { info: PlanInfo | null; error: string | null; reload: () => void } {
  const [info, setInfo] = useState<PlanInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let cancelled = false;
    (round === 0 ? earlyRequests.plan(planId) : api.plan(planId)).then(
      (plan) => {
        if (!cancelled) setInfo(plan);
      },
      (err: unknown) => {
        if (!cancelled) setError(errorMessage(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [planId, errorMessage, round]);
  return { info, error, reload };
}
