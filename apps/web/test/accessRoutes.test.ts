import { CloseCode } from '@samplan/protocol';
import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from '../src/routing/routes.ts';
import { failureOfCloseCode } from '../src/collab/connectionState.ts';
import { endOfDayInstant, lastDayOf, parseEndDate, parseGivenDate } from '../src/sharing/accessDates.ts';
import { absoluteLink } from '../src/sharing/InviteLinkBox.tsx';

describe('pages about access', () => {
  it('matches the access, log and invitation pages', () => {
    expect(matchRoute(paths.access('p1'))).toEqual({ name: 'access', planId: 'p1' });
    expect(matchRoute(paths.accessLog('p1'))).toEqual({ name: 'accessLog', planId: 'p1' });
    expect(matchRoute('/invitasjon')).toEqual({ name: 'invitation' });
    expect(matchRoute('/invitasjon/x')).toEqual({ name: 'notFound' });
  });

  it('makes the invitation link absolute when the server does not know its address', () => {
    expect(absoluteLink('/invitasjon#abc', 'https://samplan.example')).toBe('https://samplan.example/invitasjon#abc');
    expect(absoluteLink('https://a.example/invitasjon#abc', 'https://b.example')).toBe(
      'https://a.example/invitasjon#abc',
    );
  });
});

describe('access up to and including a day', () => {
  it('ends at the start of the next day and is shown as the day itself', () => {
    const end = endOfDayInstant('2027-06-20');
    expect(lastDayOf(end)).toBe('20.06.2027');
    expect(new Date(end).getDate()).toBe(21);
  });

  it('reads Norwegian dates and refuses days that have passed', () => {
    const now = new Date(2026, 10, 23, 15);
    expect(parseEndDate('', now)).toEqual({ ok: true, endsAt: null });
    expect(parseEndDate('20.6.2027', now)).toEqual({ ok: true, endsAt: endOfDayInstant('2027-06-20') });
    expect(parseEndDate('23.11.2026', now)).toMatchObject({ ok: true });
    expect(parseEndDate('22.11.2026', now)).toEqual({ ok: false, reason: 'past' });
    expect(parseEndDate('31.02.2027', now)).toEqual({ ok: false, reason: 'invalid' });
    expect(parseGivenDate('24.11.2026', now)).toEqual({ ok: false, reason: 'future' });
    expect(parseGivenDate('23.11.2026', now)).toEqual({ ok: true, givenAt: undefined });
  });
});

describe('why the server closed the plan', () => {
  it('tells consent, an ended membership and too many tabs apart', () => {
    expect(failureOfCloseCode(CloseCode.forbidden, 'CONSENT_REQUIRED')).toBe('consentRequired');
    expect(failureOfCloseCode(CloseCode.forbidden, 'MEMBERSHIP_ENDED')).toBe('membershipEnded');
    expect(failureOfCloseCode(CloseCode.forbidden, 'CONSENT_WITHDRAWN')).toBe('consentWithdrawn');
    expect(failureOfCloseCode(CloseCode.forbidden, 'FORBIDDEN')).toBe('forbidden');
    expect(failureOfCloseCode(CloseCode.tooManyConnections, 'TOO_MANY_CONNECTIONS')).toBe('tooManyConnections');
  });
});
