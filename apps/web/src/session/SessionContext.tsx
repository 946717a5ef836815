import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../api/api.ts';
import { ApiError, isNoAnswer } from '../api/ApiError.ts';
import { earlyRequests } from '../api/earlyRequests.ts';
import {
  forgetAccount,
  forgetAllButUnsent,
  rememberedLogin,
  rememberUser,
  type RememberedLogin,
} from '../offline/deviceStore.ts';
import { clearLogoutPending, isLogoutPending, setLogoutPending } from '../offline/pendingLogout.ts';
import type { Me, User } from '@samplan/api';
import { DEFAULT_SESSION_TTL_MS } from '@samplan/api/sessionLifetime';

export interface Session {
  /** undefined while we ask the server who we are. */
  user: User | null | undefined;
  /**
   * The server could not be asked (offline): `user` is the one logged in last on this browser, so plans opened here
   * before can be opened from this browser's copy. Checked with the server as soon as the network is back.
   */
  offline: boolean;
  /**
   * The server could not be asked, and the login remembered here is too old to open plans offline (its session has ended):
   * the login page says why.
   */
  offlineExpired: boolean;
  /** Who is logged in now, as the server has just said (a login, a registration, an invitation's new account). */
  setUser(me: Me | null): void;
  logout(): Promise<void>;
  /** Ends every session of this account, on every device (their open plans close too). */
  logoutEverywhere(): Promise<void>;
  /**
   * Asks the server again who is logged in (after something that may have ended this browser's session, such as
   * a new password): as at the app's start, a session that has ended keeps only the words not sent yet.
   */
  recheck(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

interface ShownAs {
  ends?: number | null;
  offline?: boolean;
  expired?: boolean;
}

/** setTimeout's longest delay (2^31 - 1 ms); a longer one fires at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;
/**
 * The end of a session with `msLeft` to go, on this browser's clock: the server says the time left, not its end, as
 * the two clocks may differ.
 */
const endsHere = (msLeft: number): number => Date.now() + msLeft;

/** The server is asked whether a session has ended at most this often (ms). */
const ASK_AT_END_EVERY_MS = 60_000;
/** Opened without an answer from the server, it is asked again this often (ms), besides when the network is back. */
const ASK_AGAIN_OFFLINE_MS = 30_000;

export function SessionProvider({ children }: { children: ReactNode }) {
  // When the entry script's question has been answered already, the first render knows who is logged in (the
  // effect below still settles that answer, and that changes nothing on screen).
  const [arrived] = useState(() => (isLogoutPending() ? undefined : earlyRequests.meArrived()?.user));
  const [user, setUserState] = useState<User | null | undefined>(arrived);
  const [offline, setOffline] = useState(false);
  const [offlineExpired, setOfflineExpired] = useState(false);
  /** When the session of the user on screen ends (ms), where known. */
  const [sessionEnds, setSessionEnds] = useState<number | null>(null);
  const current = useRef<User | null | undefined>(arrived);

  /**
   * Puts `user` on screen: until when their session lasts (`ends`), and whether they come from this browser's copy
   * because the server could not be asked (`offline`), or nobody does because the login remembered here has ended
   * (`expired`).
   */
  const show = useCallback(
    (user: User | null, { ends = null, offline = false, expired = false }: ShownAs = {}): void => {
      // The same person again (an answer after one from this browser's copy) is the same object: nothing that
      // depends on who is logged in starts over.
      const before = current.current;
      const same = user && before && user.id === before.id && user.name === before.name && user.email === before.email;
      const next = same ? before : user;
      current.current = next;
      setSessionEnds(next ? ends : null);
      setOffline(offline);
      setOfflineExpired(expired);
      setUserState(next);
    },
    [],
  );

  /**
   * Who is logged in now, as the server says. A user is remembered for opening plans offline until their session ends
   * (on this browser's clock), and whatever this browser kept for another account is deleted; nobody any more deletes
   * everything kept for the one before.
   */
  const setUser = useCallback(
    (me: Me | null) => {
      const previous = current.current;
      if (me) {
        // A server from before the answer said (a version rolled back): a session's default lifetime.
        const msLeft = Number.isFinite(me.sessionMsLeft) ? me.sessionMsLeft : DEFAULT_SESSION_TTL_MS;
        const ends = endsHere(msLeft);
        show(me.user, { ends });
        clearLogoutPending();
        void rememberUser(me.user, ends);
      } else {
        show(null);
        if (previous) void forgetAccount(previous.id);
      }
    },
    [show],
  );

  /**
   * The server's answer to "who am I": a user; nobody (401, 403: whoever was remembered here is forgotten); or no
   * answer (offline, or the server is down): whoever was logged in last here, for what this browser kept for them.
   */
  const settle = useCallback(
    async (
      answer: Promise<Me>,
      cancelled: () => boolean = () => false,
      remembering: Promise<RememberedLogin | null> = rememberedLogin(),
    ): Promise<void> => {
      let me: Me;
      try {
        me = await answer;
      } catch (err) {
        if (cancelled()) return;
        const status = err instanceof ApiError ? err.status : -1;
        // Too many questions from this address just now (a school behind one address): nothing is known to have
        // changed, so whoever is on screen stays; at the app's start it is as if the server did not answer.
        if (status === 429 && current.current) return;
        if (status === 0 || status >= 500 || status === 429) {
          // A login whose session has ended opens nothing offline. What it kept stays (another tab may still be
          // writing to it) until the server is asked again, which ends it as below, or until the next login.
          const login = await remembering;
          const expired = login?.expired === true;
          const remembered = expired ? null : (login?.user ?? null);
          if (cancelled()) return;
          show(remembered, { ends: login?.openUntil ?? null, offline: remembered !== null, expired });
          return;
        }
        if (status === 401 || status === 403) {
          // Ended by the server (expired, or ended on another device): words not sent yet stay for the next login.
          const remembered = current.current ?? (await remembering)?.user;
          if (remembered) await forgetAllButUnsent(remembered.id);
        }
        if (cancelled()) return;
        show(null);
        return;
      }
      if (!cancelled()) setUser(me);
    },
    [show, setUser],
  );

  useEffect(() => {
    let cancelled = false;
    if (isLogoutPending()) {
      // Logged out while offline: the server's session ends first, before this browser is used as anyone.
      api.logout().then(clearLogoutPending, () => undefined);
      show(null);
      return;
    }
    // Who was here last is read alongside the question, for when there is no answer (offline).
    void settle(earlyRequests.me(), () => cancelled, rememberedLogin());
    return () => {
      cancelled = true;
    };
  }, [show, settle]);

  // When the session ends, the server is asked again: online it says the session is over, offline the login page
  // says why. So a page left open, with or without a network, shows a child's plan no longer than the login lasts.
  // At most once a minute, whatever the answer (a session the server still has, with a clock here that runs ahead).
  const askedAtEnd = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (!user || sessionEnds === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const wait = (): void => {
      const now = Date.now();
      const left = Math.max(sessionEnds - now, askedAtEnd.current + ASK_AT_END_EVERY_MS - now);
      if (left <= 0) {
        askedAtEnd.current = now;
        void settle(api.me(), () => stopped);
        // Asked again a minute later when the answer changed nothing (a server too busy to say).
        timer = setTimeout(wait, ASK_AT_END_EVERY_MS);
        return;
      }
      // A timer's longest wait is about 24 days: a longer session is waited for in turns.
      timer = setTimeout(wait, Math.min(left, LONGEST_TIMER_MS));
    };
    wait();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [user, sessionEnds, settle]);

  // Opened without an answer (offline, or the server down or too busy): once the network is back the server says
  // whether this is still a session, and it is asked again every half minute meanwhile, as the browser may have had
  // a network all along (a server restarting).
  useEffect(() => {
    if (!offline) return;
    let stopped = false;
    let asking = false;
    // One question at a time: a server that takes connections but does not answer would otherwise gather them.
    const ask = (): void => {
      if (asking) return;
      asking = true;
      void settle(api.me(), () => stopped).finally(() => {
        asking = false;
      });
    };
    window.addEventListener('online', ask);
    const timer = setInterval(ask, ASK_AGAIN_OFFLINE_MS);
    return () => {
      stopped = true;
      window.removeEventListener('online', ask);
      clearInterval(timer);
    };
  }, [offline, settle]);

  const endSession = useCallback(
    async (end: () => Promise<void>) => {
      try {
        await end();
      } catch (err) {
        // Not ended on the server (offline): end it there as soon as the app is opened online again.
        if (isNoAnswer(err)) setLogoutPending();
      } finally {
        const previous = current.current;
        if (previous) await forgetAccount(previous.id);
        setUser(null);
      }
    },
    [setUser],
  );
  const logout = useCallback(() => endSession(api.logout), [endSession]);
  const logoutEverywhere = useCallback(() => endSession(api.logoutEverywhere), [endSession]);
  const recheck = useCallback(() => settle(api.me()), [settle]);

  const value = useMemo(
    () => ({ user, offline, offlineExpired, setUser, logout, logoutEverywhere, recheck }),
    [user, offline, offlineExpired, setUser, logout, logoutEverywhere, recheck],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
