import { planToJSON, type PlanJSON } from '@samplan/plan-model';
import { useEffect, useState } from 'react';
import type { PlanConnection } from '../collab/PlanConnection.ts';

const DELAY_MS = 250;

/** The whole plan as plain data, refreshed shortly after each change. */
export function usePlanJSON(connection: PlanConnection): PlanJSON {
  const { doc } = connection;
  const [plan, setPlan] = useState(() => planToJSON(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const onUpdate = (): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        setPlan(planToJSON(doc));
      }, DELAY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (timer !== null) clearTimeout(timer);
    };
  }, [doc]);
  return plan;
}
