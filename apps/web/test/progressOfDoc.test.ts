import {
  addItem,
  createPlanStructure,
  getCollection,
  mulberry32,
  planToJSON,
  progressSummary,
  removeItem,
  seedDemoPlan,
  seedLargePlan,
  updateItem,
  updateMeta,
} from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { progressOfDoc } from '../src/planDoc/progressOfDoc.ts';

const TODAY = '2026-11-23';
const reference = (doc: Y.Doc) => progressSummary(planToJSON(doc), TODAY);

describe('the overview computed straight from the document', () => {
  it('matches plan-model’s progressSummary for the demo plan', () => {
    const doc = new Y.Doc();
    seedDemoPlan(doc);
    expect(progressOfDoc(doc, TODAY)).toEqual(reference(doc));
  });

  it('matches it for a big plan', () => {
    const doc = new Y.Doc();
    seedLargePlan(doc, { goals: 60, measures: 40, meetings: 30, seed: 7 });
    expect(progressOfDoc(doc, TODAY)).toEqual(reference(doc));
  });

  it('matches it through random edits, including values a buggy peer wrote', () => {
    const random = mulberry32(3);
    const doc = new Y.Doc();
    createPlanStructure(doc, { title: 'Plan', childName: 'Barn', createdAt: '2026-01-01T00:00:00.000Z' });
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const day = (): string =>
      `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    for (let step = 0; step < 300; step++) {
      const goals = [...getCollection(doc, 'goals').keys()];
      const action = Math.floor(random() * 8);
      if (action === 0)
        addItem(doc, 'goals', {
          status: pick(['pagar', 'naadd', 'avsluttet', 'ikke_startet'] as const),
          targetDate: random() < 0.7 ? day() : null,
        });
      else if (action === 1 && goals.length > 0)
        updateItem(doc, 'goals', pick(goals), { status: pick(['naadd', 'delvis_naadd', 'ikke_naadd'] as const) });
      else if (action === 2) addItem(doc, 'tasks', { done: random() < 0.5, dueDate: random() < 0.8 ? day() : null });
      else if (action === 3)
        addItem(doc, 'meetings', {
          date: random() < 0.8 ? day() : null,
          status: pick(['planlagt', 'gjennomfort', 'avlyst'] as const),
          title: 'Møte',
        });
      else if (action === 4) updateMeta(doc, { nextRevision: random() < 0.8 ? day() : null });
      else if (action === 5 && goals.length > 0) removeItem(doc, 'goals', pick(goals));
      else if (action === 6 && goals.length > 0)
        getCollection(doc, 'goals').get(pick(goals))?.set('status', 'ukjent-status');
      else if (action === 7 && goals.length > 0)
        getCollection(doc, 'goals').get(pick(goals))?.set('targetDate', '31.12.2026');
      if (step % 10 === 0) expect(progressOfDoc(doc, TODAY)).toEqual(reference(doc));
    }
    expect(progressOfDoc(doc, TODAY)).toEqual(reference(doc));
  });
});
