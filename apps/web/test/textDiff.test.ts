import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextChange } from '../src/collab/applyTextChange.ts';
import { applyChangeToString, diffText, transformPosition } from '../src/collab/textDiff.ts';
import { mulberry32 } from '@samplan/plan-model';

describe('diffText', () => {
  it('returns null when nothing changed', () => {
    expect(diffText('Emma', 'Emma', 4)).toBeNull();
  });

  it('inserts where the caret is, even inside a run of the same letter', () => {
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('deletes at the caret for Backspace and Delete', () => {
    // "abba" → Backspace after the first b (caret 2 → 1)
    expect(diffText('abba', 'aba', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    // Delete at caret 2 removes the second b
    expect(diffText('abba', 'aba', 2)).toEqual({ index: 2, remove: 1, insert: '' });
  });

  it('replaces a selection with what was typed', () => {
    expect(diffText('Kari Nilsen', 'Jonas Nilsen', 5)).toEqual({ index: 0, remove: 4, insert: 'Jonas' });
  });

  it('handles paste over a selection in the middle', () => {
    const change = diffText('2 ganger i uken', '3 timer i uken', 7);
    expect(change).not.toBeNull();
    expect(applyChangeToString('2 ganger i uken', change!)).toBe('3 timer i uken');
  });

  it('never splits an emoji (surrogate pair)', () => {
    const before = 'Mål 😀';
    const after = 'Mål 😃';
    const change = diffText(before, after, after.length)!;
    expect(change.insert).toBe('😃');
    expect(change.remove).toBe(2);
  });

  it('turns any edit into a change that reproduces it', () => {
    const random = mulberry32(42);
    const alphabet = 'aab cæøå😀\n';
    const randomText = (n: number): string =>
      Array.from({ length: n }, () => [...alphabet][Math.floor(random() * [...alphabet].length)]).join('');
    for (let i = 0; i < 2000; i++) {
      const before = randomText(Math.floor(random() * 12));
      const start = Math.floor(random() * (before.length + 1));
      const end = start + Math.floor(random() * (before.length - start + 1));
      const typed = randomText(Math.floor(random() * 4));
      const after = before.slice(0, start) + typed + before.slice(end);
      const caret = random() < 0.8 ? start + typed.length : null;
      const change = diffText(before, after, caret);
      if (before === after) {
        expect(change).toBeNull();
        continue;
      }
      expect(applyChangeToString(before, change!)).toBe(after);
    }
  });
});

describe('transformPosition', () => {
  it('moves a caret after text inserted before it', () => {
    expect(transformPosition(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
  });

  it('keeps a caret in place for text inserted exactly at it or after it', () => {
    expect(transformPosition(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(transformPosition(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
  });

  it('pulls a caret back over deleted text, and to the start of a deletion that covers it', () => {
    expect(transformPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 3 }, { delete: 5 }])).toBe(3);
  });
});

describe('binding an input to a Y.Text', () => {
  it('keeps both people’s typing when they edit the same field at once', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const textA = docA.getText('title');
    const textB = docB.getText('title');
    textA.insert(0, 'Gå i trapp');
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));

    // A types at the end, B at the start, each from their own input value.
    const typeInto = (text: Y.Text, value: string, caret: number): void => {
      const change = diffText(text.toString(), value, caret);
      if (change) applyTextChange(text, change);
    };
    typeInto(textA, 'Gå i trapp med støtte', 'Gå i trapp med støtte'.length);
    typeInto(textB, 'Emma: Gå i trapp', 6);
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB));
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    expect(textA.toString()).toBe('Emma: Gå i trapp med støtte');
    expect(textB.toString()).toBe(textA.toString());
  });

  it('keeps my caret where I was typing when a remote change arrives', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'hello world');
    let delta: unknown = null;
    text.observe((event) => {
      delta = event.delta;
    });
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    remote.getText('t').insert(0, '>> ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    // My caret was after "hello" (5): it now sits after "hello" again.
    const caret = transformPosition(5, delta as never);
    expect(text.toString().slice(0, caret)).toBe('>> hello');
  });
});
