import { z } from 'zod/mini';
import { IsoDateSchema } from './isoDate.ts';

export const PLAN_SCHEMA_VERSION = 1;

// The plain values of doc.getMap('meta'). Unset optional values read as null.
export const PlanMetaSchema = z.object({
  title: z.string(),
  childName: z.string(),
  createdAt: z.string(),
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  periodStart: z.nullable(IsoDateSchema),
  periodEnd: z.nullable(IsoDateSchema),
  nextRevision: z.nullable(IsoDateSchema),
  /** When the plan was last revised (marked done); the history names a version then. */
  lastRevision: z.nullable(IsoDateSchema),
  evaluationInterval: z.nullable(z.string()),
  coordinatorId: z.nullable(z.string()),
});
export type PlanMeta = z.infer<typeof PlanMetaSchema>;

/** What a write to meta.createdAt must be: an ISO timestamp (years 0000-9999), as createPlanStructure writes it. */
export const PlanCreatedAtSchema = z.iso.datetime();

// What updateMeta accepts; null (or undefined) removes the key.
export const PlanMetaPatchSchema = z.strictObject(
  z.partial(z.omit(PlanMetaSchema, { schemaVersion: true, createdAt: true })).shape,
);
export type PlanMetaPatch = z.input<typeof PlanMetaPatchSchema>;
