// The invitation token travels in the link's fragment (`/invitasjon#<token>`), which browsers never send to a
// server. It is kept in this tab's sessionStorage too, so it survives a login at an external provider.

const KEY = 'samplan:invitasjon';

/** The token from the address, or the one this tab kept; null when there is none. */
export function readInviteToken(hash: string = location.hash): string | null {
  const fromHash = decodeURIComponent(hash.replace(/^#/, '')).trim();
  if (fromHash) {
    try {
      sessionStorage.setItem(KEY, fromHash);
    } catch {
      // Storage can be off (private mode); the token in the address is enough.
    }
    return fromHash;
  }
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function forgetInviteToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}
