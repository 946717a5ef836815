import { describe, expect, it } from 'vitest';
import {
  accountOfStore,
  accountStoreName,
  planStoreName,
  SESSION_STORE,
  storesOfAccount,
  storesOfOtherAccounts,
} from '../src/offline/storeNames.ts';

const KARI = '5b0c6f1e-1111-4a4a-8888-000000000001';
const PER = '5b0c6f1e-2222-4a4a-8888-000000000002';
const PLAN = 'YnPV-y0qCKXfvA5Mk7Vuvw';

describe('the names of what this browser keeps', () => {
  it('names a plan per account and plan, and an account per account', () => {
    expect(planStoreName(KARI, PLAN)).toBe(`samplan-plan:${KARI}:${PLAN}`);
    expect(planStoreName(PER, PLAN)).not.toBe(planStoreName(KARI, PLAN));
    expect(accountStoreName(KARI)).toBe(`samplan-account:${KARI}`);
  });

  it('reads the owner back, and no id can reach into another name', () => {
    expect(accountOfStore(planStoreName(KARI, PLAN))).toBe(KARI);
    expect(accountOfStore(accountStoreName(PER))).toBe(PER);
    expect(accountOfStore(SESSION_STORE)).toBeNull();
    expect(accountOfStore('y-indexeddb-something')).toBeNull();
    // An id with the separator in it stays one part of the name.
    const sly = `${KARI}:${PLAN}`;
    expect(accountOfStore(planStoreName(sly, PLAN))).toBe(sly);
    expect(accountOfStore(accountStoreName(sly))).toBe(sly);
    expect(storesOfAccount([planStoreName(sly, PLAN)], KARI)).toEqual([]);
  });

  it("finds every store of an account to delete at logout, and only other accounts' when someone else logs in", () => {
    const names = [
      planStoreName(KARI, PLAN),
      planStoreName(KARI, 'other-plan'),
      accountStoreName(KARI),
      planStoreName(PER, PLAN),
      accountStoreName(PER),
      SESSION_STORE,
      'not-ours',
    ];
    expect(storesOfAccount(names, KARI)).toEqual([
      planStoreName(KARI, PLAN),
      planStoreName(KARI, 'other-plan'),
      accountStoreName(KARI),
    ]);
    expect(storesOfOtherAccounts(names, KARI)).toEqual([planStoreName(PER, PLAN), accountStoreName(PER)]);
    expect(storesOfOtherAccounts(names, 'nobody')).toHaveLength(5);
  });
});
