import { api } from './api.ts';
import type { PlanInfo, User } from '@samplan/api';

/** An early answer older than this is not trusted: the page asks again. */
const MAX_AGE_MS = 10_000;

interface Early {
  promise: Promise<unknown>;
  startedAt: number;
}

const started = new Map<string, Early>();

function start(key: string, load: () => Promise<unknown>): void {
  const promise = load();
  // Whoever takes it handles the outcome; until then a failure must not count as unhandled.
  promise.catch(() => undefined);
  started.set(key, { promise, startedAt: Date.now() });
}

/**
 * The early answer for `key` if there is a fresh one, else a new request. Handed out once. A failed early answer
 * is asked again (it may have been sent before the user logged in).
 */
function take<T>(key: string, load: () => Promise<T>): Promise<T> {
  const early = started.get(key);
  started.delete(key);
  if (!early || Date.now() - early.startedAt > MAX_AGE_MS) return load();
  return (early.promise as Promise<T>).catch(load);
}

const planKey = (planId: string): string => `plan:${planId}`;

/**
 * Requests a page is known to need, sent by the entry script before React and the page's code have arrived, so
 * they travel alongside the downloads instead of after them.
 */
export const earlyRequests = {
  startMe: (): void => start('me', api.me),
  startPlan: (planId: string): void => start(planKey(planId), () => api.plan(planId)),
  me: (): Promise<User> => take('me', api.me),
  plan: (planId: string): Promise<PlanInfo> => take(planKey(planId), () => api.plan(planId)),
};
