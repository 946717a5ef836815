import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { presenceState } from '../src/collab/presenceState.ts';

describe('presenceState', () => {
  it('keeps where a peer is and its caret, as the editor writes them', () => {
    const doc = new Y.Doc();
    const text = doc.getXmlFragment('about.child');
    text.insert(0, [new Y.XmlText('Emma liker musikk')]);
    const anchor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text.get(0) as Y.XmlText, 3));
    const head = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 0, -1));
    const state = { section: 'omBarnet', item: 'goals:g1', field: 'g1:title', cursor: { anchor, head } };
    expect(presenceState({ ...state, user: { name: 'Noen andre' } })).toEqual(state);
    // Each end of a caret kept can be placed in the document by every peer's editor.
    for (const end of [anchor, head]) {
      expect(() =>
        Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(end), doc),
      ).not.toThrow();
    }
    expect(presenceState({ section: null, item: null, field: null, cursor: null })).toEqual({
      section: null,
      item: null,
      field: null,
      cursor: null,
    });
  });

  it('drops what the web app does not write, or writes in another shape', () => {
    expect(
      presenceState({
        cursor: {},
        section: 42,
        item: 'x'.repeat(201),
        field: '',
        evil: '<script>',
        __proto__: { polluted: true },
      }),
    ).toEqual({});
    for (const cursor of [
      { anchor: {}, head: null },
      // Each end names nothing to be placed at: every peer's editor threw on it.
      { anchor: {}, head: {} },
      { anchor: { assoc: 0 }, head: { tname: null, item: null, type: null } },
      { anchor: { type: { client: -1, clock: 0 } }, head: {} },
      { anchor: { item: { client: 1 } }, head: {} },
      { anchor: { assoc: 0.5 }, head: {} },
      { anchor: [], head: {} },
      'hit',
    ]) {
      expect(presenceState({ cursor }), JSON.stringify(cursor)).toEqual({});
    }
  });
});
