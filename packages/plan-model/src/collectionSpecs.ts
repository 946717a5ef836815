import { z } from 'zod/mini';
import type * as Y from 'yjs';
import {
  ACHIEVEMENTS,
  EVALUATION_TARGET_TYPES,
  GOAL_STATUSES,
  MEASURE_STATUSES,
  MEETING_STATUSES,
  PARTICIPANT_ROLES,
  SERVICE_KINDS,
  SERVICE_STATUSES,
} from './enums.ts';
import { IsoDateSchema } from './isoDate.ts';
import { HttpsUrlSchema, MeetingPlaceSchema, MeetingTimeSchema } from './meetingFields.ts';
import type { RichTextDoc } from './richTextSchema.ts';

// Each collection is a top-level Y.Map<itemId, Y.Map>; these specs say how every field of an item is stored.

export const COLLECTION_NAMES = [
  'goals',
  'measures',
  'evaluations',
  'participants',
  'cooperation',
  'meetings',
  'tasks',
  'services',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

/** Short text as Y.Text, so concurrent typing merges. */
export interface TextField {
  readonly kind: 'text';
}
/** Long text as a nested Y.XmlFragment, bound to a Tiptap editor. */
export interface RichTextField {
  readonly kind: 'richText';
}
/** A set of ids as a nested Y.Map<id, true>: adding the same link twice concurrently keeps one. */
export interface IdSetField {
  readonly kind: 'idSet';
  readonly target: CollectionName;
}
/** One id of an item in `target`, or null. */
export interface RefField {
  readonly kind: 'ref';
  readonly target: CollectionName;
}
/** A plain value, last writer wins. `fallback` is what readers see when the stored value is missing or invalid. */
export interface PlainField<S extends z.ZodMiniType = z.ZodMiniType> {
  readonly kind: 'plain';
  readonly schema: S;
  readonly fallback: z.output<S>;
  readonly initial?: () => z.output<S>;
}
export type FieldSpec = TextField | RichTextField | IdSetField | RefField | PlainField;

const text: TextField = { kind: 'text' };
const richText: RichTextField = { kind: 'richText' };
const idSet = (target: CollectionName): IdSetField => ({ kind: 'idSet', target });
const ref = (target: CollectionName): RefField => ({ kind: 'ref', target });
const plain = <S extends z.ZodMiniType>(
  schema: S,
  fallback: z.output<S>,
  initial?: () => z.output<S>,
): PlainField<S> => (initial ? { kind: 'plain', schema, fallback, initial } : { kind: 'plain', schema, fallback });
const date = () => plain(z.nullable(IsoDateSchema), null);

export const collectionSpecs = {
  goals: {
    title: text,
    // A delmål points at its hovedmål; planToJSON repairs concurrent moves that break the two-level shape.
    parentId: ref('goals'),
    description: richText,
    expressedBy: text,
    targetDate: date(),
    status: plain(z.enum(GOAL_STATUSES), 'ikke_startet'),
    createdAt: plain(z.string(), '', () => new Date().toISOString()),
  },
  measures: {
    title: text,
    goalIds: idSet('goals'),
    scope: text,
    responsible: text,
    responsibleId: ref('participants'),
    periodStart: date(),
    periodEnd: date(),
    periodText: text,
    status: plain(z.enum(MEASURE_STATUSES), 'ikke_startet'),
    implementation: richText,
    targetsFamily: plain(z.boolean(), false),
  },
  evaluations: {
    date: date(),
    targetType: plain(z.enum(EVALUATION_TARGET_TYPES), 'goal'),
    // Not a RefField: it points into goals or measures depending on targetType.
    targetId: plain(z.nullable(z.string()), null),
    note: richText,
    achievement: plain(z.nullable(z.enum(ACHIEVEMENTS)), null),
    author: text,
  },
  participants: {
    name: text,
    role: plain(z.enum(PARTICIPANT_ROLES), 'deltaker'),
    title: text,
    organisation: text,
    contact: text,
    contribution: richText,
    expectations: text,
  },
  cooperation: {
    name: text,
    purpose: text,
    contact: text,
  },
  meetings: {
    date: date(),
    // time, place, videoLink and presentIds came after the first plans: a meeting without them reads them as not
    // set. The place is a plain value, not a Y.Text: a meeting made before has no Y.Text to type into, and one
    // created lazily by two people at once would lose one of them's words.
    time: plain(z.nullable(MeetingTimeSchema), null),
    title: text,
    status: plain(z.enum(MEETING_STATUSES), 'planlagt'),
    place: plain(MeetingPlaceSchema, ''),
    /** Shown as a link only when it is an https address; the server refuses anything else. */
    videoLink: plain(z.nullable(HttpsUrlSchema), null),
    /** Who is invited. */
    participantIds: idSet('participants'),
    /** Who came: ticked in the meeting, from those invited. */
    presentIds: idSet('participants'),
    agenda: richText,
    minutes: richText,
  },
  tasks: {
    title: text,
    responsibleId: ref('participants'),
    dueDate: date(),
    done: plain(z.boolean(), false),
    meetingId: ref('meetings'),
  },
  services: {
    name: text,
    kind: plain(z.enum(SERVICE_KINDS), 'annet'),
    status: plain(z.enum(SERVICE_STATUSES), 'informert'),
    date: date(),
    contact: text,
    note: text,
  },
} as const satisfies Record<CollectionName, Record<string, FieldSpec>>;

export type CollectionSpecs = typeof collectionSpecs;
export type FieldsOf<C extends CollectionName> = CollectionSpecs[C];
export type FieldName<C extends CollectionName> = keyof FieldsOf<C> & string;

type FieldNameOfKind<C extends CollectionName, Kind extends FieldSpec['kind']> = {
  [K in FieldName<C>]: FieldsOf<C>[K] extends { kind: Kind } ? K : never;
}[FieldName<C>];
export type TextFieldName<C extends CollectionName> = FieldNameOfKind<C, 'text'>;
export type RichTextFieldName<C extends CollectionName> = FieldNameOfKind<C, 'richText'>;
export type IdSetFieldName<C extends CollectionName> = FieldNameOfKind<C, 'idSet'>;

/** What a write accepts for a field: rich text as ProseMirror JSON or plain text (one paragraph per line). */
export type FieldInput<F> = F extends TextField
  ? string
  : F extends RichTextField
    ? RichTextDoc | string
    : F extends IdSetField
      ? readonly string[]
      : F extends RefField
        ? string | null
        : F extends { kind: 'plain'; schema: infer S extends z.ZodMiniType }
          ? z.input<S>
          : never;

export type ItemInput<C extends CollectionName> = { [K in FieldName<C>]?: FieldInput<FieldsOf<C>[K]> };

export function isCollectionName(name: string): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name);
}

/**
 * What a reader of a live document gets for a field: its shared type for text and rich text (to bind an input or
 * editor to), the validated value of a plain field (its fallback when missing or invalid), a ref's id or null, and an
 * id set's ids.
 */
export type FieldReading<F> = F extends TextField
  ? Y.Text | undefined
  : F extends RichTextField
    ? Y.XmlFragment | undefined
    : F extends IdSetField
      ? string[]
      : F extends RefField
        ? string | null
        : F extends { kind: 'plain'; schema: infer S extends z.ZodMiniType }
          ? z.output<S>
          : never;
