import { describe, expect, it } from 'vitest';
import { meetingVersionName, revisionVersionName } from '../src/index.ts';

describe('the names versions get from what happened in them', () => {
  it('names a meeting by its title and date, the default title when it has none', () => {
    expect(meetingVersionName('Oppstartsmøte', '2026-12-10')).toBe('Oppstartsmøte (10.12.2026)');
    expect(meetingVersionName('  ', '2026-12-10')).toBe('Ansvarsgruppemøte (10.12.2026)');
    expect(meetingVersionName('Oppstartsmøte', null)).toBe('Oppstartsmøte');
    expect(meetingVersionName('Oppstartsmøte', '10.12.2026')).toBe('Oppstartsmøte');
  });

  it('names a revision by its date', () => {
    expect(revisionVersionName('2027-03-01')).toBe('Revisjon 01.03.2027');
  });
});
