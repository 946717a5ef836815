import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffSegment } from '../src/history/wordDiff.ts';

const side = (segments: DiffSegment[], kind: 'added' | 'removed') =>
  segments
    .filter((s) => s.kind !== kind)
    .map((s) => s.text)
    .join('');

describe('wordDiff', () => {
  it('marks the words added and removed, and gives back both texts exactly', () => {
    const before = 'Emma skal gå selv med rollator i skolebygget.';
    const after = 'Emma skal gå selv uten rollator i hele skolebygget.';
    const diff = wordDiff(before, after);
    expect(diff).toEqual([
      { kind: 'same', text: 'Emma skal gå selv ' },
      { kind: 'removed', text: 'med' },
      { kind: 'added', text: 'uten' },
      { kind: 'same', text: ' rollator i' },
      { kind: 'added', text: ' hele' },
      { kind: 'same', text: ' skolebygget.' },
    ]);
    expect(side(diff, 'added')).toBe(before);
    expect(side(diff, 'removed')).toBe(after);
  });

  it('handles empty texts, unchanged texts and lines', () => {
    expect(wordDiff('', 'Ny tekst')).toEqual([{ kind: 'added', text: 'Ny tekst' }]);
    expect(wordDiff('Borte', '')).toEqual([{ kind: 'removed', text: 'Borte' }]);
    expect(wordDiff('Lik\ntekst', 'Lik\ntekst')).toEqual([{ kind: 'same', text: 'Lik\ntekst' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('shows a very long rewrite as replaced whole, and still exactly', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const diff = wordDiff(before, after);
    expect(side(diff, 'added')).toBe(before);
    expect(side(diff, 'removed')).toBe(after);
  });
});
