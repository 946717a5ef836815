import { addItem, createPlanStructure } from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { presenceFromStates } from '../src/collab/presence.ts';
import { excerptOf } from '../src/items/ItemExcerpt.tsx';
import { fieldKeyOf } from '../src/planDoc/fieldKeyOf.ts';

describe('the reading view', () => {
  it('cuts a long text at a word, and leaves a short one whole', () => {
    expect(excerptOf('Emma  skal\nsykle', 280)).toBe('Emma skal sykle');
    const long = 'ord '.repeat(100);
    const short = excerptOf(long, 20);
    expect(short.endsWith(' …')).toBe(true);
    expect(short.length).toBeLessThanOrEqual(22);
    expect(short).not.toMatch(/or …$/);
  });

  it('names a field alike on every peer, from its shared type', () => {
    const doc = new Y.Doc();
    createPlanStructure(doc, { title: 'Plan', childName: 'Emma', createdAt: '2026-12-07T10:00:00.000Z' });
    const id = addItem(doc, 'goals', { title: 'Sykle' });
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const title = (doc.getMap('goals').get(id) as Y.Map<unknown>).get('title') as Y.Text;
    const titleThere = (other.getMap('goals').get(id) as Y.Map<unknown>).get('title') as Y.Text;
    expect(fieldKeyOf(title)).toBe(`${id}:title`);
    expect(fieldKeyOf(titleThere)).toBe(fieldKeyOf(title));
    expect(fieldKeyOf(doc.getMap('goals'))).toBeNull();
  });

  it('reads which item and field each person has open from their presence', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'u-kari', name: 'Kari', color: '#1f5fa8' }, item: 'goals:g1', field: 'g1:title' }],
      [2, { user: { id: 'u-per', name: 'Per', color: '#a3294a' }, item: 7, field: null }],
    ]);
    const people = presenceFromStates(states, 2);
    expect(people.map((p) => [p.name, p.item, p.field])).toEqual([
      ['Per', null, null],
      ['Kari', 'goals:g1', 'g1:title'],
    ]);
  });
});
