import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addItem, createPlanStructure, removalReach, removeItem, setLinked } from '../src/index.ts';

describe('removalReach: what removing an item takes with it, told before it is removed', () => {
  it('counts a hovedmål’s delmål, and the tiltak elsewhere that link to it or to them', () => {
    const doc = new Y.Doc();
    createPlanStructure(doc, {
      title: 'Individuell plan',
      childName: 'Jonas Nilsen',
      createdAt: '2026-12-07T10:00:00.000Z',
    });
    const goal = addItem(doc, 'goals', { title: 'Jonas går til skolen selv' });
    const sub1 = addItem(doc, 'goals', { title: 'Går med en voksen', parentId: goal });
    addItem(doc, 'goals', { title: 'Går alene siste stykket', parentId: goal });
    const other = addItem(doc, 'goals', { title: 'Jonas sover hele natten' });
    const walking = addItem(doc, 'measures', { title: 'Gåtrening med fysioterapeut' });
    const company = addItem(doc, 'measures', { title: 'Følge til skolen' });
    const sleep = addItem(doc, 'measures', { title: 'Søvndagbok' });
    setLinked(doc, 'measures', walking, 'goalIds', goal, true);
    setLinked(doc, 'measures', company, 'goalIds', sub1, true);
    setLinked(doc, 'measures', sleep, 'goalIds', other, true);

    expect(removalReach(doc, 'goals', goal)).toEqual({ subgoals: 2, linking: 2 });
    expect(removalReach(doc, 'goals', sub1)).toEqual({ subgoals: 0, linking: 1 });
    expect(removalReach(doc, 'measures', sleep)).toEqual({ subgoals: 0, linking: 0 });
    // What it says is what removing does: the delmål go, the links go, the tiltak stay.
    expect(removeItem(doc, 'goals', goal)).toHaveLength(3);
    expect(removalReach(doc, 'goals', goal)).toEqual({ subgoals: 0, linking: 0 });
    expect(removalReach(doc, 'goals', other)).toEqual({ subgoals: 0, linking: 1 });
  });
});
