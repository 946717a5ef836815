/**
 * A logout while offline cannot reach the server, so the session cookie still works there. This flag (no personal
 * data) makes the app end that session first thing the next time it is opened online.
 */
const KEY = 'samplan:logout-pending';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function setLogoutPending(): void {
  storage()?.setItem(KEY, '1');
}

export function clearLogoutPending(): void {
  storage()?.removeItem(KEY);
}

export function isLogoutPending(): boolean {
  return storage()?.getItem(KEY) === '1';
}
