import { createContext, useContext } from 'react';
import type { PlanInfo } from '@samplan/api';
import type { PlanPart } from '@samplan/plan-model';
import type { PlanConnection } from '../collab/PlanConnection.ts';

export interface PlanContextValue {
  connection: PlanConnection;
  info: PlanInfo;
  /** Whether I may edit some part of the plan (false for read-only members). */
  canEdit: boolean;
  /** Whether I may edit this part (@samplan/api PART_WRITERS, sent as `edit:<part>` permissions). */
  canWrite: (part: PlanPart) => boolean;
  /** Logged out while the plan was open (4401): nothing may be edited, whatever the role. */
  loggedOut: boolean;
}

export const PlanContext = createContext<PlanContextValue | null>(null);

export function usePlan(): PlanContextValue {
  const value = useContext(PlanContext);
  if (!value) throw new Error('usePlan outside a plan');
  return value;
}
