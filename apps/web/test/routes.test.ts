import { describe, expect, it } from 'vitest';
import { changesRange, matchRoute, paths, safeNext } from '../src/routing/routes.ts';

describe('routes', () => {
  it('matches every page', () => {
    expect(matchRoute('/')).toEqual({ name: 'plans' });
    expect(matchRoute('/logg-inn')).toEqual({ name: 'login' });
    expect(matchRoute('/registrer')).toEqual({ name: 'register' });
    expect(matchRoute('/invitasjon')).toEqual({ name: 'invitation' });
    expect(matchRoute('/invitasjon/')).toEqual({ name: 'invitation' });
    expect(matchRoute('/glemt-passord')).toEqual({ name: 'forgotPassword' });
    expect(matchRoute('/nytt-passord')).toEqual({ name: 'resetPassword' });
    expect(matchRoute(paths.resetPassword())).toEqual({ name: 'resetPassword' });
    expect(matchRoute(paths.loginAfterReset().split('?')[0]!)).toEqual({ name: 'login' });
    expect(matchRoute('/planer/ny')).toEqual({ name: 'createPlan' });
    expect(matchRoute('/planer/abc')).toEqual({ name: 'plan', planId: 'abc', section: 'omBarnet' });
    expect(matchRoute('/planer/abc/tiltak')).toEqual({ name: 'plan', planId: 'abc', section: 'tiltak' });
    expect(matchRoute('/planer/abc/utskrift')).toEqual({ name: 'print', planId: 'abc' });
    expect(matchRoute('/planer/abc/ukjent')).toEqual({ name: 'notFound' });
    expect(matchRoute('/noe/annet')).toEqual({ name: 'notFound' });
  });

  it('builds paths that match back', () => {
    expect(matchRoute(paths.plan('p1', 'moter'))).toEqual({ name: 'plan', planId: 'p1', section: 'moter' });
    expect(paths.plan('p1', 'omBarnet')).toBe('/planer/p1');
    // Sections are named by their plan part; their addresses are Norwegian words.
    expect(paths.plan('p1', 'maal')).toBe('/planer/p1/mal');
    expect(matchRoute('/planer/p1/mal')).toEqual({ name: 'plan', planId: 'p1', section: 'maal' });
    expect(matchRoute('/planer/p1/periode')).toEqual({ name: 'plan', planId: 'p1', section: 'planinfo' });
    expect(matchRoute('/planer/p1/maal')).toEqual({ name: 'notFound' });
    expect(matchRoute(paths.print('p1'))).toEqual({ name: 'print', planId: 'p1' });
  });

  it('matches the history pages and reads the range of the changes page', () => {
    expect(matchRoute(paths.history('p1'))).toEqual({ name: 'history', planId: 'p1' });
    expect(matchRoute(paths.version('p1', 42))).toEqual({ name: 'version', planId: 'p1', seq: 42 });
    expect(matchRoute('/planer/p1/historikk/4x')).toEqual({ name: 'notFound' });
    expect(matchRoute('/planer/p1/historikk/1/2')).toEqual({ name: 'notFound' });
    const changes = paths.changes('p1', 7, 9);
    expect(matchRoute(changes.split('?')[0]!)).toEqual({ name: 'changes', planId: 'p1' });
    expect(changesRange(`?${changes.split('?')[1]}`)).toEqual({ from: 7, to: 9 });
    expect(changesRange('?fra=3')).toEqual({ from: 3, to: undefined });
    expect(changesRange('?fra=-1')).toBeNull();
    expect(changesRange('?fra=3&til=x')).toBeNull();
    expect(changesRange('')).toBeNull();
  });

  it('matches a meeting and its record', () => {
    expect(matchRoute(paths.meeting('p1', 'm1'))).toEqual({ name: 'meeting', planId: 'p1', meetingId: 'm1' });
    expect(paths.meeting('p1', 'm1')).toBe('/planer/p1/moter/m1');
    expect(matchRoute(paths.meetingRecord('p1', 'm1'))).toEqual({
      name: 'meetingRecord',
      planId: 'p1',
      meetingId: 'm1',
    });
    expect(paths.meetingRecord('p1', 'm1')).toBe('/planer/p1/moter/m1/referat');
    expect(matchRoute('/planer/p1/moter')).toEqual({ name: 'plan', planId: 'p1', section: 'moter' });
    expect(matchRoute('/planer/p1/moter/m1/annet')).toEqual({ name: 'notFound' });
    expect(matchRoute('/planer/p1/moter/m1/referat/x')).toEqual({ name: 'notFound' });
    expect(matchRoute('/planer/p1/tiltak/m1')).toEqual({ name: 'notFound' });
  });

  it('only follows local paths after login', () => {
    expect(safeNext('?neste=%2Fplaner%2Fp1')).toBe('/planer/p1');
    expect(safeNext('?neste=https%3A%2F%2Fevil.example')).toBe('/');
    expect(safeNext('?neste=%2F%2Fevil.example')).toBe('/');
    expect(safeNext('')).toBe('/');
    // Browsers drop tabs and newlines from an address and read a backslash as a slash: each would leave the site.
    for (const next of ['/..//evil.example', '/.//evil.example/x', '/%2e%2e//evil.example']) {
      expect(safeNext(`?${new URLSearchParams({ neste: next }).toString()}`), next).toBe('/');
    }
    for (const next of ['/\t/evil.example', '/\n/evil.example', '/\\evil.example', '/%09/evil.example']) {
      expect(safeNext(`?${new URLSearchParams({ neste: next }).toString()}`), next).toBe(
        next === '/%09/evil.example' ? '/%09/evil.example' : '/',
      );
    }
    expect(safeNext('?neste=%2Fplaner%2Fp1%3Fx%3D1%23mal')).toBe('/planer/p1?x=1#mal');
  });
});
