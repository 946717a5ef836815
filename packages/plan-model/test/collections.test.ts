import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addItem,
  getCollection,
  getItemMap,
  getMetaMap,
  getRichText,
  getText,
  listItemIds,
  moveItem,
  PlanModelError,
  planToJSON,
  readItemField,
  removeItem,
  setLinked,
  updateItem,
  updateMeta,
} from '../src/index.ts';
import { newDocs, syncDocs } from './helpers/syncDocs.ts';

const countUpdates = (doc: Y.Doc, write: () => void): number => {
  let updates = 0;
  const onUpdate = (): void => {
    updates++;
  };
  doc.on('update', onUpdate);
  write();
  doc.off('update', onUpdate);
  return updates;
};

const reason = (write: () => unknown): string | undefined => {
  try {
    write();
  } catch (error) {
    if (error instanceof PlanModelError) return error.reason;
    throw error;
  }
  return undefined;
};

describe('addItem', () => {
  it('creates every field, with nested types for texts, rich texts and id sets, in one update', () => {
    const doc = new Y.Doc();
    let id = '';
    expect(countUpdates(doc, () => (id = addItem(doc, 'measures', { title: 'Fysioterapi', scope: '2 i uken' })))).toBe(
      1,
    );
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const item = getItemMap(doc, 'measures', id);
    expect(item?.get('id')).toBe(id);
    expect(typeof item?.get('position')).toBe('string');
    expect(item?.get('title')).toBeInstanceOf(Y.Text);
    expect(item?.get('implementation')).toBeInstanceOf(Y.XmlFragment);
    expect(item?.get('goalIds')).toBeInstanceOf(Y.Map);
    expect(item?.get('status')).toBe('ikke_startet');
    expect(item?.get('targetsFamily')).toBe(false);
    expect(item?.get('responsibleId')).toBeNull();
    expect(getText(doc, 'measures', id, 'title')?.toString()).toBe('Fysioterapi');
  });

  it('appends by default and inserts before or after a given item', () => {
    const doc = new Y.Doc();
    const a = addItem(doc, 'tasks', { title: 'a' });
    const c = addItem(doc, 'tasks', { title: 'c' });
    const b = addItem(doc, 'tasks', { title: 'b' }, { after: a });
    const first = addItem(doc, 'tasks', { title: 'first' }, { before: a });
    const last = addItem(doc, 'tasks', { title: 'last' }, { after: c });
    expect(listItemIds(doc, 'tasks')).toEqual([first, a, b, c, last]);
  });

  it('rejects invalid values before writing anything', () => {
    const doc = new Y.Doc();
    let why: string | undefined;
    const updates = countUpdates(doc, () => {
      why = reason(() => addItem(doc, 'goals', { title: 'x', status: 'ferdig' as never }));
    });
    expect(why).toBe('INVALID_VALUE');
    expect(updates).toBe(0);
    expect(reason(() => addItem(doc, 'goals', { targetDate: '20.06.2027' }))).toBe('INVALID_VALUE');
    expect(reason(() => addItem(doc, 'goals', { nonsense: 1 } as never))).toBe('UNKNOWN_FIELD');
    expect(reason(() => addItem(doc, 'nonsense' as never, {}))).toBe('UNKNOWN_COLLECTION');
    expect(reason(() => addItem(doc, 'tasks', { responsibleId: 'missing' }))).toBe('ITEM_NOT_FOUND');
    expect(reason(() => addItem(doc, 'measures', { goalIds: ['missing'] }))).toBe('ITEM_NOT_FOUND');
    expect(reason(() => addItem(doc, 'tasks', {}, { after: 'missing' }))).toBe('ITEM_NOT_FOUND');
    expect(getCollection(doc, 'goals').size).toBe(0);
  });

  it('replaces lone surrogates in every string it writes, since they would not survive the trip to other peers', () => {
    const doc = new Y.Doc();
    const lone = 'a\ud83d';
    addItem(doc, 'goals', { title: lone, description: lone, createdAt: lone });
    updateMeta(doc, { title: lone });
    const plan = planToJSON(doc);
    expect(plan.goals[0]).toMatchObject({ title: 'a\ufffd', createdAt: 'a\ufffd' });
    expect(plan.goals[0]?.description.content[0]?.content?.[0]?.text).toBe('a\ufffd');
    expect(plan.meta.title).toBe('a\ufffd');
  });

  it('accepts rich text as ProseMirror JSON or as plain lines', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, 'goals', { title: 'Svømme', description: 'Første linje\nAndre linje' });
    expect(planToJSON(doc).goals[0]?.description).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Første linje' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Andre linje' }] },
      ],
    });
    expect(getRichText(doc, 'goals', id, 'description')?.length).toBe(2);
  });
});

