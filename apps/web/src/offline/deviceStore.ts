import type { PlanInfo, User } from '@samplan/api';
import { DEFAULT_SESSION_TTL_MS } from '@samplan/api/sessionLifetime';
import {
  accountStoreName,
  planOfStore,
  planStoreName,
  SESSION_STORE,
  UNSENT_KEY,
  UNSENT_OBJECT_STORE,
  storesOfAccount,
  storesOfOtherAccounts,
} from './storeNames.ts';

/**
 * What this browser keeps so that a plan opened before can be opened again offline, besides the plan itself
 * (PlanConnection keeps that, with y-indexeddb): who was logged in last, and each plan's PlanInfo. Everything is in
 * IndexedDB under names per account (storeNames.ts), and everything of an account is deleted when it logs out or
 * another account logs in on this browser; when the server ends its session, everything but the changes not sent
 * yet (forgetAllButUnsent). Every function here is best effort: where
 * IndexedDB is not available, nothing is kept and the app works online as before.
 */

const PLANS = 'plans';
const KV = 'kv';
const USER_KEY = 'user';

/** Deletions under way, by database name: whoever opens the same name waits for its deletion first. */
const deletions = new Map<string, Promise<void>>();

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens a database with one object store; with `create: false`, resolves null where there is none yet. */
async function openStore(name: string, store: string, create = true): Promise<IDBDatabase | null> {
  await whenStoreDeleted(name);
  if (typeof indexedDB === 'undefined') return null;
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    let created = false;
    request.onupgradeneeded = () => {
      if (!create) {
        created = true;
        request.transaction?.abort();
        return;
      }
      request.result.createObjectStore(store);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab deleting it (a logout there) must not wait for this one.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => (created ? resolve(null) : reject(request.error ?? new Error('IndexedDB open failed')));
  });
}

async function withStore<T>(
  name: string,
  store: string,
  mode: IDBTransactionMode,
  operate: (objects: IDBObjectStore) => IDBRequest<T> | null,
  create = true,
): Promise<T | undefined> {
  const db = await openStore(name, store, create);
  if (!db) return undefined;
  try {
    const transaction = db.transaction(store, mode);
    const request = operate(transaction.objectStore(store));
    const [result] = await Promise.all([request ? done(request) : undefined, finished(transaction)]);
    return result;
  } finally {
    db.close();
  }
}

/** Resolves once a deletion of this database started earlier has ended (at once if there is none). */
export function whenStoreDeleted(name: string): Promise<void> {
  return deletions.get(name) ?? Promise.resolve();
}

/** Deletes a database; opening the same name after this call waits for it (whenStoreDeleted). */
export function deleteStore(name: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return Promise.resolve();
  const deletion = new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    // Open connections are asked to close (versionchange) and do; until then the request waits ("blocked").
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  }).finally(() => {
    if (deletions.get(name) === deletion) deletions.delete(name);
  });
  deletions.set(name, deletion);
  return deletion;
}

/** The names of Samplan's databases in this browser (where the browser can list them). */
async function databaseNames(): Promise<string[]> {
  try {
    const list = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    return list.map((db) => db.name).filter((name): name is string => typeof name === 'string');
  } catch {
    return [];
  }
}

/** The user remembered here, and until when their login opens the plans kept here offline (ms); null if none. */
async function storedUser(): Promise<{ user: User; openUntil: number | null } | null> {
  try {
    const stored = (await withStore(SESSION_STORE, KV, 'readonly', (kv) => kv.get(USER_KEY), false)) as
      (User & { openUntil?: unknown }) | undefined;
    if (!stored || typeof stored.id !== 'string' || typeof stored.name !== 'string') return null;
    const user: User = { id: stored.id, name: stored.name, email: stored.email };
    return { user, openUntil: typeof stored.openUntil === 'number' ? stored.openUntil : null };
  } catch {
    return null;
  }
}

/** Who was logged in last on this browser, however long ago; null if nobody (or they logged out). */
async function rememberedUser(): Promise<User | null> {
  return (await storedUser())?.user ?? null;
}

/** When a login's session ends if the server has not said (kept by an older version of the app). */
function defaultSessionEnd(now: number): number {
  return now + DEFAULT_SESSION_TTL_MS;
}

/**
 * The login remembered on this browser, until when it opens the plans kept here offline (`openUntil`, when its
 * session ends), and whether that has passed (`expired`).
 */
export interface RememberedLogin {
  user: User;
  openUntil: number;
  expired: boolean;
}

