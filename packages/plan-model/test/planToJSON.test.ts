import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  createPlanStructure,
  DEMO_PLAN,
  getCollection,
  getItemMap,
  getMetaMap,
  getPlanRichText,
  listGoalTree,
  PlanJSONSchema,
  planToJSON,
  PlanModelError,
  removeItem,
  richTextToPlain,
  seedDemoPlan,
  setLinked,
  updateItem,
} from '../src/index.ts';
import { newDocs, syncDocs } from './helpers/syncDocs.ts';

const demo = (): Y.Doc => {
  const doc = new Y.Doc();
  seedDemoPlan(doc);
  return doc;
};

describe('planToJSON of the demo plan', () => {
  const plan = planToJSON(demo());
  const byName = (name: string) => plan.participants.find((participant) => participant.name === name);

  it('has every part of the example plan', () => {
    expect(PlanJSONSchema.safeParse(plan).success).toBe(true);
    expect(plan.goals).toHaveLength(5);
    expect(plan.goals.filter((goal) => goal.parentId === null)).toHaveLength(3);
    expect(plan.measures).toHaveLength(6);
    expect(plan.evaluations).toHaveLength(2);
    expect(plan.participants).toHaveLength(8);
    expect(plan.cooperation).toHaveLength(3);
    expect(plan.meetings).toHaveLength(2);
    expect(plan.tasks).toHaveLength(4);
    expect(plan.services).toHaveLength(4);
  });

  it('has the example values', () => {
    expect(plan.meta).toMatchObject({
      title: DEMO_PLAN.title,
      childName: 'Emma Nilsen',
      schemaVersion: 1,
      periodStart: '2026-09-01',
      periodEnd: '2027-08-31',
      nextRevision: '2027-03-01',
      evaluationInterval: 'Hver 3. måned',
      coordinatorId: byName('Sofie Andersen')?.id,
    });
    const [goal1, goal11, goal12, goal2, goal3] = plan.goals;
    expect(goal1).toMatchObject({
      title: 'Emma skal kunne gå selv med rollator i hele skolebygget innen sommeren 2027.',
      expressedBy: 'Emma og foreldrene',
      targetDate: '2027-06-20',
      status: 'pagar',
      parentId: null,
    });
    expect(goal11).toMatchObject({ parentId: goal1?.id, targetDate: '2027-02-01', status: 'pagar' });
    expect(goal12).toMatchObject({ parentId: goal1?.id, status: 'ikke_startet' });
    expect(goal2?.expressedBy).toBe('Foreldrene');
    expect(goal3?.title).toBe('Jeg vil svømme 25 meter alene.');

    const physio = plan.measures[0];
    expect(physio).toMatchObject({
      title: 'Fysioterapi med gangtrening',
      goalIds: [goal1?.id, goal11?.id, goal12?.id],
      scope: '2 ganger i uken, 45 min',
      responsibleId: byName('Lise Berg')?.id,
      periodStart: '2026-09-01',
      periodEnd: '2027-06-20',
      status: 'pagar',
    });
    expect(richTextToPlain(physio?.implementation ?? { type: 'doc', content: [] })).toContain('tirsdag og torsdag');
    expect(plan.measures[2]).toMatchObject({ periodText: 'skoleåret 2026/27', periodStart: null });
    expect(plan.measures[5]).toMatchObject({ goalIds: [], targetsFamily: true, periodText: 'høsten 2026' });

    expect(plan.evaluations[0]).toMatchObject({
      date: '2026-10-15',
      targetType: 'goal',
      targetId: goal11?.id,
      achievement: 'delvis_naadd',
      author: 'Lise Berg',
      targetMissing: false,
    });
    expect(plan.participants.map((participant) => participant.role)).toEqual([
      'foresatt',
      'foresatt',
      'barn',
      'koordinator',
      'deltaker',
      'deltaker',
      'deltaker',
      'lesetilgang',
    ]);
    expect(plan.meetings[0]).toMatchObject({ date: '2026-09-10', status: 'gjennomfort' });
    expect(plan.meetings[0]?.participantIds).toHaveLength(5);
    expect(richTextToPlain(plan.meetings[1]?.agenda ?? { type: 'doc', content: [] })).toBe(
      '- Evaluering av delmål 1.1\n- Avlastning',
    );
    expect(plan.tasks.filter((task) => task.done)).toHaveLength(3);
    expect(plan.tasks[0]?.meetingId).toBe(plan.meetings[0]?.id);
    expect(plan.services[2]).toMatchObject({ name: 'NAV hjelpestønad', kind: 'ytelse', status: 'soknad_sendt' });
    expect(richTextToPlain(plan.about.needs)).toContain('- Fysioterapi.');
    expect(richTextToPlain(plan.notes.consent)).toContain('25.08.2026');
  });

  it('refuses to seed a plan twice, but keeps a title the server already set', () => {
    const doc = new Y.Doc();
    createPlanStructure(doc, { title: 'Emmas plan', childName: 'Emma', createdAt: '2026-08-01T00:00:00.000Z' });
    seedDemoPlan(doc);
    expect(planToJSON(doc).meta.title).toBe('Emmas plan');
    expect(() => seedDemoPlan(doc)).toThrow(PlanModelError);
  });
});

