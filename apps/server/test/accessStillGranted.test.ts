import { describe, expect, it } from 'vitest';
import { CloseCode } from '@samplan/protocol';
import { accessStillGranted } from '../src/collab/accessStillGranted.ts';
import { AppError } from '../src/errors/AppError.ts';

// The net under lost Redis messages (several instances): a connection is closed as the lost event would have.
describe('accessStillGranted', () => {
  const check = (session: { id: string } | undefined, refusal: string | null) =>
    accessStillGranted({
      sessionUser: async () => session,
      authorize: async () => {
        if (refusal) throw new AppError(refusal as 'FORBIDDEN', 'nei');
      },
    })('plan-1', 'kari', 'session-1');

  it('keeps a live session of a member the consent covers', async () => {
    expect(await check({ id: 'kari' }, null)).toBeNull();
  });

  it('closes as a logout, a revocation and a withdrawn consent close', async () => {
    expect(await check(undefined, null)).toEqual({ code: CloseCode.unauthenticated, reason: 'LOGGED_OUT' });
    expect(await check({ id: 'ola' }, null)).toEqual({ code: CloseCode.unauthenticated, reason: 'LOGGED_OUT' });
    expect(await check({ id: 'kari' }, 'PLAN_NOT_FOUND')).toEqual({
      code: CloseCode.forbidden,
      reason: 'MEMBERSHIP_ENDED',
    });
    expect(await check({ id: 'kari' }, 'CONSENT_REQUIRED')).toEqual({
      code: CloseCode.forbidden,
      reason: 'CONSENT_WITHDRAWN',
    });
  });

  it('lets any other failure through (the check is tried again next time), instead of closing anyone', async () => {
    await expect(check({ id: 'kari' }, 'INTERNAL_ERROR')).rejects.toThrow();
  });
});
