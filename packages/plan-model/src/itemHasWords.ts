import type { CollectionName, FieldSpec } from './collectionSpecs.ts';
import { collectionSpecs } from './collectionSpecs.ts';
import type { ItemMap } from './documentLayout.ts';
import { readField } from './fieldValues.ts';
import type { RichTextDoc } from './richTextSchema.ts';
import { richTextToPlain } from './richTextToPlain.ts';

/**
 * Whether someone has written anything in the item: any of its text or rich-text fields holds more than white
 * space. What deleting it would take away (a status or a date alone is no one's words); the web app asks before.
 */
export function itemHasWords(collection: CollectionName, item: ItemMap): boolean {
  const fields = collectionSpecs[collection] as Record<string, FieldSpec>;
  for (const [field, spec] of Object.entries(fields)) {
    if (spec.kind === 'text' && (readField(item, field, spec) as string).trim() !== '') return true;
    if (spec.kind === 'richText' && richTextToPlain(readField(item, field, spec) as RichTextDoc).trim() !== '') {
      return true;
    }
  }
  return false;
}
