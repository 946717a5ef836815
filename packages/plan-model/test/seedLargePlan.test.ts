import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { planToJSON, seedLargePlan } from '../src/index.ts';

describe('seedLargePlan', () => {
  it('builds a plan of the requested size with the same content for the same seed', { timeout: 30_000 }, () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    seedLargePlan(a, { goals: 20, measures: 30, meetings: 5, seed: 7 });
    seedLargePlan(b, { goals: 20, measures: 30, meetings: 5, seed: 7 });
    const plan = planToJSON(a);
    expect(plan.goals).toHaveLength(20);
    expect(plan.goals.filter((goal) => goal.parentId === null)).toHaveLength(5);
    expect(plan.measures).toHaveLength(30);
    expect(plan.meetings).toHaveLength(5);
    expect(plan.tasks).toHaveLength(10);
    expect(plan.measures.every((measure) => measure.goalIds.length > 0)).toBe(true);
    const titles = (doc: Y.Doc): string[] => planToJSON(doc).measures.map((measure) => measure.title);
    expect(titles(b)).toEqual(titles(a));
  });

  it('defaults to 100 goals, 200 measures and 40 meetings', { timeout: 30_000 }, () => {
    const doc = new Y.Doc();
    seedLargePlan(doc);
    const plan = planToJSON(doc);
    expect([plan.goals.length, plan.measures.length, plan.meetings.length]).toEqual([100, 200, 40]);
  });
});
