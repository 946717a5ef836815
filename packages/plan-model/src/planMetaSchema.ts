import { z } from 'zod';
import { IsoDateSchema } from './isoDate.ts';

export const PLAN_SCHEMA_VERSION = 1;

// The plain values of doc.getMap('meta'). Unset optional values read as null.
export const PlanMetaSchema = z.object({
  title: z.string(),
  childName: z.string(),
  createdAt: z.string(),
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  periodStart: IsoDateSchema.nullable(),
  periodEnd: IsoDateSchema.nullable(),
  nextRevision: IsoDateSchema.nullable(),
  /** When the plan was last revised (marked done); the history names a version then. */
  lastRevision: IsoDateSchema.nullable(),
  evaluationInterval: z.string().nullable(),
  coordinatorId: z.string().nullable(),
});
export type PlanMeta = z.infer<typeof PlanMetaSchema>;

// What updateMeta accepts; null (or undefined) removes the key.
export const PlanMetaPatchSchema = PlanMetaSchema.omit({ schemaVersion: true, createdAt: true }).partial().strict();
export type PlanMetaPatch = z.input<typeof PlanMetaPatchSchema>;
