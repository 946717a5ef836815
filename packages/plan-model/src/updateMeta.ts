import type * as Y from 'yjs';
import { getMetaMap } from './documentLayout.ts';
import { assertExists } from './itemInput.ts';
import { PlanMetaPatchSchema, type PlanMetaPatch } from './planMetaSchema.ts';
import { PlanModelError } from './PlanModelError.ts';
import { toWellFormed } from './toWellFormed.ts';

// Sets plan-level values (period, revision, coordinator, ...); null removes an optional value.
export function updateMeta(doc: Y.Doc, patch: PlanMetaPatch): void {
  const parsed = PlanMetaPatchSchema.safeParse(patch);
  if (!parsed.success) {
    throw new PlanModelError('INVALID_VALUE', parsed.error.issues[0]?.message ?? 'invalid meta', {
      cause: parsed.error,
    });
  }
  if (typeof parsed.data.coordinatorId === 'string') assertExists(doc, 'participants', parsed.data.coordinatorId);
  const meta = getMetaMap(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(parsed.data)) {
      if (value === null) meta.delete(key);
      else if (value !== undefined && meta.get(key) !== value) meta.set(key, toWellFormed(value));
    }
  });
}
