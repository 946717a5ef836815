import { addItem, planToJSON, seedDemoPlan } from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fieldText, isTextField } from '../src/history/fieldValue.ts';

describe('fieldText', () => {
  const doc = new Y.Doc();
  seedDemoPlan(doc);
  const plan = planToJSON(doc);
  const measure = plan.measures.find((m) => m.goalIds.length > 0 && m.responsibleId !== null)!;

  it('shows values as a parent reads them: names for links, Norwegian dates and statuses', () => {
    expect(fieldText('measures', 'status', 'pagar', plan)).toBe('Pågår');
    expect(fieldText('goals', 'targetDate', '2027-06-20', plan)).toBe('20.06.2027');
    expect(fieldText('measures', 'goalIds', measure.goalIds, plan)).toBe(
      measure.goalIds.map((id) => plan.goals.find((g) => g.id === id)!.title).join(', '),
    );
    expect(fieldText('measures', 'responsibleId', measure.responsibleId, plan)).toBe(
      plan.participants.find((p) => p.id === measure.responsibleId)!.name,
    );
    expect(fieldText('tasks', 'done', true, plan)).toBe('Ja');
    expect(fieldText('goals', 'expressedBy', '', plan)).toBe('(tomt)');
    expect(fieldText(undefined, 'about.child', plan.about.child, plan)).toContain('Emma');
    expect(fieldText(undefined, 'meta.coordinatorId', plan.meta.coordinatorId, plan)).toBe('Sofie Andersen');
  });

  it('names a deleted item as untitled rather than showing its id', () => {
    const gone = addItem(new Y.Doc(), 'goals', { title: 'Annen plan' });
    expect(fieldText('measures', 'goalIds', [gone], plan)).toBe('Uten tittel');
  });

  it('diffs text word by word, and everything else as before and after', () => {
    expect(isTextField('goals', 'title')).toBe(true);
    expect(isTextField('goals', 'description')).toBe(true);
    expect(isTextField('goals', 'status')).toBe(false);
    expect(isTextField(undefined, 'about.family')).toBe(true);
    expect(isTextField(undefined, 'meta.nextRevision')).toBe(false);
  });
});
