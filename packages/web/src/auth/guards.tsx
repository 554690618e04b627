import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { AccessDenied } from '../components/AccessDenied';
import { FullPageLoading } from '../components/Loading';
import { useAuth } from './AuthContext';

/** Renders children only for a logged-in user; otherwise redirects to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <FullPageLoading />;
  if (me === null) {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}

/** Shows "Access denied" when the user lacks the permission for a page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  if (!can(permission)) return <AccessDenied />;
  return children;
}

/** Where to go after logging in: the page that sent the user to /login, else the dashboard. */
export function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) return from;
  }
  return '/';
}

/** /login sends a logged-in user on: back to the page they wanted, else the dashboard. */
export function RedirectIfLoggedIn({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <FullPageLoading />;
  if (me) return <Navigate to={redirectTarget(location.state)} replace />;
  return children;
}
