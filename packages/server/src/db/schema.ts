import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  ActionMilestonesTable,
  AuditAuditorsTable,
  AuditComponentsTable,
  AuditCyclesTable,
  AuditResultsTable,
  AuditSystemsTable,
  AuditsTable,
  CorrectiveActionsTable,
  FindingSystemsTable,
  FindingsTable,
  ReportFilesTable,
  SoaDecisionsTable,
} from './tables/audits.js';
import type {
  BaselineChangesTable,
  BaselineLevelsTable,
  ComplianceSnapshotsTable,
  ComponentRequirementsTable,
  ComponentsTable,
  EvidenceTable,
  RequirementCommentsTable,
  RequirementSummaryTable,
  RequirementTotalsTable,
  SystemComponentsTable,
  SystemRequirementsTable,
} from './tables/baselines.js';
import type { CatalogControlsTable, CatalogsTable, CatalogVersionsTable } from './tables/catalogs.js';
import type {
  ApiTokensTable,
  AuditLogTable,
  DepartmentsTable,
  InvitationsTable,
  JobsTable,
  LoginAttemptsTable,
  OneTimeTokensTable,
  OrganisationsTable,
  RolePermissionsTable,
  SessionsTable,
  UsersTable,
} from './tables/foundation.js';
import type {
  IncidentRemindersTable,
  IncidentReportsTable,
  IncidentSystemsTable,
  IncidentsTable,
  IncidentTimelineTable,
} from './tables/incidents.js';
import type {
  ClassificationMethodsTable,
  ClassificationsTable,
  NeedDeviationsTable,
  SectorsTable,
  SystemDependenciesTable,
  SystemsTable,
} from './tables/registry.js';
import type { RiskControlsTable, RiskMatricesTable, RisksTable, RiskThreatsTable } from './tables/risks.js';

export type * from './tables/audits.js';
export type * from './tables/baselines.js';
export type * from './tables/catalogs.js';
export type * from './tables/foundation.js';
export type * from './tables/incidents.js';
export type * from './tables/registry.js';
export type * from './tables/risks.js';

/**
 * Column conventions (one code path for SQLite and PostgreSQL): ids are UUIDv7 text, timestamps
 * are ISO-8601 UTC text (sortable as strings), flags are integers 0/1, JSON is text.
 */

export interface DB {
  organisations: OrganisationsTable;
  departments: DepartmentsTable;
  role_permissions: RolePermissionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  one_time_tokens: OneTimeTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  catalogs: CatalogsTable;
  catalog_versions: CatalogVersionsTable;
  catalog_controls: CatalogControlsTable;
  systems: SystemsTable;
  system_dependencies: SystemDependenciesTable;
  sectors: SectorsTable;
  classifications: ClassificationsTable;
  baseline_levels: BaselineLevelsTable;
  components: ComponentsTable;
  component_requirements: ComponentRequirementsTable;
  system_components: SystemComponentsTable;
  system_requirements: SystemRequirementsTable;
  requirement_summary: RequirementSummaryTable;
  requirement_totals: RequirementTotalsTable;
  evidence: EvidenceTable;
  requirement_comments: RequirementCommentsTable;
  baseline_changes: BaselineChangesTable;
  compliance_snapshots: ComplianceSnapshotsTable;
  classification_methods: ClassificationMethodsTable;
  need_deviations: NeedDeviationsTable;
  incidents: IncidentsTable;
  incident_systems: IncidentSystemsTable;
  incident_timeline: IncidentTimelineTable;
  incident_reports: IncidentReportsTable;
  incident_reminders: IncidentRemindersTable;
  corrective_actions: CorrectiveActionsTable;
  audit_cycles: AuditCyclesTable;
  audits: AuditsTable;
  audit_systems: AuditSystemsTable;
  audit_components: AuditComponentsTable;
  audit_auditors: AuditAuditorsTable;
  audit_results: AuditResultsTable;
  findings: FindingsTable;
  finding_systems: FindingSystemsTable;
  action_milestones: ActionMilestonesTable;
  soa_decisions: SoaDecisionsTable;
  report_files: ReportFilesTable;
  risk_matrices: RiskMatricesTable;
  risk_threats: RiskThreatsTable;
  risks: RisksTable;
  risk_controls: RiskControlsTable;
}

export type SystemRow = Selectable<SystemsTable>;

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type JobRow = Selectable<JobsTable>;
export type DepartmentRow = Selectable<DepartmentsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
