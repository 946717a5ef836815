import { api } from './api.ts';
import type { Me, PlanInfo } from '@samplan/api';

/** An early answer older than this is not trusted: the page asks again. */
const MAX_AGE_MS = 10_000;

interface Early {
  promise: Promise<unknown>;
  startedAt: number;
  /** Set once the answer has arrived (a success). */
  answer?: { value: unknown };
}

const started = new Map<string, Early>();

function start(key: string, load: () => Promise<unknown>): void {
  const promise = load();
  const early: Early = { promise, startedAt: Date.now() };
  // Whoever takes it handles the outcome; until then a failure must not count as unhandled.
  promise.then(
    (value) => (early.answer = { value }),
    () => undefined,
  );
  started.set(key, early);
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

/**
 * The early answer for `key` if it has already arrived (and is fresh), without taking it: a page's first render
 * shows it at once instead of in a second pass, and the page's effect still takes it as usual (the same answer).
 */
function arrived<T>(key: string): T | undefined {
  const early = started.get(key);
  if (!early?.answer || Date.now() - early.startedAt > MAX_AGE_MS) return undefined;
  return early.answer.value as T;
}

const planKey = (planId: string): string => `plan:${planId}`;

/**
 * Requests a page is known to need, sent by the entry script before React and the page's code have arrived, so
 * they travel alongside the downloads instead of after them.
 */
export const earlyRequests = {
  startMe: (): void => start('me', api.me),
  startPlan: (planId: string): void => start(planKey(planId), () => api.plan(planId)),
  me: (): Promise<Me> => take('me', api.me),
  plan: (planId: string): Promise<PlanInfo> => take(planKey(planId), () => api.plan(planId)),
  /** Who is logged in, if the early answer has arrived already; me() still hands it out. */
  meArrived: (): Me | undefined => arrived('me'),
  /** The plan's metadata, if the early answer has arrived already; plan() still hands it out. */
  planArrived: (planId: string): PlanInfo | undefined => arrived(planKey(planId)),
};
