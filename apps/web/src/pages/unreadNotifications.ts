import { useEffect, useState } from 'react';
import { api } from '../api/api.ts';

// The count of unread notifications the header shows: asked for when a page opens and every few minutes, and
// told at once by the notifications page when it has read them.

const listeners = new Set<(unread: number) => void>();
const POLL_MS = 3 * 60_000;

export function announceUnread(unread: number): void {
  for (const listener of listeners) listener(unread);
}

/** Unread notifications of the logged-in user; 0 until known. */
export function useUnreadNotifications(loggedIn: boolean, pathname: string): number {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    listeners.add(setUnread);
    return () => void listeners.delete(setUnread);
  }, []);
  useEffect(() => {
    if (!loggedIn) return;
    let cancelled = false;
    const ask = () =>
      api.notifications().then(
        (answer) => !cancelled && setUnread(answer.unread),
        () => undefined,
      );
    void ask();
    const timer = setInterval(ask, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [loggedIn, pathname]);
  return unread;
}
