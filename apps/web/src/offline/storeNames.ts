/**
 * The names of what Samplan keeps in this browser's IndexedDB, all per account, so another account on the same
 * browser never opens them and logging out can find every one of them:
 * - `samplan-plan:<user>:<plan>`: a plan's Yjs document (y-indexeddb), with the changes not yet sent;
 * - `samplan-account:<user>`: what opening a plan offline needs besides it (the plan's PlanInfo);
 * - `samplan-session`: who was logged in last, so the app knows whose plans to open while offline.
 */
export const PLAN_STORE_PREFIX = 'samplan-plan:';
export const ACCOUNT_STORE_PREFIX = 'samplan-account:';
export const SESSION_STORE = 'samplan-session';
/**
 * In a plan's database, y-indexeddb's `custom` object store holds under this key how many changes typed in this
 * browser are not sent yet (PlanConnection writes it; logging out asks it before deleting the plan).
 */
export const UNSENT_KEY = 'pending';
export const UNSENT_OBJECT_STORE = 'custom';

// Ids are UUIDs today; encoded so that no id can reach into another's name (':' separates the parts).
const part = (id: string): string => encodeURIComponent(id);

export function planStoreName(userId: string, planId: string): string {
  return `${PLAN_STORE_PREFIX}${part(userId)}:${part(planId)}`;
}

export function accountStoreName(userId: string): string {
  return `${ACCOUNT_STORE_PREFIX}${part(userId)}`;
}

/** The account a stored database belongs to, or null for the session store and names that are not ours. */
export function accountOfStore(name: string): string | null {
  if (name.startsWith(PLAN_STORE_PREFIX)) {
    const [user, plan, ...rest] = name.slice(PLAN_STORE_PREFIX.length).split(':');
    return user && plan && rest.length === 0 ? decodeURIComponent(user) : null;
  }
  if (name.startsWith(ACCOUNT_STORE_PREFIX)) {
    const user = name.slice(ACCOUNT_STORE_PREFIX.length);
    return user && !user.includes(':') ? decodeURIComponent(user) : null;
  }
  return null;
}

/** The plan a stored plan document of the account is, or null for any other name. */
export function planOfStore(name: string, userId: string): string | null {
  if (!name.startsWith(PLAN_STORE_PREFIX) || accountOfStore(name) !== userId) return null;
  return decodeURIComponent(name.slice(PLAN_STORE_PREFIX.length).split(':')[1]!);
}

/** Of the databases in this browser (`indexedDB.databases()`), those that hold data of the account. */
export function storesOfAccount(names: readonly string[], userId: string): string[] {
  return names.filter((name) => accountOfStore(name) === userId);
}

/** Of the databases in this browser, those that hold data of any account but this one. */
export function storesOfOtherAccounts(names: readonly string[], userId: string): string[] {
  return names.filter((name) => {
    const owner = accountOfStore(name);
    return owner !== null && owner !== userId;
  });
}
