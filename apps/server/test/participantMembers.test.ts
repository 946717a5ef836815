import { describe, expect, it } from 'vitest';
import { participantMembers } from '../src/notifications/participantMembers.ts';

const members = [
  { userId: 'u-lise', name: 'Lise Lærer', email: 'lise.laerer@skole.example' },
  { userId: 'u-per', name: 'Per Fysio', email: 'per@helse.example' },
];
const participant = (id: string, name: string, contact: string) => ({ id, name, contact });

describe('participantMembers', () => {
  it('finds a member by the address in the contact text, wherever it stands, or else by name', () => {
    const found = participantMembers(
      [
        participant('p1', 'Kontaktlærer', 'Lise <Lise.Laerer@skole.example>; tlf. 99 99 99 99'),
        participant('p2', 'Fysioterapeut', 'e-post:per@helse.example.'),
        participant('p3', 'Per Fysio', 'ring sentralbordet'),
        participant('p4', 'Helsesykepleier', 'hilde@helse.example, kontor 2'),
        participant('p6', 'Fysio', 'per@helse.example/99 99 99 99'),
        participant('p7', 'Lærer', '«lise.laerer@skole.example»!'),
        participant('p5', 'Ukjent', 'noen@@helse.example noen@helse. @helse.example'),
      ],
      members,
    );
    expect(found).toEqual(
      new Map([
        ['p1', 'u-lise'],
        ['p2', 'u-per'],
        ['p3', 'u-per'],
        ['p6', 'u-per'],
        ['p7', 'u-lise'],
      ]),
    );
  });

  it('reads a contact text made to make a pattern backtrack in one pass', () => {
    const hostile = [
      '@'.repeat(100_000),
      `a@${'.a'.repeat(50_000)}!`,
      `${'.'.repeat(100_000)}a`,
      'x@y.'.repeat(25_000),
    ];
    expect(
      participantMembers(
        hostile.map((contact, i) => participant(`p${i}`, 'Ingen', contact)),
        members,
      ),
    ).toEqual(new Map());
  });
});
