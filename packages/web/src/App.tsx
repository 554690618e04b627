import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { RedirectIfLoggedIn, RequirePermission } from './auth/guards';
import { AppLayout } from './components/AppLayout';
import { FullPageLoading } from './components/Loading';
import { I18nProvider } from './i18n';
import { AuditPage } from './pages/audit/AuditPage';
import { InviteAcceptPage } from './pages/auth/InviteAcceptPage';
import { LandingPage } from './pages/auth/LandingPage';
import { LoginPage } from './pages/auth/LoginPage';
import { ResetCompletePage } from './pages/auth/ResetCompletePage';
import { ResetRequestPage } from './pages/auth/ResetRequestPage';
import { SetupPage } from './pages/auth/SetupPage';
import { CatalogPage } from './pages/catalogs/CatalogPage';
import { CatalogsPage } from './pages/catalogs/CatalogsPage';
import { ControlPage } from './pages/catalogs/ControlPage';
import { DiffPage } from './pages/catalogs/DiffPage';
import { VersionBrowserPage } from './pages/catalogs/VersionBrowserPage';
import { ReclassificationDuePage } from './pages/classification/ReclassificationDuePage';
import { DashboardPage } from './pages/DashboardPage';
import { JobsPage } from './pages/JobsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrganisationPage } from './pages/organisation/OrganisationPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { RolesPage } from './pages/RolesPage';
import { ClassifyPage } from './pages/systems/ClassifyPage';
import { ImportSystemsPage } from './pages/systems/ImportSystemsPage';
import { SystemFormPage } from './pages/systems/SystemFormPage';
import { SystemPage } from './pages/systems/SystemPage';
import { SystemsPage } from './pages/systems/SystemsPage';
import { UsersPage } from './pages/users/UsersPage';

/**
 * Shell for every page that needs a session. "/" without a session shows the
 * landing page (set-up required or redirect to /login); any other path
 * redirects to /login and comes back after logging in.
 */
function AuthedShell() {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <FullPageLoading />;
  if (me === null) {
    if (location.pathname === '/') return <LandingPage />;
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <AppLayout />;
}

const guard = (permission: string, page: ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;

export function App() {
  return (
    <BrowserRouter>
      <I18nProvider>
        <AuthProvider>
          <Routes>
            <Route path="/setup" element={<SetupPage />} />
            <Route
              path="/login"
              element={
                <RedirectIfLoggedIn>
                  <LoginPage />
                </RedirectIfLoggedIn>
              }
            />
            <Route path="/reset-password" element={<ResetRequestPage />} />
            <Route path="/reset-password/complete" element={<ResetCompletePage />} />
            <Route path="/invite/accept" element={<InviteAcceptPage />} />
            <Route element={<AuthedShell />}>
              <Route index element={<DashboardPage />} />
              <Route path="profile" element={<ProfilePage />} />
              <Route path="organisation" element={guard('org:read', <OrganisationPage />)} />
              <Route path="catalogs" element={guard('catalogs:read', <CatalogsPage />)} />
              <Route path="catalogs/:catalogId" element={guard('catalogs:read', <CatalogPage />)} />
              <Route path="catalog-versions/:versionId" element={guard('catalogs:read', <VersionBrowserPage />)} />
              <Route path="catalog-versions/:versionId/controls/:controlId" element={guard('catalogs:read', <ControlPage />)} />
              <Route path="catalog-versions/:versionId/diff" element={guard('catalogs:read', <DiffPage />)} />
              <Route path="systems" element={guard('systems:read', <SystemsPage />)} />
              <Route path="systems/new" element={guard('systems:edit', <SystemFormPage />)} />
              <Route path="systems/import" element={guard('systems:edit', <ImportSystemsPage />)} />
              <Route path="systems/:id" element={guard('systems:read', <SystemPage />)} />
              <Route path="systems/:id/edit" element={guard('systems:edit', <SystemFormPage />)} />
              <Route path="systems/:id/classify" element={guard('systems:edit', <ClassifyPage />)} />
              <Route path="classification/due" element={guard('systems:read', <ReclassificationDuePage />)} />
              <Route path="users" element={guard('users:read', <UsersPage />)} />
              <Route path="roles" element={guard('roles:read', <RolesPage />)} />
              <Route path="audit" element={guard('audit:read', <AuditPage />)} />
              <Route path="jobs" element={guard('jobs:read', <JobsPage />)} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </AuthProvider>
      </I18nProvider>
    </BrowserRouter>
  );
}
