import { describe, expect, it } from 'vitest';
import { nameError } from '../src/auth/nameError.ts';
import { nb } from '../src/i18n/index.ts';

describe('nameError: the name field of a new account, by the rule the server keeps', () => {
  it('asks for a name, on one line, without a web address', () => {
    expect(nameError('   ')).toBe(nb.auth.required);
    expect(nameError('Kari\nNilsen')).toBe(nb.auth.nameOneLine);
    expect(nameError('Kari Nilsen, se https://eksempel.no')).toBe(nb.auth.nameNoLink);
    expect(nameError('Logg inn på samplan-login.no')).toBe(nb.auth.nameNoLink);
    // Nor with a dot from another script, nor with an invisible character hiding the dot.
    expect(nameError('Logg inn på samplan-login．no')).toBe(nb.auth.nameNoLink);
    expect(nameError('Logg inn på samplan-login\u200b.no')).toBe(nb.auth.nameOneLine);
  });

  it('takes ordinary names, with initials, hyphens, apostrophes and titles', () => {
    for (const name of [' Kari Nilsen ', 'K.A. Nilsen', 'Åse Ødegård-Hansen', "Siobhán O'Brien", 'Dr. Ola Nordmann'])
      expect(nameError(name), name).toBeNull();
  });
});
