import type { AppContext } from './context.js';
import { AuditService } from './modules/audit/audit.service.js';
import { ActionService } from './modules/audits/action.service.js';
import { AuditsService } from './modules/audits/audit.service.js';
import { AuditCyclesService } from './modules/audits/audit-cycles.js';
import { AuditorsService } from './modules/audits/auditors.js';
import { FieldworkService } from './modules/audits/fieldwork.js';
import { FindingsService } from './modules/audits/findings.service.js';
import { SoaService } from './modules/audits/soa.service.js';
import { BaselineMappingService } from './modules/baselines/baseline-mapping.service.js';
import { CatalogUpgradeService } from './modules/baselines/catalog-upgrade.service.js';
import { ComponentService } from './modules/baselines/component.service.js';
import { DashboardService } from './modules/baselines/dashboard.service.js';
import { EvidenceService } from './modules/baselines/evidence.service.js';
import { MyWorkService } from './modules/baselines/my-work.service.js';
import { RequirementService } from './modules/baselines/requirement.service.js';
import { CatalogService } from './modules/catalogs/catalog.service.js';
import { ClassificationService } from './modules/classification/classification.service.js';
import { CustomMethodService } from './modules/classification/custom-methods.js';
import { DeviationService } from './modules/classification/deviations.js';
import { ReviewDueService } from './modules/classification/review-due.js';
import { AccountService } from './modules/iam/account.service.js';
import { AuthService } from './modules/iam/auth.service.js';
import { createIamRepositories, type IamRepositories } from './modules/iam/iam.repositories.js';
import { InvitationService } from './modules/iam/invitation.service.js';
import { SessionService } from './modules/iam/session.service.js';
import { TokenService } from './modules/iam/token.service.js';
import { UserService } from './modules/iam/user.service.js';
import { IncidentService } from './modules/incidents/incident.service.js';
import { IncidentReportService } from './modules/incidents/incident-reports.service.js';
import { OrganisationService } from './modules/organisation/organisation.service.js';
import { OscalExportService } from './modules/oscal-exports/oscal-export.service.js';
import { SystemService } from './modules/registry/system.service.js';
import { SystemImportService } from './modules/registry/system-import.service.js';
import { ExportService } from './modules/reports/exports.js';
import { ReportService } from './modules/reports/report.service.js';
import { RiskMatrixService } from './modules/risks/matrix.service.js';
import { RiskService } from './modules/risks/risk.service.js';
import { RiskOverviewService } from './modules/risks/risk-overview.service.js';
import { ThreatService } from './modules/risks/threat.service.js';

/** Every use-case service of the process, wired once from the context. */
export interface Services {
  repos: IamRepositories;
  sessions: SessionService;
  auth: AuthService;
  account: AccountService;
  users: UserService;
  invitations: InvitationService;
  tokens: TokenService;
  organisation: OrganisationService;
  audit: AuditService;
  catalogs: CatalogService;
  systems: SystemService;
  systemImport: SystemImportService;
  classification: ClassificationService;
  incidents: IncidentService;
  /** Audits of systems (assurance); `audit` above is the audit log. */
  audits: AuditsService;
  auditCycles: AuditCyclesService;
  auditors: AuditorsService;
  fieldwork: FieldworkService;
  findings: FindingsService;
  actions: ActionService;
  soa: SoaService;
  incidentReports: IncidentReportService;
  customMethods: CustomMethodService;
  deviations: DeviationService;
  baselineMapping: BaselineMappingService;
  catalogUpgrade: CatalogUpgradeService;
  requirements: RequirementService;
  evidence: EvidenceService;
  components: ComponentService;
  dashboard: DashboardService;
  myWork: MyWorkService;
  reviewDue: ReviewDueService;
  /** OSCAL SSP, assessment results and POA&M exports; SSP import. */
  oscalExports: OscalExportService;
  reports: ReportService;
  exports: ExportService;
  risks: RiskService;
  riskThreats: ThreatService;
  riskMatrix: RiskMatrixService;
  riskOverview: RiskOverviewService;
}

export function createServices(ctx: AppContext): Services {
  const repos = createIamRepositories();
  const sessions = new SessionService(ctx, repos);
  const systems = new SystemService(ctx);
  const classification = new ClassificationService(ctx, systems);
  systems.onNeedsChanged = async (trx, actor, force) => {
    await classification.sync(trx, actor, force);
  };
  const audits = new AuditsService(ctx);
  const requirements = new RequirementService(ctx, systems);
  // Incident types are keys of the risks' threat catalogue.
  const riskThreats = new ThreatService(ctx);
  const incidents = new IncidentService(ctx, riskThreats.lookup);
  const evidence = new EvidenceService(ctx, requirements);
  const components = new ComponentService(ctx, systems);
  evidence.incidentVisible = (actor, id) => incidents.row(ctx.db, actor, id);
  const riskMatrix = new RiskMatrixService(ctx);
  const risks = new RiskService(ctx, systems, classification, riskThreats, riskMatrix);
  return {
    repos,
    sessions,
    auth: new AuthService(ctx, repos, sessions),
    account: new AccountService(ctx, repos, sessions),
    users: new UserService(ctx, repos),
    invitations: new InvitationService(ctx, repos, sessions),
    tokens: new TokenService(ctx, repos),
    organisation: new OrganisationService(ctx),
    audit: new AuditService(ctx.db, ctx.audit),
    catalogs: new CatalogService(ctx),
    systems,
    systemImport: new SystemImportService(ctx, systems),
    classification,
    customMethods: new CustomMethodService(ctx),
    deviations: new DeviationService(ctx, systems, classification),
    baselineMapping: new BaselineMappingService(ctx, classification),
    catalogUpgrade: new CatalogUpgradeService(ctx, classification),
    requirements,
    evidence,
    incidents,
    audits,
    auditCycles: new AuditCyclesService(ctx, classification),
    auditors: new AuditorsService(ctx, audits),
    fieldwork: new FieldworkService(ctx),
    findings: new FindingsService(ctx),
    actions: new ActionService(ctx),
    soa: new SoaService(ctx),
    incidentReports: new IncidentReportService(ctx, incidents),
    components,
    dashboard: new DashboardService(ctx),
    myWork: new MyWorkService(ctx),
    reviewDue: new ReviewDueService(ctx),
    oscalExports: new OscalExportService(ctx, systems, classification),
    reports: new ReportService(ctx),
    exports: new ExportService(ctx, requirements, incidents, components),
    risks,
    riskThreats,
    riskMatrix,
    riskOverview: new RiskOverviewService(ctx, risks),
  };
}
