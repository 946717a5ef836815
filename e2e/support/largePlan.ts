import { seedLargePlan } from '@samplan/plan-model';
import { editStoredPlan } from './storedPlan.ts';
import type { RunningServer } from './testServer.ts';

/** The large plan of issue 4: it must still open, scroll and take typing without visible lag. */
export const LARGE_PLAN = { goals: 100, measures: 200, meetings: 40 } as const;

/**
 * Appends a seeded large plan (goals, measures, meetings) to a stored plan before anyone opens it, as if it had
 * grown over years: one update in the plan's log, attributed to `userId`.
 */
export async function growStoredPlan(server: RunningServer, planId: string, userId: string): Promise<void> {
  await editStoredPlan(server, planId, userId, (doc) => seedLargePlan(doc, LARGE_PLAN));
}
