import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { getMetaMap } from './documentLayout.ts';
import { PLAN_SCHEMA_VERSION, PlanCreatedAtSchema } from './planMetaSchema.ts';

export const PlanStructureInputSchema = z.object({
  title: z.string(),
  childName: z.string(),
  createdAt: PlanCreatedAtSchema,
});
export type PlanStructureInput = z.infer<typeof PlanStructureInputSchema>;

// Called once by the server when a plan is created. Collections and rich-text fields are top-level named types
// and need no seeding; only meta is written, and only into an empty meta map, so a repeat call changes nothing.
// Returns whether it wrote.
export function createPlanStructure(doc: Y.Doc, input: PlanStructureInput): boolean {
  const { title, childName, createdAt } = PlanStructureInputSchema.parse(input);
  const meta = getMetaMap(doc);
  if (meta.size > 0) return false;
  doc.transact(() => {
    meta.set('title', title);
    meta.set('childName', childName);
    meta.set('createdAt', createdAt);
    meta.set('schemaVersion', PLAN_SCHEMA_VERSION);
  });
  return true;
}
