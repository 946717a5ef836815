import { useLayoutEffect, useState } from 'react';
import type { User } from '@samplan/api';
import { claimEarlyConnection } from '../collab/earlyConnection.ts';
import { PlanConnection } from '../collab/PlanConnection.ts';
import { userColor } from '../collab/userColor.ts';

/**
 * One live connection to the plan while the component is mounted: the one the entry script opened early if there
 * is one (earlyConnection.ts), else opened here, in a layout effect right after the first render rather than after
 * the browser has painted it: the socket is the slowest part of opening a plan.
 */
export function usePlanConnection(planId: string, user: User | null): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null);
  const userId = user?.id;
  const userName = user?.name;
  useLayoutEffect(() => {
    if (!userId || !userName) return;
    const opened = claimEarlyConnection(planId) ?? new PlanConnection({ planId });
    opened.identify({ id: userId, name: userName, color: userColor(userId) });
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [planId, userId, userName]);
  return connection;
}
