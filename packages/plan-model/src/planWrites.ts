import { COLLECTION_NAMES, type CollectionName, type FieldSpec } from './collectionSpecs.ts';
import { isPlanRichTextField, META_MAP_NAME } from './documentLayout.ts';
import { fieldSpecs } from './fieldValues.ts';
import { PLAN_SCHEMA_VERSION, PlanCreatedAtSchema, PlanMetaSchema } from './planMetaSchema.ts';
import { isMarkValue, isNodeAttribute, isSafeLinkHref, RICH_TEXT_MARKS, RICH_TEXT_NODES } from './richTextSchema.ts';
import { richTextMarkName } from './richTextToJSON.ts';

/** The kinds of shared type a plan holds. */
export type SharedKind = 'map' | 'text' | 'xmlFragment' | 'xmlElement' | 'xmlText' | 'other';

/** What one new struct of an update writes: a plain value, a nested type, text, a text format, or anything else. */
export type WriteContent =
  | { kind: 'value'; value: unknown }
  | { kind: 'type'; type: SharedKind; nodeName: string | null }
  | { kind: 'string' }
  | { kind: 'format'; key: string; value: unknown }
  | { kind: 'deleted' }
  | { kind: 'other' };

/** Where a new struct goes in the plan document, as the server reads it from an update before applying it. */
export interface PlanWrite {
  root: string;
  /** Nested types between the top-level type and the write (0: directly in it). */
  depth: number;
  /** Its key when it goes into a map: an item id, a field name, a meta key, an attribute. */
  key: string | null;
  /** Inside a collection item: the item's field it is in (depth 2 and deeper). */
  field: string | null;
  /** The kind of type it goes into. */
  parent: SharedKind;
  /** The node name of the rich-text element it goes into (an attribute's element), null for any other parent. */
  parentNode: string | null;
  content: WriteContent;
}

/** Limits of a plan, checked on every update (the server refuses an update that would pass them). */
export const PLAN_LIMITS = {
  /** Nested shared types below a top-level type (rich text with nested lists needs about eight). */
  depth: 16,
  /** Items in one collection (goals, measures, ...): a large plan has a few hundred. */
  itemsPerCollection: 2000,
} as const;

export type PlanWriteProblem =
  | 'WRONG_TYPE'
  | 'UNKNOWN_FIELD'
  | 'UNKNOWN_SCHEMA_VERSION'
  | 'TOO_DEEP'
  | 'UNKNOWN_NODE'
  | 'UNKNOWN_MARK'
  | 'UNKNOWN_ATTRIBUTE'
  | 'UNSAFE_LINK';

/** The kind of each top-level type of the plan, by name. */
export function rootKind(name: string): SharedKind {
  if (name === META_MAP_NAME || (COLLECTION_NAMES as readonly string[]).includes(name)) return 'map';
  return isPlanRichTextField(name) ? 'xmlFragment' : 'other';
}

const metaShape = { ...PlanMetaSchema.shape, createdAt: PlanCreatedAtSchema } as Record<
  string,
  { safeParse(value: unknown): { success: boolean } }
>;
const specsByCollection = new Map(
  COLLECTION_NAMES.map((name): [CollectionName, Map<string, FieldSpec>] => [name, new Map(fieldSpecs(name))]),
);
const nodes = new Set<string>(RICH_TEXT_NODES);
const marks = new Set<string>(RICH_TEXT_MARKS);

/**
 * Whether a write fits the plan's schema: values of the right type in meta and in each item's fields, nested types
 * where the layout has them, rich text of the nodes and marks the editor knows, and no deeper than PLAN_LIMITS.
 */
export function checkPlanWrite(write: PlanWrite): PlanWriteProblem | null {
  const { content } = write;
  if (content.kind === 'deleted') return null;
  if (content.kind === 'other') return 'WRONG_TYPE';
  if (write.depth > PLAN_LIMITS.depth) return 'TOO_DEEP';
  if (write.root === META_MAP_NAME) return checkMeta(write);
  const specs = specsByCollection.get(write.root as CollectionName);
  if (specs) return checkCollection(write, specs);
  if (isPlanRichTextField(write.root)) return checkRichText(write);
  return 'WRONG_TYPE';
}

