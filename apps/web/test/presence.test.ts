import { describe, expect, it } from 'vitest';
import { presenceFromStates } from '../src/collab/presence.ts';
import { USER_COLORS, userColor } from '@samplan/protocol';

describe('presence', () => {
  it('lists me first, then the others by name, one entry per person', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: { id: 'u-kari', name: 'Kari', color: '#1f5fa8' }, section: 'mal' }],
      [2, { user: { id: 'u-sofie', name: 'Sofie', color: '#a3294a' }, section: 'tiltak' }],
      [3, { user: { id: 'u-ahmed', name: 'Ahmed', color: '#2b6b2e' }, section: null }],
      [4, { user: { id: 'u-sofie', name: 'Sofie', color: '#a3294a' }, section: 'moter' }],
      [5, {}],
    ]);
    const people = presenceFromStates(states, 1);
    expect(people.map((p) => [p.name, p.section, p.isMe])).toEqual([
      ['Kari', 'mal', true],
      ['Ahmed', null, false],
      ['Sofie', 'moter', false],
    ]);
  });

  it('gives each user a stable colour from the palette', () => {
    expect(userColor('abc')).toBe(userColor('abc'));
    expect(USER_COLORS).toContain(userColor('someone'));
  });
});
