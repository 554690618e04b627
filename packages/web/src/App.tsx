import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { RedirectIfLoggedIn, RequirePermission } from './auth/guards';
import { AppLayout } from './components/AppLayout';
import { FullPageLoading } from './components/Loading';
import { I18nProvider } from './i18n';
import { AuditPage } from './pages/audit/AuditPage';
import { ActionsPage } from './pages/audits/ActionsPage';
import { AuditPage as AuditDetailPage } from './pages/audits/AuditPage';
import { AuditProgrammePage } from './pages/audits/AuditProgrammePage';
import { PlanAuditPage } from './pages/audits/PlanAuditPage';
import { SoaPage } from './pages/audits/SoaPage';
import { InviteAcceptPage } from './pages/auth/InviteAcceptPage';
import { LandingPage } from './pages/auth/LandingPage';
import { LoginPage } from './pages/auth/LoginPage';
import { ResetCompletePage } from './pages/auth/ResetCompletePage';
import { ResetRequestPage } from './pages/auth/ResetRequestPage';
import { SetupPage } from './pages/auth/SetupPage';
import { BaselinesPage } from './pages/baselines/BaselinesPage';
import { CatalogPage } from './pages/catalogs/CatalogPage';
import { CatalogsPage } from './pages/catalogs/CatalogsPage';
import { ControlPage } from './pages/catalogs/ControlPage';
import { DiffPage } from './pages/catalogs/DiffPage';
import { UpgradePage } from './pages/catalogs/UpgradePage';
import { VersionBrowserPage } from './pages/catalogs/VersionBrowserPage';
import { MethodEditorPage } from './pages/classification/MethodEditorPage';
import { ReclassificationDuePage } from './pages/classification/ReclassificationDuePage';
import { CompliancePage } from './pages/compliance/CompliancePage';
import { ComponentNewPage } from './pages/components/ComponentNewPage';
import { ComponentPage } from './pages/components/ComponentPage';
import { ComponentsPage } from './pages/components/ComponentsPage';
import { DashboardPage } from './pages/DashboardPage';
import { IncidentPage } from './pages/incidents/IncidentPage';
import { IncidentsPage } from './pages/incidents/IncidentsPage';
import { ReportIncidentPage } from './pages/incidents/ReportIncidentPage';
import { ReportPage } from './pages/incidents/ReportPage';
import { JobsPage } from './pages/JobsPage';
import { MyWorkPage } from './pages/my-work/MyWorkPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OrganisationPage } from './pages/organisation/OrganisationPage';
import { ProfilePage } from './pages/profile/ProfilePage';
import { RolesPage } from './pages/RolesPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { RequirementPage } from './pages/requirements/RequirementPage';
import { RequirementsPage } from './pages/requirements/RequirementsPage';
import { RiskFormPage } from './pages/risks/RiskFormPage';
import { RiskMatrixPage } from './pages/risks/RiskMatrixPage';
import { RiskPage } from './pages/risks/RiskPage';
import { RisksPage } from './pages/risks/RisksPage';
import { ThreatsPage } from './pages/risks/ThreatsPage';
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
              <Route path="catalog-versions/:versionId/upgrade" element={guard('catalogs:read', <UpgradePage />)} />
              <Route path="systems" element={guard('systems:read', <SystemsPage />)} />
              <Route path="systems/new" element={guard('systems:edit', <SystemFormPage />)} />
              <Route path="systems/import" element={guard('systems:edit', <ImportSystemsPage />)} />
              <Route path="systems/:id" element={guard('systems:read', <SystemPage />)} />
              <Route path="systems/:id/edit" element={guard('systems:edit', <SystemFormPage />)} />
              <Route path="systems/:id/classify" element={guard('systems:edit', <ClassifyPage />)} />
              <Route path="classification/due" element={guard('systems:read', <ReclassificationDuePage />)} />
              <Route path="classification/methods/new" element={guard('systems:manage-all', <MethodEditorPage />)} />
              <Route path="classification/methods/:key" element={guard('systems:manage-all', <MethodEditorPage />)} />
              <Route path="my-work" element={<MyWorkPage />} />
              <Route path="compliance" element={guard('systems:read', <CompliancePage />)} />
              <Route path="requirements" element={guard('systems:read', <RequirementsPage />)} />
              <Route path="requirements/:id" element={guard('systems:read', <RequirementPage />)} />
              <Route path="components" element={guard('systems:read', <ComponentsPage />)} />
              <Route path="components/new" element={guard('components:manage', <ComponentNewPage />)} />
              <Route path="components/:id" element={guard('systems:read', <ComponentPage />)} />
              <Route path="baselines" element={guard('components:manage', <BaselinesPage />)} />
              <Route path="incidents" element={guard('incidents:report', <IncidentsPage />)} />
              <Route path="incidents/new" element={guard('incidents:report', <ReportIncidentPage />)} />
              <Route path="incidents/:id" element={guard('incidents:report', <IncidentPage />)} />
              <Route path="incidents/:id/reports/:stage" element={guard('incidents:report', <ReportPage />)} />
              <Route path="audits" element={guard('audits:read', <AuditProgrammePage />)} />
              <Route path="audits/new" element={guard('audits:plan', <PlanAuditPage />)} />
              <Route path="audits/:id" element={guard('audits:read', <AuditDetailPage />)} />
              <Route path="corrective-actions" element={guard('audits:read', <ActionsPage />)} />
              <Route path="soa" element={guard('audits:read', <SoaPage />)} />
              <Route path="reports" element={guard('reports:generate', <ReportsPage />)} />
              <Route path="risks" element={guard('risks:read', <RisksPage />)} />
              <Route path="risks/new" element={guard('risks:read', <RiskFormPage />)} />
              <Route path="risks/matrix" element={guard('risks:manage', <RiskMatrixPage />)} />
              <Route path="risks/threats" element={guard('risks:read', <ThreatsPage />)} />
              <Route path="risks/:id" element={guard('risks:read', <RiskPage />)} />
              <Route path="risks/:id/edit" element={guard('risks:read', <RiskFormPage />)} />
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