describe('planToJSON', () => {
  it('is deterministic: peers that received updates in different orders give the same JSON string', () => {
    const [a, b, c] = newDocs(3) as [Y.Doc, Y.Doc, Y.Doc];
    seedDemoPlan(a);
    syncDocs([a, b, c]);
    const goals = planToJSON(a).goals;
    const updates: Uint8Array[] = [];
    b.on('update', (update: Uint8Array) => updates.push(update));
    updateItem(b, 'goals', goals[0]?.id ?? '', { title: 'Ny tittel', status: 'naadd' });
    addItem(b, 'goals', { title: 'Nytt mål' }, { before: goals[3]?.id ?? '' });
    removeItem(b, 'goals', goals[4]?.id ?? '');
    addItem(c, 'goals', { title: 'Fra c' }, { before: goals[3]?.id ?? '' });
    const late = new Y.Doc();
    for (const update of [...updates].reverse()) Y.applyUpdate(late, update);
    Y.applyUpdate(late, Y.encodeStateAsUpdate(c));
    Y.applyUpdate(late, Y.encodeStateAsUpdate(a));
    syncDocs([a, b, c]);
    const expected = JSON.stringify(planToJSON(a));
    for (const doc of [b, c, late]) expect(JSON.stringify(planToJSON(doc))).toBe(expected);
    expect(planToJSON(a).goals.map((goal) => goal.title)).toContain('Fra c');
  });

  it('drops links to goals deleted concurrently and flags evaluations of deleted targets', () => {
    const [a, b] = newDocs(2) as [Y.Doc, Y.Doc];
    const goal = addItem(a, 'goals', { title: 'Mål' });
    const measure = addItem(a, 'measures', { title: 'Tiltak' });
    syncDocs([a, b]);
    removeItem(a, 'goals', goal);
    setLinked(b, 'measures', measure, 'goalIds', goal, true);
    addItem(b, 'evaluations', { targetType: 'goal', targetId: goal, date: '2026-10-01' });
    addItem(b, 'evaluations', { targetType: 'measure', targetId: measure, date: '2026-10-02' });
    syncDocs([a, b]);
    const plan = planToJSON(a);
    expect(plan.measures[0]?.goalIds).toEqual([]);
    expect(plan.evaluations.map((evaluation) => evaluation.targetMissing)).toEqual([true, false]);
    expect(planToJSON(b)).toEqual(plan);
  });

  it('shows a delmål whose hovedmål was deleted concurrently as a hovedmål', () => {
    const [a, b] = newDocs(2) as [Y.Doc, Y.Doc];
    const main = addItem(a, 'goals', { title: 'Hovedmål' });
    syncDocs([a, b]);
    removeItem(a, 'goals', main);
    const orphan = addItem(b, 'goals', { title: 'Delmål', parentId: main });
    syncDocs([a, b]);
    expect(planToJSON(a).goals).toMatchObject([{ id: orphan, parentId: null }]);
  });

  it('resolves cycles and chains from concurrent moves the same way everywhere', () => {
    const [a, b] = newDocs(2) as [Y.Doc, Y.Doc];
    const x = addItem(a, 'goals', { title: 'x' });
    const y = addItem(a, 'goals', { title: 'y' });
    const z = addItem(a, 'goals', { title: 'z' });
    syncDocs([a, b]);
    updateItem(a, 'goals', x, { parentId: y });
    updateItem(b, 'goals', y, { parentId: x });
    updateItem(b, 'goals', z, { parentId: x });
    syncDocs([a, b]);
    // x -> y -> x is a cycle: neither parent is a hovedmål, so both show as hovedmål; z -> x likewise.
    expect(planToJSON(a).goals.map((goal) => goal.parentId)).toEqual([null, null, null]);
    expect(planToJSON(b)).toEqual(planToJSON(a));
    expect(listGoalTree(a)).toEqual([x, y, z].map((id) => ({ id, childIds: [] })));
    updateItem(a, 'goals', y, { parentId: null });
    expect(listGoalTree(a)).toEqual([
      { id: y, childIds: [x] },
      { id: z, childIds: [] },
    ]);
    expect(planToJSON(a).goals.map((goal) => [goal.id, goal.parentId])).toEqual([
      [y, null],
      [x, y],
      [z, null],
    ]);
  });

  it('reads malformed stored values as fallbacks instead of failing', () => {
    const doc = new Y.Doc();
    const goal = addItem(doc, 'goals', { title: 'Mål' });
    const item = getItemMap(doc, 'goals', goal);
    item?.set('status', 'ferdig');
    item?.set('targetDate', '31.12.2026');
    item?.set('title', 42);
    item?.set('description', 'not a fragment');
    getCollection(doc, 'goals').set('junk', 'not a map' as never);
    getMetaMap(doc).set('periodStart', 'i høst');
    const plan = planToJSON(doc);
    expect(plan.goals).toEqual([
      expect.objectContaining({ id: goal, status: 'ikke_startet', targetDate: null, title: '' }),
    ]);
    expect(plan.meta.periodStart).toBeNull();
    expect(plan.meta.title).toBe('');
  });

  it('reads a plan whose schema version was poisoned (before the server checked it) as what it can', () => {
    const doc = new Y.Doc();
    createPlanStructure(doc, { title: 'A', childName: 'B', createdAt: '2026-01-01T00:00:00.000Z' });
    getMetaMap(doc).set('schemaVersion', 2);
    expect(planToJSON(doc).meta).toMatchObject({ title: 'A', childName: 'B', schemaVersion: 1 });
  });

  it('reads rich text nested deeper than it can show without overflowing the stack', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      let element = new Y.XmlElement('blockquote');
      getPlanRichText(doc, 'about.child').insert(0, [element]);
      for (let i = 0; i < 20_000; i++) {
        const inner = new Y.XmlElement('blockquote');
        element.insert(0, [inner]);
        element = inner;
      }
    });
    expect(planToJSON(doc).about.child.content).toHaveLength(1);
  });

  it('sets meta only once', () => {
    const doc = new Y.Doc();
    expect(createPlanStructure(doc, { title: 'A', childName: 'B', createdAt: '2026-01-01T00:00:00.000Z' })).toBe(true);
    expect(createPlanStructure(doc, { title: 'C', childName: 'D', createdAt: '2026-01-02T00:00:00.000Z' })).toBe(false);
    expect(planToJSON(doc).meta).toMatchObject({ title: 'A', childName: 'B', schemaVersion: 1, coordinatorId: null });
  });
});
