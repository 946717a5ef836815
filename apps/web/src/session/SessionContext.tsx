import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/api.ts';
import { earlyRequests } from '../api/earlyRequests.ts';
import type { User } from '@samplan/api';

export interface Session {
  /** undefined while we ask the server who we are. */
  user: User | null | undefined;
  setUser(user: User | null): void;
  logout(): Promise<void>;
  /** Ends every session of this account, on every device (their open plans close too). */
  logoutEverywhere(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    earlyRequests
      .me()
      .then((me) => !cancelled && setUser(me))
      .catch(() => {
        if (!cancelled) setUser(null);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setUser(null);
    }
  }, []);

  const logoutEverywhere = useCallback(async () => {
    try {
      await api.logoutEverywhere();
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo(() => ({ user, setUser, logout, logoutEverywhere }), [user, logout, logoutEverywhere]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
