import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readUpdateEffect } from '../src/documents/updateEffect.ts';

/** The update `change` makes to a copy of `base`, as a peer would send it. */
function updateOn(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

const effectOn = (doc: Y.Doc, update: Uint8Array) => readUpdateEffect(doc, Y.decodeUpdate(update));

/** A plan with one goal whose title is a Y.Text, and a paragraph in about.child. */
function plan(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const goal = new Y.Map<unknown>();
    doc.getMap('goals').set('g1', goal);
    goal.set('title', new Y.Text('Gå selv'));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Emma liker å tegne.')]);
    doc.getXmlFragment('about.child').insert(0, [paragraph]);
  });
  return doc;
}

describe('readUpdateEffect: what an update would do, read before it is applied', () => {
  it('places typing inside a nested text by its origin, up to its top-level type, with its depth', () => {
    const doc = plan();
    const update = updateOn(doc, (d) =>
      ((d.getMap('goals').get('g1') as Y.Map<unknown>).get('title') as Y.Text).insert(7, ' til skolen'),
    );
    const effect = effectOn(doc, update);
    expect([...effect.roots]).toEqual(['goals']);
    expect(effect.depth).toBe(2);
    expect(effect.problem).toBeNull();
    expect(effect.noop).toBe(false);
  });

  it('places deletions by what they delete, and ignores what is deleted already', () => {
    const doc = plan();
    const update = updateOn(doc, (d) => {
      const text = (d.getXmlFragment('about.child').get(0) as Y.XmlElement).get(0) as Y.XmlText;
      text.delete(0, 5);
    });
    expect([...effectOn(doc, update).roots]).toEqual(['about.child']);
    Y.applyUpdate(doc, update);
    // The same delete set again (a returning peer's sync) does nothing.
    const again = effectOn(doc, update);
    expect(again.noop).toBe(true);
    expect([...again.roots]).toEqual([]);
  });

  it('names every top-level type a transaction touches', () => {
    const doc = plan();
    const update = updateOn(doc, (d) =>
      d.transact(() => {
        d.getMap('goals').delete('g1');
        d.getMap('meta').set('title', 'Ny tittel');
      }),
    );
    expect([...effectOn(doc, update).roots].sort()).toEqual(['goals', 'meta']);
  });

  it('refuses what it cannot place: a missing dependency, a deletion of nothing, a parent that is no type', () => {
    const doc = plan();
    // A peer that has more than the server: its next edit depends on a struct the server never got.
    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(doc));
    (ahead.getMap('goals').get('g1') as Y.Map<unknown>).set('status', 'pågår');
    const skipped = updateOn(ahead, (d) => (d.getMap('goals').get('g1') as Y.Map<unknown>).set('status', 'nådd'));
    expect(effectOn(doc, skipped).problem).toBe('MISSING_DEPENDENCY');

    // A delete set naming clocks of the plan's client far beyond what the document has.
    const foreign = new Y.Doc();
    foreign.clientID = doc.clientID;
    foreign.getText('x').insert(0, 'x'.repeat(200));
    foreign.getText('x').delete(0, 200);
    const { ds } = Y.decodeUpdate(Y.encodeStateAsUpdate(foreign));
    expect(readUpdateEffect(doc, { structs: [], ds }).problem).toBe('UNKNOWN_DELETION');

    // An item whose parent is a string item, not a shared type.
    const decodedPlan = Y.decodeUpdate(Y.encodeStateAsUpdate(doc));
    const textItem = decodedPlan.structs.find(
      (s): s is Y.Item => s instanceof Y.Item && s.content instanceof Y.ContentString,
    )!;
    const child = new Y.Item(
      Y.createID(424242, 0),
      null,
      null,
      null,
      null,
      textItem.id as unknown as Y.AbstractType<unknown>,
      null,
      new Y.ContentAny(['gift']),
    );
    expect(readUpdateEffect(doc, { structs: [child], ds: Y.createDeleteSet() }).problem).toBe('BAD_PARENT');
  });

  it('follows a chain of a hundred thousand references without overflowing the stack, and finds a cycle', () => {
    const doc = plan();
    const client = 777;
    const count = 100_000;
    // Each struct's origin is the next one; only the last names its parent, so placing the first walks them all.
    const structs: Y.Item[] = [];
    for (let clock = 0; clock < count; clock++) {
      const last = clock === count - 1;
      const origin = last ? null : Y.createID(client, clock + 1);
      const parent = last ? ('about.family' as unknown as Y.AbstractType<unknown>) : null;
      structs.push(
        new Y.Item(Y.createID(client, clock), null, origin, null, null, parent, null, new Y.ContentAny([1])),
      );
    }
    const effect = readUpdateEffect(doc, { structs, ds: Y.createDeleteSet() });
    expect(effect.problem).toBeNull();
    expect([...effect.roots]).toEqual(['about.family']);
    expect(effect.newStructs).toBe(count);

    const a = new Y.Item(Y.createID(5, 0), null, Y.createID(5, 1), null, null, null, null, new Y.ContentAny([1]));
    const b = new Y.Item(Y.createID(5, 1), null, Y.createID(5, 0), null, null, null, null, new Y.ContentAny([1]));
    expect(readUpdateEffect(doc, { structs: [a, b], ds: Y.createDeleteSet() }).problem).toBe('BAD_PARENT');
  });
});
