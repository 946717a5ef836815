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

  it('refuses new structs that start past what the plan has of their client, which Yjs would hold back', () => {
    const doc = plan();
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
    const updates: Uint8Array[] = [];
    writer.on('update', (update: Uint8Array) => updates.push(update));
    writer.transact(() => writer.getMap('measures').set('m1', new Y.Map()));
    writer.transact(() => writer.getMap('measures').set('m2', new Y.Map()));
    // The second alone: its struct is placed by its parent (a top-level map) and refers to nothing missing, but the
    // first of its client never came, so Yjs would keep it pending and apply it unread once the first came.
    expect(effectOn(doc, updates[1]!).problem).toBe('CLOCK_GAP');
    // Merged with the first, or after it, it is read as usual; so is a merge whose gap lies within what the plan has.
    expect(effectOn(doc, Y.mergeUpdates(updates)).problem).toBeNull();
    Y.applyUpdate(doc, updates[0]!);
    expect(effectOn(doc, updates[1]!).problem).toBeNull();
    Y.applyUpdate(doc, updates[1]!);
    writer.transact(() => writer.getMap('measures').set('m3', new Y.Map()));
    expect(effectOn(doc, Y.mergeUpdates([updates[0]!, updates[2]!])).problem).toBeNull();
    // Skipping over a struct the plan lacks, within one merged update, is a gap too.
    writer.transact(() => writer.getMap('measures').set('m4', new Y.Map()));
    writer.transact(() => writer.getMap('measures').set('m5', new Y.Map()));
    expect(effectOn(doc, Y.mergeUpdates([updates[2]!, updates[4]!])).problem).toBe('CLOCK_GAP');
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

  describe("a struct the document has already is the document's, whatever the update says of it", () => {
    /** A plan with a title in meta and one measure (a map) in measures. */
    function planWithMeasure(): { doc: Y.Doc; title: Y.Item; measure: Y.Item } {
      const doc = new Y.Doc();
      doc.transact(() => {
        doc.getMap('meta').set('title', 'Individuell plan');
        doc.getMap('measures').set('m1', new Y.Map());
      });
      const title = (doc.getMap('meta') as unknown as { _map: Map<string, Y.Item> })._map.get('title')!;
      const measure = (doc.getMap('measures') as unknown as { _map: Map<string, Y.Item> })._map.get('m1')!;
      return { doc, title, measure };
    }
    const item = (id: Y.ID, fields: { origin?: Y.ID; parent?: Y.ID | string; parentSub?: string }, value: unknown) =>
      new Y.Item(
        id,
        null,
        fields.origin ?? null,
        null,
        null,
        (fields.parent ?? null) as unknown as Y.AbstractType<unknown>,
        fields.parentSub ?? null,
        new Y.ContentAny([value]),
      );

    it('a copy of an existing id claiming to be in a part the sender may write does not move what follows it', () => {
      const { doc, title, measure } = planWithMeasure();
      // The copy says the title's id lives in the measure; Yjs ignores the copy and puts the next item by the title.
      const copy = item(title.id, { parent: measure.id, parentSub: 'position' }, 'x');
      const next = item(Y.createID(987_654, 0), { origin: title.id }, 'Tittel skrevet av en deltaker');
      const effect = readUpdateEffect(doc, { structs: [copy, next], ds: Y.createDeleteSet() });
      expect(effect.problem).toBeNull();
      expect([...effect.roots]).toEqual(['meta']);
      expect(effect.writes).toMatchObject([{ root: 'meta', depth: 0, key: 'title' }]);
      expect(effect.newStructs).toBe(1);
    });

    it('nor what names it as its parent', () => {
      const { doc, measure } = planWithMeasure();
      const goal = new Y.Map<unknown>();
      doc.getMap('goals').set('g1', goal);
      const goalItem = (doc.getMap('goals') as unknown as { _map: Map<string, Y.Item> })._map.get('g1')!;
      const copy = new Y.Item(
        goalItem.id,
        null,
        null,
        null,
        null,
        measure.id as unknown as Y.AbstractType<unknown>,
        'notes',
        new Y.ContentType(new Y.Map()),
      );
      const child = item(Y.createID(987_654, 0), { parent: goalItem.id, parentSub: 'status' }, 'nådd');
      const effect = readUpdateEffect(doc, { structs: [copy, child], ds: Y.createDeleteSet() });
      expect([...effect.roots]).toEqual(['goals']);
      expect(effect.writes).toMatchObject([{ root: 'goals', depth: 1, key: 'status' }]);
    });

    it("a client's clocks written twice (two sections: Yjs keeps only the last) are refused", () => {
      const { doc, measure } = planWithMeasure();
      // Read as a plain value at responsibleId, applied as a Y.Text at title: what is checked is not what is applied.
      const decoy = item(Y.createID(555, 0), { parent: measure.id, parentSub: 'responsibleId' }, 'p1');
      const applied = new Y.Item(
        Y.createID(555, 0),
        null,
        null,
        null,
        null,
        measure.id as unknown as Y.AbstractType<unknown>,
        'title',
        new Y.ContentType(new Y.Text()),
      );
      const next = item(Y.createID(556, 0), { origin: Y.createID(555, 0) }, 'ikke en tekst');
      const effect = readUpdateEffect(doc, { structs: [decoy, applied, next], ds: Y.createDeleteSet() });
      expect(effect.problem).toBe('OVERLAPPING_STRUCTS');
    });

    /**
     * A client typing into the goal's title after the server's SyncStep1 (`before`): the first words reach the server
     * live, the next merge with them into one struct on the client, which the server then has in part.
     */
    function typedInTwoParts(): { server: Y.Doc; client: Y.Doc; before: Uint8Array } {
      const server = plan();
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      const title = () => (client.getMap('goals').get('g1') as Y.Map<unknown>).get('title') as Y.Text;
      const before = Y.encodeStateVector(client);
      title().insert(7, ' til');
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client, before));
      title().insert(11, ' skolen');
      return { server, client, before };
    }

    it('a struct the server has in part (typing merged on the client) goes where its known part is', () => {
      const { server, client, before } = typedInTwoParts();
      // The client's typing is one struct now; the server has its first part.
      const merged = Y.encodeStateAsUpdate(client, before);
      const decoded = Y.decodeUpdate(merged);
      const own = decoded.structs.filter((s) => s.id.client === client.clientID);
      expect(own).toHaveLength(1);
      expect(own[0]!.length).toBe(11);
      const effect = readUpdateEffect(server, decoded);
      expect(effect.problem).toBeNull();
      expect([...effect.roots]).toEqual(['goals']);
      expect(effect.depth).toBe(2);
    });

    it('a struct the server has in part, in a goal deleted meanwhile, passes: Yjs collects its new part', () => {
      const { server, client, before } = typedInTwoParts();
      server.getMap('goals').delete('g1');
      const step2 = Y.encodeStateAsUpdate(client, before);
      const effect = readUpdateEffect(server, Y.decodeUpdate(step2));
      expect(effect.problem).toBeNull();
      Y.applyUpdate(server, step2);
      expect(server.getMap('goals').has('g1')).toBe(false);
    });

    it('a struct the server has in part that claims another place for its new part is refused', () => {
      const { doc } = planWithMeasure();
      const writer = new Y.Doc();
      writer.clientID = 4242;
      Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc));
      writer.getText('about.family').insert(0, 'ab');
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(doc)));
      // Clocks 0-1 are in about.family; the same struct again, three long, now says it is in meta.
      const forged = new Y.Item(
        Y.createID(4242, 0),
        null,
        null,
        null,
        null,
        'meta' as unknown as Y.AbstractType<unknown>,
        'title',
        new Y.ContentString('abc'),
      );
      const effect = readUpdateEffect(doc, { structs: [forged], ds: Y.createDeleteSet() });
      expect(effect.problem).toBe('BAD_PARENT');
    });
  });
});
