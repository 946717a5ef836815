import { useLayoutEffect, useState } from 'react';
import type { User } from '@samplan/api';
import { userColor } from '@samplan/protocol';
import { claimEarlyConnection } from '../collab/earlyConnection.ts';
import { PlanConnection } from '../collab/PlanConnection.ts';

/**
 * One live connection to the plan while the component is mounted: the one the entry script opened early if there
 * is one (earlyConnection.ts), else opened here, in a layout effect right after the first render rather than after
 * the browser has painted it: the socket is the slowest part of opening a plan. When the server refuses an edit,
 * the plan is opened again with a fresh document (its refusal says why).
 */
export function usePlanConnection(planId: string, user: User | null): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null);
  const userId = user?.id;
  const userName = user?.name;
  useLayoutEffect(() => {
    if (!userId || !userName) return;
    let current = claimEarlyConnection(planId) ?? new PlanConnection({ planId });
    let unsubscribe = (): void => {};
    const open = (connection: PlanConnection): void => {
      connection.identify({ id: userId, name: userName, color: userColor(userId) });
      setConnection(connection);
      // The server refused an edit (4409): load the plan again from the server, and say why on the new one.
      unsubscribe = connection.subscribe(() => {
        if (connection.refusedBecause === null || connection !== current) return;
        const refusal = connection.refusedBecause;
        queueMicrotask(() => {
          if (connection !== current) return;
          unsubscribe();
          connection.destroy();
          current = new PlanConnection({ planId, refusal });
          open(current);
        });
      });
    };
    open(current);
    return () => {
      unsubscribe();
      current.destroy();
      setConnection(null);
    };
  }, [planId, userId, userName]);
  return connection;
}
