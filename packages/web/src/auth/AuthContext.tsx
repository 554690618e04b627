import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { AuthResponse, Me } from '../api/types';

interface AuthValue {
  /** undefined while the initial /auth/me is in flight; null when not logged in. */
  me: Me | null | undefined;
  can: (permission: string) => boolean;
  /** Store the result of login / set-up / invitation accept. */
  applyAuth: (res: AuthResponse) => void;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  logoutEverywhere: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Forget the session locally (e.g. after the server ended it). */
  clear: () => void;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const navigate = useNavigate();
  const location = useLocation();
  const locationRef = useRef(location);
  locationRef.current = location;

  const applyAuth = useCallback((res: AuthResponse) => {
    setCsrfToken(res.csrfToken);
    setMe(res.user);
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setMe(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      applyAuth(await api.get<AuthResponse>('/auth/me', undefined, { public: true }));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) clear();
      else throw e;
    }
  }, [applyAuth, clear]);

  useEffect(() => {
    refresh().catch(() => setMe(null));
  }, [refresh]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      clear();
      const { pathname, search } = locationRef.current;
      if (pathname !== '/login')
        navigate('/login', {
          replace: true,
          state: { from: pathname + search },
        });
    });
    return () => setUnauthorizedHandler(null);
  }, [clear, navigate]);

  const login = useCallback(
    async (email: string, password: string) => {
      applyAuth(await api.post<AuthResponse>('/auth/login', { email, password }, { public: true }));
    },
    [applyAuth],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout', undefined, { public: true });
    } finally {
      clear();
      navigate('/login', { replace: true });
    }
  }, [clear, navigate]);

  const logoutEverywhere = useCallback(async () => {
    await api.post('/auth/logout-all', undefined, { public: true });
    clear();
    navigate('/login', { replace: true });
  }, [clear, navigate]);

  const value = useMemo<AuthValue>(() => {
    const perms = new Set(me?.permissions ?? []);
    return {
      me,
      can: (permission) => perms.has(permission),
      applyAuth,
      login,
      logout,
      logoutEverywhere,
      refresh,
      clear,
    };
  }, [me, applyAuth, login, logout, logoutEverywhere, refresh, clear]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}

/** The logged-in user; only call below <RequireAuth>. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe called without a logged-in user');
  return me;
}
