import { describe, expect, it } from 'vitest';
import { connectionStateOf, failureOfCloseCode } from '../src/collab/connectionState.ts';
import { CloseCode } from '@samplan/protocol';

const base = { online: true, status: 'connected' as const, synced: true, everSynced: true, failure: null };

describe('connection state shown to the user', () => {
  it('is connected only when the socket is open and synced', () => {
    expect(connectionStateOf(base)).toBe('connected');
    expect(connectionStateOf({ ...base, synced: false, everSynced: false })).toBe('connecting');
  });

  it('says reconnecting after having been connected', () => {
    expect(connectionStateOf({ ...base, status: 'connecting', synced: false })).toBe('reconnecting');
    expect(connectionStateOf({ ...base, status: 'disconnected', synced: false })).toBe('reconnecting');
  });

  it('says offline when the browser is offline, and failed when the server refused', () => {
    expect(connectionStateOf({ ...base, online: false })).toBe('offline');
    expect(connectionStateOf({ ...base, failure: 'notFound' })).toBe('failed');
  });

  it('maps the protocol close codes', () => {
    expect(failureOfCloseCode(CloseCode.unauthenticated)).toBe('unauthenticated');
    expect(failureOfCloseCode(CloseCode.planNotFound)).toBe('notFound');
    expect(failureOfCloseCode(CloseCode.forbidden)).toBe('forbidden');
    expect(failureOfCloseCode(CloseCode.badMessage)).toBe('other');
  });
});