describe('goal hierarchy', () => {
  it('allows delmål only under a hovedmål', () => {
    const doc = new Y.Doc();
    const main = addItem(doc, 'goals', { title: 'Hovedmål' });
    const sub = addItem(doc, 'goals', { title: 'Delmål', parentId: main });
    const other = addItem(doc, 'goals', { title: 'Annet hovedmål' });
    expect(reason(() => addItem(doc, 'goals', { parentId: sub }))).toBe('INVALID_PARENT');
    expect(reason(() => addItem(doc, 'goals', { parentId: 'missing' }))).toBe('INVALID_PARENT');
    expect(reason(() => updateItem(doc, 'goals', main, { parentId: main }))).toBe('INVALID_PARENT');
    expect(reason(() => updateItem(doc, 'goals', main, { parentId: other }))).toBe('INVALID_PARENT');
    updateItem(doc, 'goals', sub, { parentId: other });
    expect(planToJSON(doc).goals.map((goal) => [goal.id, goal.parentId])).toEqual([
      [main, null],
      [other, null],
      [sub, other],
    ]);
    updateItem(doc, 'goals', main, { parentId: other });
    updateItem(doc, 'goals', sub, { parentId: null });
    expect(planToJSON(doc).goals.map((goal) => [goal.id, goal.parentId])).toEqual([
      [sub, null],
      [other, null],
      [main, other],
    ]);
  });

  it('removes a hovedmål together with its delmål and the links to them, in one update', () => {
    const doc = new Y.Doc();
    const main = addItem(doc, 'goals', { title: 'Hovedmål' });
    const sub = addItem(doc, 'goals', { title: 'Delmål', parentId: main });
    const keep = addItem(doc, 'goals', { title: 'Annet' });
    const measure = addItem(doc, 'measures', { title: 'Tiltak', goalIds: [main, sub, keep] });
    const evaluation = addItem(doc, 'evaluations', { targetType: 'goal', targetId: sub });
    let removed: string[] = [];
    expect(countUpdates(doc, () => (removed = removeItem(doc, 'goals', main)))).toBe(1);
    expect(removed.sort()).toEqual([main, sub].sort());
    expect(listItemIds(doc, 'goals')).toEqual([keep]);
    expect([...(getItemMap(doc, 'measures', measure)?.get('goalIds') as Y.Map<true>).keys()]).toEqual([keep]);
    expect(planToJSON(doc).evaluations).toMatchObject([{ id: evaluation, targetId: sub, targetMissing: true }]);
    expect(removeItem(doc, 'goals', main)).toEqual([]);
  });

  it('clears references to a removed participant, including the coordinator', () => {
    const doc = new Y.Doc();
    const sofie = addItem(doc, 'participants', { name: 'Sofie', role: 'koordinator' });
    const task = addItem(doc, 'tasks', { title: 'Ring', responsibleId: sofie });
    const meeting = addItem(doc, 'meetings', { participantIds: [sofie] });
    updateMeta(doc, { coordinatorId: sofie });
    removeItem(doc, 'participants', sofie);
    expect(getItemMap(doc, 'tasks', task)?.get('responsibleId')).toBeNull();
    expect((getItemMap(doc, 'meetings', meeting)?.get('participantIds') as Y.Map<true>).size).toBe(0);
    expect(getMetaMap(doc).has('coordinatorId')).toBe(false);
  });
});

