import { partOfType, type PlanPart } from '@samplan/plan-model';
import { createContext, useContext, type ReactNode } from 'react';
import type * as Y from 'yjs';
import { usePlan } from './PlanContext.tsx';

const PartContext = createContext<PlanPart | null>(null);

/** The part of the plan its children edit (a section); fields inside may write only if the member may write it. */
export function PartScope({ part, children }: { part: PlanPart; children: ReactNode }) {
  return <PartContext.Provider value={part}>{children}</PartContext.Provider>;
}

/**
 * Whether this user may edit here: the part of `type` when given (a rich-text field knows its own), else the
 * surrounding section's part (the server refuses edits to other parts anyway).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type (its event type does not matter)
export function useCanEdit(type?: Y.AbstractType<any>): boolean {
  const scoped = useContext(PartContext);
  const { canEdit, canWrite } = usePlan();
  const part = type?.doc ? partOfType(type) : scoped;
  return part ? canWrite(part) : canEdit;
}
