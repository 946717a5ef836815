import { useEffect, useState } from 'react';
import type { User } from '@samplan/api';
import { PlanConnection } from '../collab/PlanConnection.ts';
import { userColor } from '../collab/userColor.ts';

/** One live connection to the plan while the component is mounted. */
export function usePlanConnection(planId: string, user: User | null): PlanConnection | null {
  const [connection, setConnection] = useState<PlanConnection | null>(null);
  const userId = user?.id;
  const userName = user?.name;
  useEffect(() => {
    if (!userId || !userName) return;
    const opened = new PlanConnection({ planId, user: { id: userId, name: userName, color: userColor(userId) } });
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(null);
    };
  }, [planId, userId, userName]);
  return connection;
}
