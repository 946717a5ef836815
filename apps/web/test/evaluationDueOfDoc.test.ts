import {
  addItem,
  attentionItems,
  createPlanStructure,
  getCollection,
  mulberry32,
  planToJSON,
  progressFacts,
  seedDemoPlan,
  updateItem,
  updateMeta,
} from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { evaluationDueOfDoc } from '../src/planDoc/evaluationDueOfDoc.ts';

const TODAY = '2026-12-07';
/** plan-model's attention items over planToJSON, as evaluationDueOfDoc gives them. */
const reference = (doc: Y.Doc, today = TODAY) =>
  Object.fromEntries(
    attentionItems(progressFacts(planToJSON(doc)), today).flatMap((item) =>
      item.kind === 'evaluationOverdue' || item.kind === 'evaluationDue'
        ? [[item.goalId, { dueDate: item.dueDate, days: item.days, overdue: item.kind === 'evaluationOverdue' }]]
        : [],
    ),
  );
const overdue = (due: ReturnType<typeof reference>) => Object.values(due).filter((d) => d.overdue).length;

describe('evaluations overdue, straight from the document', () => {
  it('counts what Mine planer and the mails count for the demo plan, which has some', () => {
    const doc = new Y.Doc();
    seedDemoPlan(doc);
    updateMeta(doc, { evaluationInterval: 'hver 3. måned', periodStart: '2026-08-01' });
    expect(overdue(reference(doc))).toBeGreaterThan(0);
    expect(evaluationDueOfDoc(doc, TODAY)).toEqual(reference(doc));
  });

  it('follows evaluations, intervals and statuses through random edits', () => {
    const random = mulberry32(11);
    const doc = new Y.Doc();
    createPlanStructure(doc, { title: 'Plan', childName: 'Barn', createdAt: '2026-01-01T00:00:00.000Z' });
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
    const day = (): string =>
      `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    let counted = 0;
    for (let step = 0; step < 200; step++) {
      const goals = [...getCollection(doc, 'goals').keys()];
      const action = Math.floor(random() * 5);
      if (action === 0) addItem(doc, 'goals', { status: pick(['pagar', 'ikke_startet', 'naadd'] as const) });
      else if (action === 1 && goals.length > 0)
        addItem(doc, 'evaluations', { targetType: 'goal', targetId: pick(goals), date: day() });
      else if (action === 2)
        updateMeta(doc, { evaluationInterval: pick(['hver 3. måned', '6 uker', null, 'av og til']) });
      else if (action === 3) updateMeta(doc, { periodStart: random() < 0.8 ? day() : null });
      else if (goals.length > 0) updateItem(doc, 'goals', pick(goals), { targetDate: random() < 0.5 ? day() : null });
      const expected = reference(doc);
      counted += Object.keys(expected).length;
      expect(evaluationDueOfDoc(doc, TODAY), `step ${step}`).toEqual(expected);
    }
    expect(counted).toBeGreaterThan(0);
  });
});
