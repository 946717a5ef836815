import { z } from 'zod/mini';
import {
  CooperationSchema,
  EvaluationSchema,
  GoalSchema,
  MeasureSchema,
  MeetingSchema,
  ParticipantSchema,
  ServiceSchema,
  TaskSchema,
} from './itemSchemas.ts';
import { PlanMetaSchema } from './planMetaSchema.ts';
import { RichTextDocSchema } from './richTextSchema.ts';

// The whole plan as plain data (export, server-side checks, progress). Rich text is ProseMirror JSON. The
// `about.*` fields are doc.getXmlFragment('about.<name>'); `notes.*` are 'cooperation.notes' and 'consent.notes'.
export const PlanJSONSchema = z.object({
  meta: PlanMetaSchema,
  about: z.object({
    child: RichTextDocSchema,
    family: RichTextDocSchema,
    resources: RichTextDocSchema,
    needs: RichTextDocSchema,
    familyContribution: RichTextDocSchema,
    familyNeeds: RichTextDocSchema,
  }),
  notes: z.object({
    cooperation: RichTextDocSchema,
    consent: RichTextDocSchema,
  }),
  // Each hovedmål followed by its delmål.
  goals: z.array(GoalSchema),
  measures: z.array(MeasureSchema),
  evaluations: z.array(EvaluationSchema),
  // The coordinator is meta.coordinatorId; participants' own order is as the plan lists them (family first).
  participants: z.array(ParticipantSchema),
  cooperation: z.array(CooperationSchema),
  meetings: z.array(MeetingSchema),
  tasks: z.array(TaskSchema),
  services: z.array(ServiceSchema),
});
export type PlanJSON = z.infer<typeof PlanJSONSchema>;