/**
 * Who was logged in last on this browser, for opening plans while offline (null if nobody, or they logged out), and
 * whether their login session has ended by now (`expired`), so that a phone or a shared computer left offline shows
 * a child's plan no longer than the login lasts. Nothing is deleted here: an ended login's plans are deleted, but
 * for the words not sent yet, once the server says so (forgetAllButUnsent), or when another account logs in.
 */
export async function rememberedLogin(now = Date.now()): Promise<RememberedLogin | null> {
  const stored = await storedUser();
  if (!stored) return null;
  // A login remembered by an older version of the app, which did not keep when it ends: a session from now.
  if (stored.openUntil === null) {
    const openUntil = defaultSessionEnd(now);
    await keepUser(stored.user, openUntil).catch(() => undefined);
    return { user: stored.user, openUntil, expired: false };
  }
  return { user: stored.user, openUntil: stored.openUntil, expired: now >= stored.openUntil };
}

/** Writes the remembered user, whose login opens the plans kept here offline until `openUntil` (ms). */
async function keepUser(user: User, openUntil: number): Promise<void> {
  const kept = { id: user.id, name: user.name, email: user.email, openUntil };
  await withStore(SESSION_STORE, KV, 'readwrite', (kv) => kv.put(kept, USER_KEY));
}

/**
 * Remembers the logged-in user, as the server has just confirmed them, for opening plans offline until their session
 * ends (`sessionEnds`, as the server said, on this browser's clock), and deletes what this browser kept for any
 * other account (a shared computer: the next person never finds the last one's plans).
 */
export async function rememberUser(user: User, sessionEnds: number): Promise<void> {
  try {
    const others = storesOfOtherAccounts(await databaseNames(), user.id);
    const previous = await rememberedUser();
    if (previous && previous.id !== user.id) await forgetAccount(previous.id);
    await Promise.all(others.map(deleteStore));
    await keepUser(user, sessionEnds);
  } catch {
    // Nothing kept: the app still works online.
  }
}

/** The PlanInfo kept for each of the account's plans, by plan id. */
async function keptPlanInfos(userId: string): Promise<Map<string, PlanInfo>> {
  const infos = new Map<string, PlanInfo>();
  try {
    const all = (await withStore(accountStoreName(userId), PLANS, 'readonly', (plans) => plans.getAll(), false)) as
      PlanInfo[] | undefined;
    for (const info of all ?? []) if (info && typeof info.id === 'string') infos.set(info.id, info);
  } catch {
    // None kept.
  }
  return infos;
}

/** A plan holding changes not sent yet: its title and child's name where its PlanInfo is kept. */
export interface UnsentPlan {
  id: string;
  title: string | null;
  childName: string | null;
}

/**
 * The account's plans this browser keeps with changes typed here that are not sent yet (typed offline, and the
 * plan not opened online since), by title where the plan's PlanInfo is kept. Logging out would delete them.
 */
export async function plansWithUnsentChanges(userId: string): Promise<UnsentPlan[]> {
  const infos = await keptPlanInfos(userId);
  const planIds = await keptPlanIds(userId, infos);
  const unsent = await Promise.all(
    [...planIds].map(async (planId) => ((await unsentIn(userId, planId)) > 0 ? planId : null)),
  );
  return unsent
    .filter((planId): planId is string => planId !== null)
    .map((id) => {
      const info = infos.get(id);
      return { id, title: info?.title ?? null, childName: info?.childName || null };
    });
}

/**
 * The plans of the account this browser keeps a document of: those its databases name, and (where the browser
 * cannot list its databases) those whose PlanInfo is kept.
 */
async function keptPlanIds(userId: string, infos?: Map<string, PlanInfo>): Promise<Set<string>> {
  const planIds = new Set((infos ?? (await keptPlanInfos(userId))).keys());
  for (const name of await databaseNames()) {
    const planId = planOfStore(name, userId);
    if (planId !== null) planIds.add(planId);
  }
  return planIds;
}

/**
 * Reads one object store of a plan's document database (y-indexeddb's), without creating the database; `missing`
 * where it or the object store is not there.
 */
async function readPlanStore(
  userId: string,
  planId: string,
  store: string,
  read: (objects: IDBObjectStore) => IDBRequest,
  missing: unknown,
): Promise<unknown> {
  const db = await openStore(planStoreName(userId, planId), store, false);
  if (!db) return missing;
  try {
    if (!db.objectStoreNames.contains(store)) return missing;
    return await done(read(db.transaction(store, 'readonly').objectStore(store)));
  } finally {
    db.close();
  }
}

