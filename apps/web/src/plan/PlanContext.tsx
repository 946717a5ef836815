import { createContext, useContext } from 'react';
import type { PlanInfo } from '@samplan/api';
import type { PlanConnection } from '../collab/PlanConnection.ts';

export interface PlanContextValue {
  connection: PlanConnection;
  info: PlanInfo;
  /** False for read-only members; the server refuses their edits anyway. */
  canEdit: boolean;
}

export const PlanContext = createContext<PlanContextValue | null>(null);

export function usePlan(): PlanContextValue {
  const value = useContext(PlanContext);
  if (!value) throw new Error('usePlan outside a plan');
  return value;
}
