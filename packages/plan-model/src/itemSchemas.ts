import { z } from 'zod/mini';
import {
  collectionSpecs,
  type CollectionName,
  type FieldSpec,
  type IdSetField,
  type RefField,
  type RichTextField,
  type TextField,
} from './collectionSpecs.ts';
import { RichTextDocSchema } from './richTextSchema.ts';

// The exported (JSON) shape of each item, derived from the field specs so the two cannot drift.

type FieldJSONSchema<F> = F extends TextField
  ? z.ZodMiniString
  : F extends RichTextField
    ? typeof RichTextDocSchema
    : F extends IdSetField
      ? z.ZodMiniArray<z.ZodMiniString>
      : F extends RefField
        ? z.ZodMiniNullable<z.ZodMiniString>
        : F extends { kind: 'plain'; schema: infer S extends z.ZodMiniType }
          ? S
          : never;

type ItemShape<S extends Record<string, FieldSpec>> = { id: z.ZodMiniString } & {
  -readonly [K in keyof S]: FieldJSONSchema<S[K]>;
};

function fieldJSONSchema(spec: FieldSpec): z.ZodMiniType {
  switch (spec.kind) {
    case 'text':
      return z.string();
    case 'richText':
      return RichTextDocSchema;
    case 'idSet':
      return z.array(z.string());
    case 'ref':
      return z.nullable(z.string());
    case 'plain':
      return spec.schema;
  }
}

function itemSchema<C extends CollectionName>(collection: C): z.ZodMiniObject<ItemShape<(typeof collectionSpecs)[C]>> {
  const shape: Record<string, z.ZodMiniType> = { id: z.string().check(z.minLength(1)) };
  for (const [name, spec] of Object.entries(collectionSpecs[collection] as Record<string, FieldSpec>)) {
    shape[name] = fieldJSONSchema(spec);
  }
  return z.object(shape) as unknown as z.ZodMiniObject<ItemShape<(typeof collectionSpecs)[C]>>;
}

export const GoalSchema = itemSchema('goals');
export const MeasureSchema = itemSchema('measures');
// targetMissing: the goal or measure it evaluates was deleted; the evaluation is kept as history.
export const EvaluationSchema = z.extend(itemSchema('evaluations'), { targetMissing: z.boolean() });
export const ParticipantSchema = itemSchema('participants');
export const CooperationSchema = itemSchema('cooperation');
export const MeetingSchema = itemSchema('meetings');
export const TaskSchema = itemSchema('tasks');
export const ServiceSchema = itemSchema('services');

export type Goal = z.infer<typeof GoalSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Evaluation = z.infer<typeof EvaluationSchema>;
export type Participant = z.infer<typeof ParticipantSchema>;
export type Cooperation = z.infer<typeof CooperationSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Service = z.infer<typeof ServiceSchema>;