describe('updateItem', () => {
  it('diffs short texts into the existing Y.Text and keeps nested types', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, 'goals', { title: 'Gå i trapp' });
    const title = getText(doc, 'goals', id, 'title');
    const description = getRichText(doc, 'goals', id, 'description');
    updateItem(doc, 'goals', id, { title: 'Gå i trapp alene', status: 'pagar', targetDate: '2027-05-01' });
    expect(getText(doc, 'goals', id, 'title')).toBe(title);
    expect(getRichText(doc, 'goals', id, 'description')).toBe(description);
    expect(title?.toString()).toBe('Gå i trapp alene');
    expect(getItemMap(doc, 'goals', id)?.get('status')).toBe('pagar');
    expect(reason(() => updateItem(doc, 'goals', 'missing', { status: 'pagar' }))).toBe('ITEM_NOT_FOUND');
  });

  it('reads single fields as planToJSON does', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, 'goals', { title: 'Mål', status: 'pagar' });
    const item = getItemMap(doc, 'goals', id)!;
    expect(readItemField(item, 'goals', 'title')).toBe('Mål');
    expect(readItemField(item, 'goals', 'status')).toBe('pagar');
    item.set('status', 'ferdig');
    expect(readItemField(item, 'goals', 'status')).toBe('ikke_startet');
    expect(readItemField(item, 'goals', 'description')).toEqual({ type: 'doc', content: [] });
  });

  it('writes nothing for a patch that changes nothing', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, 'tasks', { title: 'Ring', done: false });
    expect(countUpdates(doc, () => updateItem(doc, 'tasks', id, { title: 'Ring', done: false }))).toBe(0);
  });

  it('sets an id set to exactly the given ids', () => {
    const doc = new Y.Doc();
    const [g1, g2, g3] = ['1', '2', '3'].map((title) => addItem(doc, 'goals', { title })) as [string, string, string];
    const id = addItem(doc, 'measures', { goalIds: [g1, g2] });
    updateItem(doc, 'measures', id, { goalIds: [g2, g3, g3] });
    expect(planToJSON(doc).measures[0]?.goalIds).toEqual([g2, g3]);
  });
});

describe('moveItem', () => {
  it('reorders by rewriting only the moved item position', () => {
    const doc = new Y.Doc();
    const [a, b, c] = ['a', 'b', 'c'].map((title) => addItem(doc, 'services', { name: title })) as [
      string,
      string,
      string,
    ];
    const positionOfA = getItemMap(doc, 'services', a)?.get('position');
    moveItem(doc, 'services', c, { before: a });
    expect(listItemIds(doc, 'services')).toEqual([c, a, b]);
    moveItem(doc, 'services', c, { after: b });
    expect(listItemIds(doc, 'services')).toEqual([a, b, c]);
    moveItem(doc, 'services', a, {});
    expect(listItemIds(doc, 'services')).toEqual([b, c, a]);
    moveItem(doc, 'services', a, { after: a });
    expect(listItemIds(doc, 'services')).toEqual([b, c, a]);
    expect(getItemMap(doc, 'services', a)?.get('position')).not.toBe(positionOfA);
    expect(reason(() => moveItem(doc, 'services', 'missing', {}))).toBe('ITEM_NOT_FOUND');
  });

  it('orders concurrent inserts at the same spot by id, and can insert between them afterwards', () => {
    const [x, y] = newDocs(2) as [Y.Doc, Y.Doc];
    const first = addItem(x, 'goals', { title: 'først' });
    syncDocs([x, y]);
    const fromX = addItem(x, 'goals', { title: 'x' }, { after: first });
    const fromY = addItem(y, 'goals', { title: 'y' }, { after: first });
    syncDocs([x, y]);
    const tied = [fromX, fromY].sort();
    expect(getItemMap(x, 'goals', fromX)?.get('position')).toBe(getItemMap(x, 'goals', fromY)?.get('position'));
    expect(listItemIds(x, 'goals')).toEqual([first, ...tied]);
    expect(listItemIds(y, 'goals')).toEqual(listItemIds(x, 'goals'));
    const between = addItem(x, 'goals', { title: 'mellom' }, { after: tied[0] as string });
    expect(listItemIds(x, 'goals')).toEqual([first, tied[0], between, tied[1]]);
    const before = addItem(x, 'goals', { title: 'foran' }, { before: tied[1] as string });
    expect(listItemIds(x, 'goals')).toEqual([first, tied[0], between, before, tied[1]]);
  });

  it('renumbers when a peer wrote a corrupt position', () => {
    const doc = new Y.Doc();
    const a = addItem(doc, 'tasks', { title: 'a' });
    const b = addItem(doc, 'tasks', { title: 'b' });
    getItemMap(doc, 'tasks', b)?.set('position', 'not a key');
    expect(listItemIds(doc, 'tasks')).toEqual([a, b]);
    const c = addItem(doc, 'tasks', { title: 'c' }, { before: b });
    expect(listItemIds(doc, 'tasks')).toEqual([a, c, b]);
  });
});

