import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { setText } from '../src/index.ts';
import { newDocs, syncDocs } from './helpers/syncDocs.ts';

const textWith = (value: string): Y.Text => {
  const doc = new Y.Doc();
  const text = doc.getText('t');
  text.insert(0, value);
  return text;
};

const deltaOf = (text: Y.Text, value: string): unknown[] => {
  let delta: unknown[] = [];
  const observer = (event: Y.YTextEvent): void => {
    delta = event.delta;
  };
  text.observe(observer);
  setText(text, value);
  text.unobserve(observer);
  return delta;
};

describe('setText', () => {
  it('applies only the changed middle', () => {
    const text = textWith('Gå i trapp');
    expect(deltaOf(text, 'Gå alene i trapp')).toEqual([{ retain: 3 }, { insert: 'alene ' }]);
    expect(text.toString()).toBe('Gå alene i trapp');
    expect(deltaOf(text, 'Gå i trapp')).toEqual([{ retain: 3 }, { delete: 6 }]);
    expect(deltaOf(text, 'Gå i heis')).toEqual([{ retain: 5 }, { delete: 5 }, { insert: 'heis' }]);
  });

  it('handles empty strings and repeated characters', () => {
    const text = textWith('');
    setText(text, 'aaa');
    expect(text.toString()).toBe('aaa');
    expect(deltaOf(text, 'aaaa')).toEqual([{ retain: 3 }, { insert: 'a' }]);
    setText(text, '');
    expect(text.toString()).toBe('');
  });

  it('writes nothing when the value is unchanged', () => {
    const text = textWith('Samme');
    let updates = 0;
    text.doc?.on('update', () => updates++);
    setText(text, 'Samme');
    expect(updates).toBe(0);
  });

  it('writes one update per call', () => {
    const text = textWith('abc');
    let updates = 0;
    text.doc?.on('update', () => updates++);
    setText(text, 'xbz');
    expect(updates).toBe(1);
    expect(text.toString()).toBe('xbz');
  });

  it('never splits a surrogate pair', () => {
    const text = textWith('Mål 😀!');
    const delta = deltaOf(text, 'Mål 😁!');
    expect(text.toString()).toBe('Mål 😁!');
    expect(delta).toEqual([{ retain: 4 }, { delete: 2 }, { insert: '😁' }]);
    const other = textWith('😀😀');
    setText(other, '😀');
    expect(other.toString()).toBe('😀');
  });

  it('replaces lone surrogates, which would not survive the UTF-8 trip to other peers', () => {
    const text = textWith('');
    setText(text, 'a\ud83db\ude00');
    expect(text.toString()).toBe('a\ufffdb\ufffd');
  });

  it('lets concurrent edits in different parts of a title merge', () => {
    const [a, b] = newDocs(2) as [Y.Doc, Y.Doc];
    a.getText('title').insert(0, 'Emma skal gå med rollator');
    syncDocs([a, b]);
    setText(a.getText('title'), 'Emma skal gå selv med rollator');
    setText(b.getText('title'), 'Emma skal gå med rollator i hele skolen');
    syncDocs([a, b]);
    expect(a.getText('title').toString()).toBe('Emma skal gå selv med rollator i hele skolen');
    expect(b.getText('title').toString()).toBe(a.getText('title').toString());
  });
});
