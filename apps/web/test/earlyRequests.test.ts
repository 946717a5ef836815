import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyRequests } from '../src/api/earlyRequests.ts';

/** A fetch whose answers the test sends when it wants, one per request, in order. */
function controlledFetch() {
  const waiting: Array<(response: Response) => void> = [];
  const fetch = vi.fn(() => new Promise<Response>((resolve) => waiting.push(resolve)));
  vi.stubGlobal('fetch', fetch);
  const answer = (status: number, body: unknown): void => {
    const resolve = waiting.shift();
    if (!resolve) throw new Error('no request waiting');
    resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  };
  return { fetch, answer };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
const kari = { id: 'u1', name: 'Kari Nilsen', email: 'kari@eksempel.no' };

describe('early requests: the entry script asks before the page is there', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lets the first render use an answer that has arrived, and still hands it out once to the page', async () => {
    const { fetch, answer } = controlledFetch();
    earlyRequests.startMe();
    // Not answered yet: the page renders without it and waits for me().
    expect(earlyRequests.meArrived()).toBeUndefined();
    const me = { user: kari, sessionMsLeft: 14 * 24 * 3_600_000 };
    answer(200, me);
    await settle();
    expect(earlyRequests.meArrived()).toEqual(me);
    // Looking does not take it: the page's effect gets the same answer, without a second request.
    await expect(earlyRequests.me()).resolves.toEqual(me);
    expect(fetch).toHaveBeenCalledTimes(1);
    // Handed out: later pages ask the server again.
    expect(earlyRequests.meArrived()).toBeUndefined();
  });

  it('never offers a failed answer to the first render (401 before login, offline)', async () => {
    const { fetch, answer } = controlledFetch();
    earlyRequests.startPlan('p1');
    answer(401, { error: { code: 'UNAUTHENTICATED', message: 'Ikke logget inn' } });
    await settle();
    expect(earlyRequests.planArrived('p1')).toBeUndefined();
    // The page asks again (it may have logged in since).
    const info = earlyRequests.plan('p1');
    await settle();
    expect(fetch).toHaveBeenCalledTimes(2);
    answer(200, { plan: { id: 'p1', title: 'Individuell plan' } });
    await expect(info).resolves.toMatchObject({ id: 'p1' });
  });

  it('does not offer an answer for another plan', async () => {
    const { answer } = controlledFetch();
    earlyRequests.startPlan('p1');
    answer(200, { plan: { id: 'p1', title: 'Individuell plan' } });
    await settle();
    expect(earlyRequests.planArrived('p2')).toBeUndefined();
    expect(earlyRequests.planArrived('p1')).toMatchObject({ id: 'p1' });
    await earlyRequests.plan('p1');
  });
});