/** How many changes to the plan this browser has not sent yet (0 when it keeps none). */
async function unsentIn(userId: string, planId: string): Promise<number> {
  try {
    const count = await readPlanStore(userId, planId, UNSENT_OBJECT_STORE, (custom) => custom.get(UNSENT_KEY), 0);
    return typeof count === 'number' ? count : 0;
  } catch {
    return 0;
  }
}

/** Deletes everything this browser keeps for the account: its plans, their PlanInfo, and it as the last user. */
export async function forgetAccount(userId: string): Promise<void> {
  const names = new Set(storesOfAccount(await databaseNames(), userId));
  for (const planId of await keptPlanIds(userId)) names.add(planStoreName(userId, planId));
  names.add(accountStoreName(userId));
  for (const name of await sessionStoreOf(userId)) names.add(name);
  await Promise.all([...names].map(deleteStore));
}

/** The session store, when it remembers `userId` (or nobody): forgetting the account forgets it there too. */
async function sessionStoreOf(userId: string): Promise<string[]> {
  const remembered = await rememberedUser();
  return !remembered || remembered.id === userId ? [SESSION_STORE] : [];
}

/**
 * The server ended the account's session without this browser asking (it expired, or the account logged out on
 * every device, or its password was changed): everything kept for the account is deleted as at a logout, except the
 * plans holding changes typed here and not sent yet. Those are kept, with their PlanInfo, so that nobody's words are
 * lost: they are sent when the account logs in here again and opens the plan, and deleted if another account logs
 * in first (rememberUser). The account is no longer the remembered user, so nothing is opened offline without a
 * new login. Resolves with the plans kept.
 */
export async function forgetAllButUnsent(userId: string): Promise<UnsentPlan[]> {
  const unsent = await plansWithUnsentChanges(userId);
  if (unsent.length === 0) {
    await forgetAccount(userId);
    return [];
  }
  const keep = new Set(unsent.map((plan) => plan.id));
  const forgotten = [...(await keptPlanIds(userId))].filter((planId) => !keep.has(planId));
  await Promise.all([
    ...forgotten.map((planId) => forgetPlan(userId, planId)),
    ...(await sessionStoreOf(userId)).map(deleteStore),
  ]);
  return unsent;
}

/** Keeps a plan's PlanInfo for opening it offline. */
export async function savePlanInfo(userId: string, info: PlanInfo): Promise<void> {
  try {
    await withStore(accountStoreName(userId), PLANS, 'readwrite', (plans) => plans.put(info, info.id));
  } catch {
    // Not kept.
  }
}

/** The PlanInfo kept for a plan, if the plan itself is kept on this browser too; null otherwise. */
export async function storedPlanInfo(userId: string, planId: string): Promise<PlanInfo | null> {
  try {
    const info = (await withStore(accountStoreName(userId), PLANS, 'readonly', (plans) => plans.get(planId), false)) as
      PlanInfo | undefined;
    if (!info || !(await hasStoredPlan(userId, planId))) return null;
    return info;
  } catch {
    return null;
  }
}

/** The account's plans this browser keeps (the document and its PlanInfo), for opening offline, by title. */
export async function keptPlans(userId: string): Promise<PlanInfo[]> {
  const infos = [...(await keptPlanInfos(userId)).values()];
  const kept = await Promise.all(
    infos.map(async (info) => ((await hasStoredPlan(userId, info.id).catch(() => false)) ? info : null)),
  );
  return kept
    .filter((info): info is PlanInfo => info !== null)
    .sort((a, b) => a.title.localeCompare(b.title, 'nb') || a.id.localeCompare(b.id));
}

/** Whether this browser keeps the plan's document (y-indexeddb's database with at least one update in it). */
async function hasStoredPlan(userId: string, planId: string): Promise<boolean> {
  const count = await readPlanStore(userId, planId, 'updates', (updates) => updates.count(), 0);
  return typeof count === 'number' && count > 0;
}

/** Deletes what this browser keeps of one plan (access to it ended). */
export async function forgetPlan(userId: string, planId: string): Promise<void> {
  await deleteStore(planStoreName(userId, planId));
  try {
    await withStore(accountStoreName(userId), PLANS, 'readwrite', (plans) => plans.delete(planId), false);
  } catch {
    // Not there.
  }
}
