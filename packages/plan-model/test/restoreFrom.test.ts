import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  getPlanRichText,
  listItemIds,
  planToJSON,
  PlanModelError,
  removeItem,
  restoreFrom,
  seedDemoPlan,
  updateItem,
  writeRichText,
  type PlanJSON,
} from '../src/index.ts';
import { newDocs, syncDocs } from './helpers/syncDocs.ts';

/** The plan as it is now on `doc`, and a copy of it as it was (an earlier version). */
function demoWithPast(): { doc: Y.Doc; past: Y.Doc; before: PlanJSON } {
  const doc = new Y.Doc();
  seedDemoPlan(doc);
  const past = new Y.Doc();
  Y.applyUpdate(past, Y.encodeStateAsUpdate(doc));
  return { doc, past, before: planToJSON(doc) };
}

/** A second member empties the plan the way an attacker with write access did: every goal, the family's text. */
function wipe(doc: Y.Doc): void {
  for (const id of listItemIds(doc, 'goals')) removeItem(doc, 'goals', id);
  for (const id of listItemIds(doc, 'measures').slice(0, 3)) removeItem(doc, 'measures', id);
  writeRichText(getPlanRichText(doc, 'about.child'), '');
  writeRichText(getPlanRichText(doc, 'about.family'), '');
}

describe('restoreFrom', () => {
  it('brings the whole plan back exactly as it was, with the same ids, as ordinary edits peers merge', () => {
    const { doc, past, before } = demoWithPast();
    const [peer] = newDocs(1);
    syncDocs([doc, peer!]);
    wipe(peer!);
    addItem(peer!, 'goals', { title: 'Lagt til etterpå' });
    syncDocs([doc, peer!]);
    expect(planToJSON(doc).goals).toHaveLength(1);

    restoreFrom(doc, past, { kind: 'plan' });
    expect(planToJSON(doc)).toEqual(before);
    syncDocs([doc, peer!]);
    expect(planToJSON(peer!)).toEqual(before);
  });

  it('brings back one deleted hovedmål with its delmål, its links and its evaluations, and nothing else', () => {
    const { doc, past, before } = demoWithPast();
    const goal = before.goals.find((g) => g.parentId === null && before.goals.some((d) => d.parentId === g.id))!;
    const subGoals = before.goals.filter((g) => g.parentId === goal.id).map((g) => g.id);
    const linkedMeasures = before.measures.filter((m) => m.goalIds.includes(goal.id)).map((m) => m.id);
    expect(subGoals.length).toBeGreaterThan(0);
    expect(linkedMeasures.length).toBeGreaterThan(0);
    removeItem(doc, 'goals', goal.id);
    const otherGoal = before.goals.find((g) => g.id !== goal.id && !subGoals.includes(g.id))!;
    updateItem(doc, 'goals', otherGoal.id, { title: 'Endret etterpå' });

    restoreFrom(doc, past, { kind: 'item', collection: 'goals', itemId: goal.id });
    const after = planToJSON(doc);
    expect(after.goals.find((g) => g.id === goal.id)).toEqual(goal);
    for (const id of subGoals)
      expect(after.goals.find((g) => g.id === id)).toEqual(before.goals.find((g) => g.id === id));
    for (const id of linkedMeasures) expect(after.measures.find((m) => m.id === id)!.goalIds).toContain(goal.id);
    expect(after.evaluations).toEqual(before.evaluations);
    // Only the item: a later change to another goal stays.
    expect(after.goals.find((g) => g.id === otherGoal.id)!.title).toBe('Endret etterpå');
  });

  it('reverts an item that was changed, not deleted', () => {
    const { doc, past, before } = demoWithPast();
    const measure = before.measures[0]!;
    updateItem(doc, 'measures', measure.id, { title: 'Feil', status: 'avbrutt', implementation: 'Slettet tekst' });
    restoreFrom(doc, past, { kind: 'item', collection: 'measures', itemId: measure.id });
    expect(planToJSON(doc).measures[0]).toEqual(measure);
  });

  it('restores one part: items added since go, deleted ones come back, other parts stay as they are now', () => {
    const { doc, past, before } = demoWithPast();
    removeItem(doc, 'measures', before.measures[1]!.id);
    addItem(doc, 'measures', { title: 'Nytt tiltak' });
    removeItem(doc, 'tasks', before.tasks[0]!.id);
    restoreFrom(doc, past, { kind: 'part', part: 'tiltak' });
    const after = planToJSON(doc);
    expect(after.measures).toEqual(before.measures);
    expect(after.tasks).toHaveLength(before.tasks.length - 1);
  });

  it('refuses an item the version did not have, and writes nothing', () => {
    const { doc, past } = demoWithPast();
    const id = addItem(doc, 'goals', { title: 'Ny' });
    const state = Y.encodeStateVector(doc);
    expect(() => restoreFrom(doc, past, { kind: 'item', collection: 'goals', itemId: id })).toThrow(PlanModelError);
    expect(Y.encodeStateVector(doc)).toEqual(state);
    expect(() => restoreFrom(doc, past, { kind: 'item', collection: 'unknown' as 'goals', itemId: 'x' })).toThrow(
      PlanModelError,
    );
  });

  it('never takes the schema version or the creation time away, even restoring to an empty version', () => {
    const { doc } = demoWithPast();
    const meta = doc.getMap('meta').toJSON();
    restoreFrom(doc, new Y.Doc(), { kind: 'plan' });
    expect(doc.getMap('meta').get('schemaVersion')).toBe(meta.schemaVersion);
    expect(doc.getMap('meta').get('createdAt')).toBe(meta.createdAt);
    expect(planToJSON(doc).goals).toEqual([]);
  });

  it('undoes a poisoned value: a whole-plan restore puts back the schema version', () => {
    const { doc, past, before } = demoWithPast();
    doc.getMap('meta').set('schemaVersion', 2);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
    restoreFrom(doc, past, { kind: 'plan' });
    expect(planToJSON(doc)).toEqual(before);
  });
});
