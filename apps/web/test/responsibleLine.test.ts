import { describe, expect, it } from 'vitest';
import { responsibleLine } from '../src/items/responsibleLine.ts';

describe('responsibleLine', () => {
  it('says what was written and who was chosen, each once', () => {
    expect(responsibleLine('Rektor Solbakken skole', 'Marte Olsen')).toBe('Rektor Solbakken skole, Marte Olsen');
    expect(responsibleLine('Rektor Solbakken skole, Marte Olsen', 'Marte Olsen')).toBe(
      'Rektor Solbakken skole, Marte Olsen',
    );
    expect(responsibleLine('Fysioterapeut Lise Berg', 'lise berg')).toBe('Fysioterapeut Lise Berg');
    expect(responsibleLine('', 'Marte Olsen')).toBe('Marte Olsen');
    expect(responsibleLine('  Skolen ', null)).toBe('Skolen');
    expect(responsibleLine(null, undefined)).toBe('');
  });
});
