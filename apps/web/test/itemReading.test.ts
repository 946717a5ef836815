import { addItem, createPlanStructure } from '@samplan/plan-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { PresenceIndex } from '../src/collab/PresenceIndex.ts';
import { presenceFromStates } from '../src/collab/presence.ts';
import { excerptOf } from '../src/items/ItemExcerpt.tsx';
import { fieldKeyOf } from '../src/planDoc/fieldKeyOf.ts';

describe('the reading view', () => {
  it('cuts a long text at a word, and leaves a short one whole', () => {
    expect(excerptOf('Emma  skal sykle', 280)).toBe('Emma skal sykle');
    // An agenda's points stay one to a line; empty lines and spaces around them go.
    expect(excerptOf('- Evaluering av svømming \n\n  - Avlastning   fra januar\n', 280)).toBe(
      '- Evaluering av svømming\n- Avlastning fra januar',
    );
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
      [
        3,
        { user: { id: 'u-ola', name: 'Ola', role: 'deltaker' }, item: 'goals:<b>x</b>', field: `${'x'.repeat(65)}:t` },
      ],
    ]);
    const people = presenceFromStates(states, 2);
    expect(people.map((p) => [p.name, p.role, p.item, p.field])).toEqual([
      ['Per', null, null, null],
      ['Kari', null, 'goals:g1', 'g1:title'],
      // What the app never sets is not taken as a place.
      ['Ola', 'deltaker', null, null],
    ]);
  });

  it('shares who is where, and hands a card the same list while its people stay the same', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const index = new PresenceIndex(awareness);
    let calls = 0;
    index.subscribe(() => (calls += 1));
    const set = (clientId: number, state: Record<string, unknown>): void => {
      awareness.getStates().set(clientId, state);
      awareness.emit('change', [{ added: [], updated: [clientId], removed: [] }, 'remote']);
    };
    set(11, { user: { id: 'u-kari', name: 'Kari', role: 'foresatt' }, item: 'goals:g1' });
    const atG1 = index.at('item', 'goals:g1');
    expect(atG1.map((p) => p.name)).toEqual(['Kari']);
    expect(index.at('item', 'goals:g2')).toEqual([]);
    // Someone else moves elsewhere: the list for g1 is the same array, so its card does not re-render.
    set(12, { user: { id: 'u-per', name: 'Per', role: 'deltaker' }, item: 'measures:m1', field: 'm1:title' });
    expect(index.at('item', 'goals:g1')).toBe(atG1);
    expect(index.at('field', 'm1:title').map((p) => p.name)).toEqual(['Per']);
    expect(calls).toBe(2);
    // I am never among the others.
    set(doc.clientID, { user: { id: 'u-me', name: 'Meg' }, item: 'goals:g1' });
    expect(index.at('item', 'goals:g1')).toBe(atG1);
    index.destroy();
    awareness.destroy();
  });
});
