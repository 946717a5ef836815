import type { ChangeInfo, VersionInfo } from '@samplan/api';
import { describe, expect, it } from 'vitest';
import { describeRemoved, describeVersion, lastMeetingVersion, othersChanges } from '../src/history/describeVersion.ts';

const version = (over: Partial<VersionInfo>): VersionInfo => ({
  seq: 5,
  at: '2026-03-12T10:00:00.000Z',
  authors: [{ id: 'u1', name: 'Kari Nilsen', parts: ['maal'] }],
  parts: ['maal'],
  name: null,
  nameKind: null,
  fromSeq: 3,
  firstAt: '2026-03-12T09:58:00.000Z',
  kind: 'edit',
  removed: [],
  removedCount: 0,
  ...over,
});

describe('describeVersion', () => {
  it('says who did what in plain words', () => {
    expect(describeVersion(version({}))).toBe('Kari Nilsen endret mål, ressurser og behov');
    expect(
      describeVersion(
        version({
          authors: [
            { id: 'u1', name: 'Kari Nilsen', parts: ['maal'] },
            { id: 'u2', name: 'Per Hansen', parts: ['tiltak'] },
          ],
          parts: ['maal', 'tiltak'],
        }),
      ),
    ).toBe('Kari Nilsen og Per Hansen endret mål, ressurser og behov og tiltak');
    expect(describeVersion(version({ fromSeq: 1, seq: 1 }))).toBe('Kari Nilsen opprettet planen');
    // Where a member's history starts when they came in later: the plan as they found it, nobody named.
    expect(describeVersion(version({ fromSeq: 5, authors: [], parts: [] }))).toBe(
      'Planen slik den var da du fikk tilgang',
    );
    // Who made it is not told (a long version cut where a member's history starts).
    expect(describeVersion(version({ fromSeq: 4, authors: [], parts: [] }))).toBe('Planen ble endret');
    expect(describeVersion(version({ kind: 'restore' }))).toBe(
      'Kari Nilsen hentet tilbake mål, ressurser og behov fra en tidligere versjon',
    );
    expect(describeVersion(version({ kind: 'restore', parts: [] }))).toBe(
      'Kari Nilsen hentet tilbake noe fra en tidligere versjon',
    );
  });

  it('names what a version removed, and counts the rest', () => {
    expect(describeRemoved(version({}))).toBeNull();
    expect(
      describeRemoved(
        version({
          removed: [
            { collection: 'goals', itemId: 'g1', title: 'Gå selv', back: false },
            { collection: 'measures', itemId: 'm1', title: '', back: false },
          ],
          removedCount: 4,
        }),
      ),
    ).toBe('Slettet målet «Gå selv», tiltaket og 2 til.');
    // A title that ends a sentence of its own gets no second full stop.
    expect(
      describeRemoved(
        version({
          removed: [{ collection: 'goals', itemId: 'g1', title: 'Gå selv til skolen.', back: false }],
          removedCount: 1,
        }),
      ),
    ).toBe('Slettet målet «Gå selv til skolen.»');
    // One brought back later says so: a parent reading «Slettet» fears it is lost.
    expect(
      describeRemoved(
        version({
          removed: [{ collection: 'measures', itemId: 'm1', title: 'Fysioterapi', back: true }],
          removedCount: 1,
        }),
      ),
    ).toBe('Slettet tiltaket «Fysioterapi» (hentet tilbake senere).');
  });

  it('finds the last meeting and what others (not I) changed', () => {
    const meeting = version({ seq: 4, name: 'Ansvarsgruppemøte (12.03.2026)', nameKind: 'meeting' });
    expect(lastMeetingVersion([version({ seq: 9 }), meeting, version({ seq: 2, nameKind: 'meeting' })])).toBe(meeting);
    const change = (part: ChangeInfo['part'], ...ids: string[]): ChangeInfo => ({
      part,
      kind: 'changed',
      seq: 3,
      by: ids.map((id) => ({ id, name: id === 'me' ? 'Meg' : 'Per Hansen' })),
    });
    expect(othersChanges([change('maal', 'me'), change('tiltak', 'per'), change('moter', 'me', 'per')], 'me')).toEqual({
      names: ['Per Hansen'],
      parts: ['tiltak', 'moter'],
      removed: null,
    });
    // What others deleted is said on its own, the first by name and the rest counted; what I deleted is not.
    const removal = (title: string, id: string): ChangeInfo => ({
      ...change('maal', id),
      kind: 'removed',
      collection: 'goals',
      itemId: title,
      title,
    });
    expect(
      othersChanges([removal('Mitt eget', 'me'), removal('Gå selv', 'per'), removal('Delmål', 'per')], 'me')?.removed,
    ).toBe('Per Hansen slettet målet «Gå selv» og 1 til.');
    expect(othersChanges([change('maal', 'me')], 'me')).toBeNull();
  });
});
