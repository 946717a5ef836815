import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  PlanModelError,
  planToJSON,
  progressFacts,
  progressSummary,
  seedDemoPlan,
  type PlanJSON,
} from '../src/index.ts';

const demoPlan = (): PlanJSON => {
  const doc = new Y.Doc();
  seedDemoPlan(doc);
  return planToJSON(doc);
};

describe('progressSummary', () => {
  const plan = demoPlan();

  it('summarises the demo plan in November 2026', () => {
    expect(progressSummary(progressFacts(plan), '2026-11-20')).toEqual({
      goalsTotal: 5,
      goalsByStatus: { ikke_startet: 2, pagar: 3, naadd: 0, delvis_naadd: 0, ikke_naadd: 0, avsluttet: 0 },
      goalsReached: 0,
      nextRevision: '2027-03-01',
      overdueEvaluations: 0,
      openTasks: 1,
      overdueTasks: 1,
      nextMeeting: { id: plan.meetings[1]?.id, date: '2026-12-03', title: 'Ansvarsgruppemøte' },
    });
  });

  it('counts a task as overdue only after its due date', () => {
    expect(progressSummary(progressFacts(plan), '2026-11-15').overdueTasks).toBe(0);
    expect(progressSummary(progressFacts(plan), '2026-11-16').overdueTasks).toBe(1);
  });

  it('counts open goals past their target date, but not reached or ended ones', () => {
    // 2027-02-02: delmål 1.1 (01.02.2027, pågår) and hovedmål 2 (31.12.2026, pågår) are past.
    expect(progressSummary(progressFacts(plan), '2027-02-02').overdueEvaluations).toBe(2);
    const changed: PlanJSON = {
      ...plan,
      goals: plan.goals.map((goal, i) =>
        i === 1 ? { ...goal, status: 'naadd' } : i === 3 ? { ...goal, status: 'avsluttet' } : goal,
      ),
    };
    const summary = progressSummary(progressFacts(changed), '2027-02-02');
    expect(summary.overdueEvaluations).toBe(0);
    expect(summary.goalsReached).toBe(1);
    expect(summary.goalsByStatus.avsluttet).toBe(1);
  });

  it('picks the earliest planned meeting from today on, ignoring held and cancelled ones', () => {
    expect(progressSummary(progressFacts(plan), '2026-12-03').nextMeeting?.date).toBe('2026-12-03');
    expect(progressSummary(progressFacts(plan), '2026-12-04').nextMeeting).toBeNull();
    expect(progressSummary(progressFacts(plan), '2026-09-01').nextMeeting?.date).toBe('2026-12-03');
    const cancelled: PlanJSON = {
      ...plan,
      meetings: plan.meetings.map((meeting) => ({ ...meeting, status: 'avlyst' })),
    };
    expect(progressSummary(progressFacts(cancelled), '2026-09-01').nextMeeting).toBeNull();
  });

  it('handles an empty plan and rejects a malformed date', () => {
    const empty = planToJSON(new Y.Doc());
    expect(progressSummary(progressFacts(empty), '2026-01-01')).toMatchObject({
      goalsTotal: 0,
      goalsReached: 0,
      nextRevision: null,
      openTasks: 0,
      nextMeeting: null,
    });
    expect(() => progressSummary(progressFacts(empty), '01.01.2026')).toThrow(PlanModelError);
  });
});
