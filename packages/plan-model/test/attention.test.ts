import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addInterval,
  attentionItems,
  checkPlanWrite,
  emptyProgressFacts,
  evaluationDueDate,
  formatEvaluationInterval,
  parseEvaluationInterval,
  planToJSON,
  progressFacts,
  seedDemoPlan,
  urgencyOf,
  type ProgressFacts,
} from '../src/index.ts';

const facts = (
  patch: Omit<Partial<ProgressFacts>, 'meta'> & { meta?: Partial<ProgressFacts['meta']> },
): ProgressFacts => {
  const empty = emptyProgressFacts();
  return { ...empty, ...patch, meta: { ...empty.meta, createdAt: '2026-01-05T10:00:00.000Z', ...patch.meta } };
};
const goal = (title: string, patch: Partial<ProgressFacts['goals'][number]> = {}): ProgressFacts['goals'][number] => ({
  id: title,
  title,
  status: 'pagar',
  targetDate: null,
  lastEvaluated: null,
  ...patch,
});

describe('the evaluation interval', () => {
  it('reads what the editor writes and what people wrote before', () => {
    expect(parseEvaluationInterval('P3M')).toEqual({ count: 3, unit: 'maaneder' });
    expect(parseEvaluationInterval('P6W')).toEqual({ count: 6, unit: 'uker' });
    expect(parseEvaluationInterval('Hver 3. måned')).toEqual({ count: 3, unit: 'maaneder' });
    expect(parseEvaluationInterval('hver 6. uke')).toEqual({ count: 6, unit: 'uker' });
    expect(parseEvaluationInterval('Hvert halvår')).toEqual({ count: 6, unit: 'maaneder' });
    expect(parseEvaluationInterval('årlig')).toEqual({ count: 12, unit: 'maaneder' });
    expect(parseEvaluationInterval('hver måned')).toEqual({ count: 1, unit: 'maaneder' });
    for (const none of [null, '', 'når det passer', 'P0M', 'P400W']) expect(parseEvaluationInterval(none)).toBeNull();
    expect(formatEvaluationInterval({ count: 3, unit: 'maaneder' })).toBe('P3M');
    expect(parseEvaluationInterval(formatEvaluationInterval({ count: 8, unit: 'uker' }))).toEqual({
      count: 8,
      unit: 'uker',
    });
  });

  it('adds weeks and months to a date, keeping the month end', () => {
    expect(addInterval('2026-01-31', { count: 1, unit: 'maaneder' })).toBe('2026-02-28');
    expect(addInterval('2026-11-30', { count: 3, unit: 'maaneder' })).toBe('2027-02-28');
    expect(addInterval('2026-12-28', { count: 2, unit: 'uker' })).toBe('2027-01-11');
  });

  it('gives no date past the year 9999 or from no date, instead of throwing', () => {
    expect(addInterval('9999-12-01', { count: 2, unit: 'maaneder' })).toBeNull();
    expect(addInterval('275760-09-13', { count: 1, unit: 'uker' })).toBeNull();
    expect(addInterval('ikke-en-dato', { count: 1, unit: 'uker' })).toBeNull();
    expect(addInterval('9999-12-01', { count: 4, unit: 'uker' })).toBe('9999-12-29');
  });
});

describe('something due today', () => {
  it('is due in 0 days, not -0 (which reads as overdue to anyone comparing with Object.is or printing the sign)', () => {
    const plan = facts({ meta: { nextRevision: '2027-03-01' }, goals: [goal('Et mål', { targetDate: '2027-03-01' })] });
    const items = attentionItems(plan, '2027-03-01');
    expect(items.map((item) => item.kind).sort()).toEqual(['evaluationDue', 'revisionDue']);
    for (const item of items) expect(Object.is('days' in item ? item.days : NaN, 0), item.kind).toBe(true);
  });
});

describe('a plan whose stored dates are out of range (written before the checks, or by a broken client)', () => {
  it('gives its goals no evaluation date from them, and its attention items are read without throwing', () => {
    const plan = facts({
      meta: { evaluationInterval: 'P1W', periodStart: null, createdAt: '+275760-09-13T00:00:00.000Z' },
      goals: [goal('Et mål', { targetDate: '2027-06-01' }), goal('Et annet mål')],
    });
    expect(evaluationDueDate(plan, plan.goals[0]!)).toBe('2027-06-01');
    expect(evaluationDueDate(plan, plan.goals[1]!)).toBeNull();
    expect(attentionItems(plan, '2027-06-10').map((item) => ('title' in item ? item.title : ''))).toEqual(['Et mål']);
  });

  it('cannot be written so any more: meta.createdAt takes an ISO timestamp of the years 0000-9999 only', () => {
    const createdAt = (value: unknown) =>
      checkPlanWrite({
        root: 'meta',
        depth: 0,
        key: 'createdAt',
        field: null,
        parent: 'map',
        parentNode: null,
        content: { kind: 'value', value },
      });
    expect(createdAt('2026-12-07T08:00:00.000Z')).toBeNull();
    for (const value of ['+275760-09-13T00:00:00.000Z', 'i går', '2026-12-07', 42]) {
      expect(createdAt(value), String(value)).toBe('WRONG_TYPE');
    }
  });
});

