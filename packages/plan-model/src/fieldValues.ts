import * as Y from 'yjs';
import { collectionSpecs, type CollectionName, type FieldSpec } from './collectionSpecs.ts';
import type { ItemMap } from './documentLayout.ts';
import { PlanModelError } from './PlanModelError.ts';
import { richTextToJSON } from './richTextToJSON.ts';
import { emptyRichText, RichTextDocSchema, type RichTextDoc } from './richTextSchema.ts';
import { setText } from './setText.ts';
import { toWellFormed } from './toWellFormed.ts';
import { replaceRichText } from './writeRichText.ts';
import { richTextFromPlain } from './richTextFromPlain.ts';

// How each kind of field is validated, written into and read from an item's Y.Map.

export function fieldSpecs(collection: CollectionName): [string, FieldSpec][] {
  return Object.entries(collectionSpecs[collection] as Record<string, FieldSpec>);
}

export function fieldSpec(collection: CollectionName, field: string): FieldSpec {
  const spec = (collectionSpecs[collection] as Record<string, FieldSpec>)[field];
  if (!spec || !Object.hasOwn(collectionSpecs[collection], field)) {
    throw new PlanModelError('UNKNOWN_FIELD', `Collection "${collection}" has no field "${field}"`);
  }
  return spec;
}

const invalid = (collection: string, field: string, detail: string, cause?: unknown): PlanModelError =>
  new PlanModelError('INVALID_VALUE', `${collection}.${field}: ${detail}`, { cause });

/** The validated form of a write: rich text parsed, id sets deduplicated. */
export function normalizeInput(collection: CollectionName, field: string, spec: FieldSpec, value: unknown): unknown {
  switch (spec.kind) {
    case 'text':
      if (typeof value !== 'string') throw invalid(collection, field, 'expected a string');
      return toWellFormed(value);
    case 'richText': {
      if (typeof value === 'string') return toWellFormed(value);
      const parsed = RichTextDocSchema.safeParse(value);
      if (!parsed.success) throw invalid(collection, field, 'expected ProseMirror JSON or a string', parsed.error);
      return parsed.data;
    }
    case 'idSet':
      if (!Array.isArray(value) || !value.every((id) => typeof id === 'string' && id !== '')) {
        throw invalid(collection, field, 'expected an array of ids');
      }
      return [...new Set(value as string[])];
    case 'ref':
      if (value !== null && (typeof value !== 'string' || value === '')) {
        throw invalid(collection, field, 'expected an id or null');
      }
      return value;
    case 'plain': {
      const parsed = spec.schema.safeParse(value);
      if (!parsed.success) throw invalid(collection, field, parsed.error.issues[0]?.message ?? 'invalid', parsed.error);
      return typeof parsed.data === 'string' ? toWellFormed(parsed.data) : parsed.data;
    }
  }
}

export function initialValue(spec: FieldSpec): unknown {
  switch (spec.kind) {
    case 'text':
      return '';
    case 'richText':
      return emptyRichText();
    case 'idSet':
      return [];
    case 'ref':
      return null;
    case 'plain':
      return spec.initial ? spec.initial() : spec.fallback;
  }
}

// Writes a normalized value. Nested types are reused when present so concurrent edits to them keep merging.
// Must run inside a transaction.
export function writeField(item: ItemMap, field: string, spec: FieldSpec, value: unknown): void {
  const current = item.get(field);
  switch (spec.kind) {
    case 'text':
      if (current instanceof Y.Text) setText(current, value as string);
      else item.set(field, new Y.Text(value as string));
      return;
    case 'richText': {
      let fragment = current;
      if (!(fragment instanceof Y.XmlFragment)) {
        fragment = new Y.XmlFragment();
        item.set(field, fragment);
      }
      const content = value as RichTextDoc | string;
      replaceRichText(fragment as Y.XmlFragment, typeof content === 'string' ? richTextFromPlain(content) : content);
      return;
    }
    case 'idSet': {
      let set = current;
      if (!(set instanceof Y.Map)) {
        set = new Y.Map<true>();
        item.set(field, set);
      }
      const ids = set as Y.Map<unknown>;
      const wanted = new Set(value as string[]);
      for (const id of [...ids.keys()]) if (!wanted.has(id)) ids.delete(id);
      for (const id of wanted) if (ids.get(id) !== true) ids.set(id, true);
      return;
    }
    case 'ref':
    case 'plain':
      // Skip no-op writes: every set is an update sent to all peers and kept in the plan's history.
      if (current !== value || !item.has(field)) item.set(field, value);
      return;
  }
}

/** The stored value as plain JSON; anything missing or malformed reads as the field's fallback. */
export function readField(item: ItemMap, field: string, spec: FieldSpec): unknown {
  const value = item.get(field);
  switch (spec.kind) {
    case 'text':
      return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
    case 'richText':
      return value instanceof Y.XmlFragment ? richTextToJSON(value) : emptyRichText();
    case 'idSet':
      return value instanceof Y.Map
        ? [...value.entries()]
            .filter(([, on]) => on === true)
            .map(([id]) => id)
            .sort()
        : [];
    case 'ref':
      return typeof value === 'string' && value !== '' ? value : null;
    case 'plain': {
      const parsed = spec.schema.safeParse(value);
      return parsed.success ? parsed.data : spec.fallback;
    }
  }
}
