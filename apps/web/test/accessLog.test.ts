import { describe, expect, it } from 'vitest';
import type { AccessLogAction, AccessLogEntry } from '@samplan/api';
import { describeLogEntry, describeLogLines, namesOf, withoutDoubleOpens } from '../src/sharing/describeLogEntry.ts';

let seq = 0;
const entry = (
  action: AccessLogAction,
  details: Record<string, unknown> = {},
  actor: AccessLogEntry['actor'] = kari,
  at = '2026-11-23T10:00:00.000Z',
): AccessLogEntry => ({
  seq: ++seq,
  at,
  actor,
  action,
  details,
  hash: 'h',
});
const kari = { userId: 'u-kari', name: 'Kari Nilsen' };
const ola = { userId: 'u-ola', name: 'Ola Hansen' };

describe('the innsynslogg in plain Norwegian', () => {
  const log = [
    entry('plan.created', { role: 'koordinator', demo: false }, ola),
    entry(
      'member.invited',
      { inviteId: 'i1', email: 'kari@eksempel.no', role: 'foresatt', membershipEndsAt: null },
      ola,
    ),
    entry('invite.accepted', {
      inviteId: 'i1',
      email: 'kari@eksempel.no',
      accountEmail: 'kari@eksempel.no',
      role: 'foresatt',
    }),
    entry('plan.changed', {
      parts: ['omBarnet', 'maal'],
      from: '2026-11-23T10:01:00.000Z',
      to: '2026-11-23T10:05:00.000Z',
    }),
    entry('consent.recorded', { kind: 'sharing', inviteId: 'i2', givenBy: 'Kari Nilsen (mor)' }),
    entry('member.invited', { inviteId: 'i2', email: 'lege@eksempel.no', role: 'deltaker' }),
    entry('invite.confirmed', { inviteId: 'i3', email: 'far@eksempel.no', role: 'foresatt', madeBy: 'u-ola' }, kari),
    entry('consent.withdrawn', { kind: 'sharing', subjectUserId: 'u-ola', accessEndedFor: ['u-ola'] }),
    entry('member.expired', { userId: 'u-ola', role: 'koordinator' }, null),
    entry('access.refused', { action: 'readLog', reason: 'role', role: 'deltaker' }, ola),
    entry('access.refused', { action: 'read', reason: 'consent' }, ola),
    entry('version.named', { seq: 12, name: 'Vedtatt 12. mars' }),
    entry('plan.restored', { toSeq: 9, scope: 'plan', seq: 14 }),
    entry('plan.restored', { toSeq: 9, scope: 'part', part: 'tiltak', seq: 15 }),
    entry('version.viewed', { seq: 9 }, ola),
    entry('version.compared', { from: 4, to: 9 }, ola),
    // An action this web app does not know yet (a newer server): shown generically, not dropped.
    entry('something.new' as AccessLogAction, {}, ola),
  ];
  const names = namesOf(log, []);
  const texts = log.map((e) => describeLogEntry(e, names));

  it('says who did what, with names and roles', () => {
    expect(texts.map((t) => t.text)).toEqual([
      'Opprettet planen som koordinator',
      'Inviterte kari@eksempel.no som foresatt',
      'Takket ja til invitasjonen og ble med i planen som foresatt',
      expect.stringMatching(/^Endret «Om barnet og familien» og «Mål, ressurser og behov» \(kl\. \d\d:01–\d\d:05\)$/),
      'Registrerte samtykke til å dele planen med lege@eksempel.no, gitt av Kari Nilsen (mor)',
      'Inviterte lege@eksempel.no som deltaker',
      'Godkjente invitasjonen til far@eksempel.no som foresatt',
      'Trakk tilbake samtykket til å dele planen med Ola Hansen. Ola Hansen mistet tilgangen',
      'Tilgangen til Ola Hansen (koordinator) gikk ut',
      'Ble stoppet: rollen gir ikke lov til å lese innsynsloggen',
      'Ble stoppet: familien har ikke gitt samtykke til at planen deles med denne personen',
      'Ga planen slik den var, navnet «Vedtatt 12. mars»',
      'Hentet tilbake hele planen slik den var tidligere',
      'Hentet tilbake Tiltak slik det var tidligere',
      'Så på en tidligere versjon av planen',
      'Så hva som er endret mellom to versjoner av planen',
      'Annen hendelse (something.new)',
    ]);
    expect(texts[2]!.actor).toEqual(kari);
    expect(texts[8]!.actor).toBeNull();
  });

  it('says who tried an invitation without an account: nobody logged in, with the address, not Samplan', () => {
    const early = describeLogEntry(
      entry('invite.refused', { inviteId: 'i4', email: 'far@eksempel.no', reason: 'INVITE_NEEDS_FAMILY' }, null),
      names,
    );
    expect(early).toMatchObject({
      actor: null,
      notLoggedIn: true,
      text: 'Noen som ikke var logget inn, åpnet lenken i invitasjonen til far@eksempel.no, men kunne ikke bruke den fordi den ventet på at familien skulle godkjenne den',
    });
    const loggedIn = describeLogEntry(entry('invite.refused', { inviteId: 'i4', reason: 'INVITE_USED' }, ola), names);
    expect(loggedIn).toMatchObject({ text: 'Prøvde å bruke en invitasjon som allerede var brukt' });
    expect(loggedIn.notLoggedIn).toBeUndefined();
  });

  it('says when a consent ended with the membership it was given for', () => {
    const ended = [
      entry('consent.withdrawn', { kind: 'sharing', subjectUserId: 'u-ola', reason: 'member.revoked' }, kari),
      entry('consent.withdrawn', { kind: 'sharing', subjectUserId: 'u-ola', reason: 'member.expired' }, null),
    ];
    for (const e of ended) {
      expect(describeLogEntry(e, names).text).toBe(
        'Samtykket til å dele planen med Ola Hansen gjelder ikke lenger, fordi tilgangen tok slutt. Blir personen invitert igjen, må familien gi samtykke på nytt',
      );
    }
  });

  it('sorts entries into views, changes and access', () => {
    expect(texts.map((t) => t.category)).toEqual([
      'changes',
      'access',
      'access',
      'changes',
      'access',
      'access',
      'access',
      'access',
      'access',
      'views',
      'views',
      'changes',
      'changes',
      'changes',
      'views',
      'views',
      'access',
    ]);
  });

  it('shows one visit once: the REST read next to the websocket open is left out', () => {
    const visit = [
      entry('plan.viewed', { via: 'rest' }, kari, '2026-11-23T10:00:00.000Z'),
      entry('plan.opened', { via: 'websocket', canWrite: true }, kari, '2026-11-23T10:00:01.000Z'),
      entry('plan.viewed', { via: 'rest' }, ola, '2026-11-23T10:00:02.000Z'),
      entry('plan.viewed', { via: 'rest' }, kari, '2026-11-23T12:00:00.000Z'),
      // «Endret siden sist» as the plan opens is part of the visit; a comparison of her own is not, even at once.
      entry('version.compared', { from: 3, to: 9, sinceLastVisit: true }, kari, '2026-11-23T10:00:02.000Z'),
      entry('version.compared', { from: 1, to: 9 }, kari, '2026-11-23T10:00:03.000Z'),
      // So is the last version, read as the plan opens; the history page's look is not.
      entry('history.viewed', { latestOnly: true }, kari, '2026-11-23T10:00:02.000Z'),
      entry('history.viewed', { before: null }, kari, '2026-11-23T10:00:04.000Z'),
    ];
    expect(withoutDoubleOpens(visit).map((e) => [e.action, e.actor?.name, e.details.from])).toEqual([
      ['plan.opened', 'Kari Nilsen', undefined],
      ['plan.viewed', 'Ola Hansen', undefined],
      ['plan.viewed', 'Kari Nilsen', undefined],
      ['version.compared', 'Kari Nilsen', 1],
      ['history.viewed', 'Kari Nilsen', undefined],
    ]);
    expect(describeLogEntry(visit.at(-1)!, namesOf(visit, [])).text).toBe(
      'Så historikken til planen, med det som er slettet',
    );
  });

  it('says why an edit was not saved, or that it was held back and sent later', () => {
    const text = (reason: string) =>
      describeLogEntry(entry('edit.refused', { via: 'websocket', reason }, ola), namesOf([], [])).text;
    expect(text('read-only')).toBe('Prøvde å skrive i planen, men har bare lesetilgang. Endringen ble ikke lagret');
    expect(text('part-read-only:omBarnet')).toBe(
      'Prøvde å endre Om barnet og familien, som rollen ikke gir lov til å endre. Endringen ble ikke lagret',
    );
    expect(text('invalid-update:CLOCK_GAP')).toBe(
      'Prøvde å lagre en endring som ikke passet i planen. Endringen ble ikke lagret',
    );
    expect(text('write-budget-spent')).toBe(
      'Skrev svært mye på kort tid. Resten ble holdt igjen og sendt etter en stund',
    );
  });

  it('shows a person opening the plan again and again within minutes as one line that says how often', () => {
    const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const opens = (from: number, count: number, who = kari) =>
      Array.from({ length: count }, (_, i) => entry('plan.opened', { canWrite: true }, who, at(from + i)));
    const log = [
      ...opens(0, 12),
      // Ola in between does not break Kari's stay; Kari's own change does.
      ...opens(5, 1, ola),
      entry('plan.changed', { parts: ['maal'] }, kari, at(20)),
      ...opens(21, 2),
      // Read-only opening is a line of its own; so is one more than ten minutes after the last.
      entry('plan.opened', { canWrite: false }, kari, at(24)),
      entry('plan.opened', { canWrite: false }, kari, at(40)),
    ];
    const lines = describeLogLines(log, namesOf(log, [])).map((line) => `${line.actor?.name}: ${line.text}`);
    expect(lines).toEqual([
      expect.stringMatching(/^Kari Nilsen: Åpnet planen \(12 ganger, kl\. \d\d:00–\d\d:11\)$/),
      'Ola Hansen: Åpnet planen',
      'Kari Nilsen: Endret «Mål, ressurser og behov»',
      expect.stringMatching(/^Kari Nilsen: Åpnet planen \(2 ganger, kl\. \d\d:21–\d\d:22\)$/),
      'Kari Nilsen: Åpnet planen (bare lesetilgang)',
      'Kari Nilsen: Åpnet planen (bare lesetilgang)',
    ]);
  });
});