describe('attention items', () => {
  it('counts from the Norwegian day a plan was made when nothing else is known', () => {
    // Made at 00:30 in Oslo on 1 February, still 31 January in UTC: due three months after 1 February.
    const plan = facts({
      meta: { evaluationInterval: 'P3M', periodStart: null, createdAt: '2026-01-31T23:30:00.000Z' },
      goals: [goal('Gå selv i skolebygget')],
    });
    expect(evaluationDueDate(plan, plan.goals[0]!)).toBe('2026-05-01');
    expect(attentionItems(plan, '2026-05-02')).toMatchObject([{ kind: 'evaluationOverdue', days: 1 }]);
  });

  it('names each evaluation past due, from the latest evaluation and the interval', () => {
    const plan = facts({
      meta: { evaluationInterval: 'P3M', periodStart: '2026-08-01' },
      goals: [
        goal('Gå selv i skolebygget', { lastEvaluated: '2026-08-20' }),
        goal('Sove hele natten'),
        goal('Nådd mål', { status: 'naadd' }),
      ],
    });
    expect(attentionItems(plan, '2026-12-02')).toEqual([
      // From the period's start: due 01.11, 31 days ago; from its evaluation 20.08: due 20.11, 12 days ago.
      {
        kind: 'evaluationOverdue',
        goalId: 'Sove hele natten',
        title: 'Sove hele natten',
        dueDate: '2026-11-01',
        days: 31,
      },
      {
        kind: 'evaluationOverdue',
        goalId: 'Gå selv i skolebygget',
        title: 'Gå selv i skolebygget',
        dueDate: '2026-11-20',
        days: 12,
      },
    ]);
    // An evaluation written today moves it forward.
    const evaluated = { ...plan, goals: plan.goals.map((g) => ({ ...g, lastEvaluated: '2026-12-02' })) };
    expect(attentionItems(evaluated, '2026-12-02')).toEqual([]);
  });

  it('without an interval uses the target date; names a passed revision, due soon, and overdue tasks', () => {
    const plan = facts({
      meta: { nextRevision: '2026-10-01' },
      goals: [goal('Svømme', { targetDate: '2026-12-10' })],
      tasks: [
        { id: 't1', title: 'Søke støttekontakt', done: false, dueDate: '2026-11-27', responsibleId: null },
        { id: 't2', title: 'Ferdig', done: true, dueDate: '2026-11-01', responsibleId: null },
      ],
    });
    expect(attentionItems(plan, '2026-12-02')).toEqual([
      { kind: 'revisionPassed', date: '2026-10-01', days: 62 },
      { kind: 'taskOverdue', taskId: 't1', title: 'Søke støttekontakt', dueDate: '2026-11-27', days: 5 },
      { kind: 'evaluationDue', goalId: 'Svømme', title: 'Svømme', dueDate: '2026-12-10', days: 8 },
    ]);
    expect(urgencyOf(attentionItems(plan, '2026-12-02'))).toBeGreaterThan(urgencyOf([]));
    expect(urgencyOf([])).toBe(0);
  });

  it('names a meeting still planned whose day has passed, not one held, cancelled or to come', () => {
    const meeting = (id: string, status: ProgressFacts['meetings'][number]['status'], date: string | null) => ({
      id,
      status,
      date,
      title: `Ansvarsgruppemøte ${id}`,
      participantIds: [],
    });
    const plan = facts({
      meetings: [
        meeting('m1', 'planlagt', '2026-11-28'),
        meeting('m2', 'gjennomfort', '2026-11-01'),
        meeting('m3', 'avlyst', '2026-11-15'),
        meeting('m4', 'planlagt', '2026-12-02'),
        meeting('m5', 'planlagt', null),
      ],
    });
    expect(attentionItems(plan, '2026-12-02')).toEqual([
      { kind: 'meetingNotMarked', meetingId: 'm1', title: 'Ansvarsgruppemøte m1', date: '2026-11-28', days: 4 },
    ]);
  });

  it('ranks a plan with something overdue above one with something due soon', () => {
    const overdue = attentionItems(facts({ meta: { nextRevision: '2026-12-01' } }), '2026-12-02');
    const soon = attentionItems(facts({ meta: { nextRevision: '2026-12-05' } }), '2026-12-02');
    expect(urgencyOf(overdue)).toBeGreaterThan(urgencyOf(soon));
  });

  it('reads the demo plan: its interval is written in words', () => {
    const doc = new Y.Doc();
    seedDemoPlan(doc);
    const demo = progressFacts(planToJSON(doc));
    expect(demo.meta.evaluationInterval).toBe('Hver 3. måned');
    // Before the period starts nothing is due; months after the last evaluations, the open goals are, by name.
    expect(attentionItems(demo, '2026-06-01').some((item) => item.kind === 'evaluationOverdue')).toBe(false);
    const later = attentionItems(demo, '2027-06-01').filter((item) => item.kind === 'evaluationOverdue');
    const openGoals = demo.goals.filter((g) => g.status !== 'naadd' && g.status !== 'avsluttet');
    expect(later.map((item) => ('title' in item ? item.title : ''))).toEqual(
      expect.arrayContaining(openGoals.map((g) => g.title)),
    );
  });
});