function checkMeta({ depth, key, content }: PlanWrite): PlanWriteProblem | null {
  if (depth !== 0 || key === null || content.kind !== 'value') return 'WRONG_TYPE';
  const schema = metaShape[key];
  if (!schema) return 'UNKNOWN_FIELD';
  if (key === 'schemaVersion') return content.value === PLAN_SCHEMA_VERSION ? null : 'UNKNOWN_SCHEMA_VERSION';
  return content.value === null || schema.safeParse(content.value).success ? null : 'WRONG_TYPE';
}

const isType = (content: WriteContent, type: SharedKind): boolean => content.kind === 'type' && content.type === type;

function checkCollection(write: PlanWrite, specs: Map<string, FieldSpec>): PlanWriteProblem | null {
  const { depth, key, content } = write;
  // An item of the collection.
  if (depth === 0) return key !== null && isType(content, 'map') ? null : 'WRONG_TYPE';
  // A field of an item.
  if (depth === 1) {
    if (key === null) return 'WRONG_TYPE';
    if (key === 'id' || key === 'position') {
      return content.kind === 'value' && typeof content.value === 'string' ? null : 'WRONG_TYPE';
    }
    const spec = specs.get(key);
    if (!spec) return 'UNKNOWN_FIELD';
    switch (spec.kind) {
      case 'text':
        return isType(content, 'text') ? null : 'WRONG_TYPE';
      case 'richText':
        return isType(content, 'xmlFragment') ? null : 'WRONG_TYPE';
      case 'idSet':
        return isType(content, 'map') ? null : 'WRONG_TYPE';
      case 'ref':
        return content.kind === 'value' && (content.value === null || typeof content.value === 'string')
          ? null
          : 'WRONG_TYPE';
      case 'plain':
        return content.kind === 'value' && (content.value === null || spec.schema.safeParse(content.value).success)
          ? null
          : 'WRONG_TYPE';
    }
  }
  // Inside a field: the text of a short field, the rich text of a long one, the ids of a set.
  const spec = write.field === null ? undefined : specs.get(write.field);
  if (!spec) return 'WRONG_TYPE';
  if (spec.kind === 'text') return write.parent === 'text' && content.kind === 'string' ? null : 'WRONG_TYPE';
  if (spec.kind === 'richText') return checkRichText(write);
  if (spec.kind === 'idSet') {
    return depth === 2 && write.key !== null && content.kind === 'value' && content.value === true
      ? null
      : 'WRONG_TYPE';
  }
  return 'WRONG_TYPE';
}

function checkRichText({ parent, parentNode, key, content }: PlanWrite): PlanWriteProblem | null {
  if (parent === 'xmlFragment' || parent === 'xmlElement') {
    // An element's attribute (an ordered list's start number), of the attributes its node has.
    if (key !== null) {
      if (parent !== 'xmlElement' || content.kind !== 'value') return 'WRONG_TYPE';
      return isNodeAttribute(parentNode, key, content.value) ? null : 'UNKNOWN_ATTRIBUTE';
    }
    if (isType(content, 'xmlText')) return null;
    if (content.kind === 'type' && content.type === 'xmlElement') {
      return content.nodeName !== null && nodes.has(content.nodeName) ? null : 'UNKNOWN_NODE';
    }
    return 'WRONG_TYPE';
  }
  if (parent === 'xmlText') {
    if (content.kind === 'string') return null;
    // y-prosemirror keeps overlapping marks of one kind as `name--hash`.
    if (content.kind === 'format') {
      const mark = richTextMarkName(content.key);
      if (!marks.has(mark)) return 'UNKNOWN_MARK';
      // A format's end (null) carries nothing; a link's start carries its address.
      if (content.value === null) return null;
      if (mark === 'link') {
        const href = typeof content.value === 'object' ? (content.value as { href?: unknown }).href : undefined;
        if (!isSafeLinkHref(href)) return 'UNSAFE_LINK';
      }
      return isMarkValue(mark, content.value) ? null : 'UNKNOWN_ATTRIBUTE';
    }
  }
  return 'WRONG_TYPE';
}