describe('setLinked', () => {
  it('links and unlinks idempotently', () => {
    const doc = new Y.Doc();
    const goal = addItem(doc, 'goals', { title: 'Mål' });
    const measure = addItem(doc, 'measures', { title: 'Tiltak' });
    setLinked(doc, 'measures', measure, 'goalIds', goal, true);
    expect(countUpdates(doc, () => setLinked(doc, 'measures', measure, 'goalIds', goal, true))).toBe(0);
    expect(planToJSON(doc).measures[0]?.goalIds).toEqual([goal]);
    setLinked(doc, 'measures', measure, 'goalIds', goal, false);
    expect(planToJSON(doc).measures[0]?.goalIds).toEqual([]);
    expect(reason(() => setLinked(doc, 'measures', measure, 'goalIds', 'missing', true))).toBe('ITEM_NOT_FOUND');
    expect(reason(() => setLinked(doc, 'measures', measure, 'title' as never, goal, true))).toBe('UNKNOWN_FIELD');
  });

  it('keeps one link when two peers add the same link concurrently', () => {
    const [x, y] = newDocs(2) as [Y.Doc, Y.Doc];
    const goal = addItem(x, 'goals', { title: 'Mål' });
    const measure = addItem(x, 'measures', { title: 'Tiltak' });
    syncDocs([x, y]);
    setLinked(x, 'measures', measure, 'goalIds', goal, true);
    setLinked(y, 'measures', measure, 'goalIds', goal, true);
    syncDocs([x, y]);
    expect(planToJSON(x).measures[0]?.goalIds).toEqual([goal]);
    expect(planToJSON(y)).toEqual(planToJSON(x));
  });
});

describe('getText and getRichText', () => {
  it('return the live shared types, or undefined when the item is gone', () => {
    const doc = new Y.Doc();
    const id = addItem(doc, 'meetings', { title: 'Møte' });
    const agenda = getRichText(doc, 'meetings', id, 'agenda');
    expect(agenda).toBeInstanceOf(Y.XmlFragment);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Oppstart')]);
    agenda?.insert(0, [paragraph]);
    getText(doc, 'meetings', id, 'title')?.insert(4, ' 1');
    const meeting = planToJSON(doc).meetings[0];
    expect(meeting?.title).toBe('Møte 1');
    expect(meeting?.agenda.content).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'Oppstart' }] }]);
    removeItem(doc, 'meetings', id);
    expect(getText(doc, 'meetings', id, 'title')).toBeUndefined();
    expect(getRichText(doc, 'meetings', id, 'agenda')).toBeUndefined();
  });
});
