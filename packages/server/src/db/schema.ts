import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Column conventions (one code path for SQLite and PostgreSQL): ids are UUIDv7 text, timestamps
 * are ISO-8601 UTC text (sortable as strings), flags are integers 0/1, JSON is text.
 */
export interface OrganisationsTable {
  id: string;
  name: string;
  time_zone: string;
  classification_method: Generated<string>;
  baseline_narrow_by_kind: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: string;
  org_id: string;
  parent_id: string | null;
  name: string;
  created_at: string;
}

export interface RolePermissionsTable {
  org_id: string;
  role: string;
  permission: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: string;
  kind: string; // 'person' | 'service'
  department_id: string | null;
  password_hash: string | null;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id_hash: string;
  public_id: string;
  org_id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  org_id: string;
  user_id: string;
  created_by: string;
  name: string;
  token_hash: string;
  prefix: string;
  permissions: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  role: string;
  department_id: string | null;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface OneTimeTokensTable {
  token_hash: string;
  purpose: string; // 'setup' | 'password_reset'
  user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginAttemptsTable {
  id: string;
  email: string;
  ip: string;
  at: string;
  success: number;
}

export interface AuditLogTable {
  id: string;
  org_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: string;
  org_id: string | null;
  name: string;
  payload: string;
  key: string | null;
  status: string; // queued | running | succeeded | failed
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface CatalogsTable {
  id: string;
  org_id: string | null; // null: built in, visible to every organisation
  kind: string; // catalog | profile
  name: string;
  built_in: number;
  created_at: string;
}

export interface CatalogVersionsTable {
  id: string;
  catalog_id: string;
  version: string;
  oscal_version: string;
  document_uuid: string;
  title: string;
  source: string;
  licence: string | null;
  control_count: number;
  sha256: string;
  document: string;
  resolved_from: string | null;
  imported_at: string;
  imported_by: string | null;
}

export interface CatalogControlsTable {
  version_id: string;
  control_id: string;
  position: number;
  parent_id: string | null;
  group_id: string | null;
  group_title: string | null;
  depth: number;
  title: string;
  label: string | null;
  withdrawn: number;
  search_text: string;
  body: string;
}

export interface SystemsTable {
  id: string;
  org_id: string;
  name: string;
  name_key: string;
  description: string;
  owner_id: string | null;
  department_id: string | null;
  sector: string;
  kind: string;
  personal_data: string;
  hosting: string;
  supplier: string | null;
  lifecycle: string;
  tags: string;
  custom_fields: string;
  created_at: string;
  updated_at: string;
  /** The effective classification (after inheritance), kept here for lists and the dashboard. */
  security_level: string | null;
  notation: string | null;
  review_due: string | null;
  classified_at: string | null;
}

export interface SystemDependenciesTable {
  org_id: string;
  system_id: string;
  depends_on_id: string;
  created_at: string;
}

export interface SectorsTable {
  org_id: string;
  key: string;
  name: string;
}

export interface ClassificationsTable {
  id: string;
  org_id: string;
  system_id: string;
  method_key: string;
  answers: string;
  overrides: string;
  levels: string;
  explanation: string;
  security_level: string | null;
  notation: string;
  reason: string | null;
  classified_by: string;
  classified_at: string;
  review_due: string | null;
}

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

export interface AuditCyclesTable {
  org_id: string;
  method_key: string;
  level_key: string;
  years: number;
}

export interface AuditsTable {
  id: string;
  org_id: string;
  ref: string;
  title: string;
  method: string;
  families: string;
  period_start: string;
  period_end: string;
  status: string;
  conclusion: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface AuditSystemsTable {
  org_id: string;
  audit_id: string;
  system_id: string;
}

export interface AuditComponentsTable {
  org_id: string;
  audit_id: string;
  component_id: string;
}

export interface AuditAuditorsTable {
  org_id: string;
  audit_id: string;
  user_id: string;
  lead: number;
  independence: string;
  declared_at: string;
}

export interface AuditResultsTable {
  id: string;
  org_id: string;
  audit_id: string;
  requirement_id: string;
  system_id: string;
  control_id: string;
  result: string;
  observations: string;
  sampling: string;
  evidence_reviewed: string;
  assessed_by: string | null;
  assessed_at: string;
}

export interface FindingsTable {
  id: string;
  org_id: string;
  audit_id: string;
  ref: string;
  title: string;
  description: string;
  severity: string;
  control_id: string | null;
  status: string;
  created_by: string | null;
  created_at: string;
}

export interface FindingSystemsTable {
  org_id: string;
  finding_id: string;
  system_id: string;
}

export interface ActionMilestonesTable {
  id: string;
  org_id: string;
  action_id: string;
  title: string;
  due_date: string;
  done_at: string | null;
}

export interface SoaDecisionsTable {
  org_id: string;
  catalog_id: string;
  control_id: string;
  applicable: number;
  reason: string;
  decided_by: string | null;
  decided_at: string;
}

export interface ReportFilesTable {
  id: string;
  org_id: string;
  kind: string;
  format: string;
  subject_id: string | null;
  status: string;
  progress: number;
  file_sha256: string | null;
  size: number | null;
  error: string | null;
  requested_by: string | null;
  requested_at: string;
  finished_at: string | null;
}

export interface IncidentsTable {
  id: string;
  org_id: string;
  ref: string;
  title: string;
  description: string;
  type: string | null;
  severity: string;
  status: string;
  handler_id: string | null;
  personal_data: number;
  significant: number;
  criteria: string;
  malicious: number | null;
  detected_at: string;
  aware_at: string | null;
  contained_at: string | null;
  closed_at: string | null;
  root_cause: string | null;
  lessons_learned: string | null;
  iocs: string;
  dedupe_key: string | null;
  report_count: number;
  source: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentSystemsTable {
  org_id: string;
  incident_id: string;
  system_id: string;
}

export interface IncidentTimelineTable {
  id: string;
  org_id: string;
  incident_id: string;
  at: string;
  kind: string;
  text: string;
  evidence_id: string | null;
  author_id: string | null;
  created_at: string;
}

export interface IncidentReportsTable {
  incident_id: string;
  org_id: string;
  stage: string;
  content: string;
  sent_at: string | null;
  sent_by: string | null;
  updated_at: string;
}

export interface IncidentRemindersTable {
  incident_id: string;
  stage: string;
  due: string;
  sent_at: string;
}

export interface CorrectiveActionsTable {
  id: string;
  org_id: string;
  source_type: string;
  source_id: string;
  title: string;
  description: string;
  owner_id: string | null;
  due_date: string | null;
  status: string;
  created_at: string;
  closed_at: string | null;
  risk_accepted_by: string | null;
  risk_accepted_until: string | null;
  risk_acceptance_reason: string | null;
  verified_by: string | null;
  verified_at: string | null;
  verification_note: string | null;
  reminded_on: string | null;
}

export interface ClassificationMethodsTable {
  org_id: string;
  key: string;
  definition: string;
  questions: string;
  created_at: string;
  updated_at: string;
}

export interface NeedDeviationsTable {
  org_id: string;
  system_id: string;
  method_key: string;
  dimension: string;
  kind: string;
  justification: string;
  created_by: string | null;
  created_at: string;
}

export interface BaselineLevelsTable {
  org_id: string;
  method_key: string;
  level_key: string;
  version_id: string;
}

export interface ComponentsTable {
  id: string;
  org_id: string;
  name: string;
  description: string;
  kind: string;
  provider: string | null;
  oscal_uuid: string | null;
  created_at: string;
  updated_at: string;
}

export interface ComponentRequirementsTable {
  id: string;
  org_id: string;
  component_id: string;
  control_id: string;
  status: string;
  statement: string;
  responsible_id: string | null;
  updated_at: string;
}

export interface SystemComponentsTable {
  org_id: string;
  system_id: string;
  component_id: string;
}

export interface SystemRequirementsTable {
  id: string;
  org_id: string;
  system_id: string;
  control_id: string;
  catalog_id: string;
  version_id: string;
  family: string;
  family_title: string;
  position: number;
  applies: number;
  status: string;
  effective_status: string;
  component_id: string | null;
  override: number;
  justification: string | null;
  statement: string;
  responsible_id: string | null;
  due_date: string | null;
  review_required: number;
  review_note: string | null;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

export interface RequirementSummaryTable {
  org_id: string;
  system_id: string;
  family: string;
  family_title: string;
  not_started: number;
  planned: number;
  partially: number;
  implemented: number;
  not_applicable: number;
  review_required: number;
  open_due: string;
}

/** One row per system: its applying requirement records by status (requirement_summary summed). */
export interface RequirementTotalsTable {
  system_id: string;
  org_id: string;
  not_started: number;
  planned: number;
  partially: number;
  implemented: number;
  not_applicable: number;
  review_required: number;
}

export interface EvidenceTable {
  id: string;
  org_id: string;
  target_type: string;
  target_id: string;
  kind: string;
  name: string;
  url: string | null;
  sha256: string | null;
  size: number | null;
  media_type: string | null;
  added_by: string | null;
  added_at: string;
}

export interface RequirementCommentsTable {
  id: string;
  org_id: string;
  requirement_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface BaselineChangesTable {
  id: string;
  org_id: string;
  system_id: string;
  cause: string;
  security_level: string | null;
  version_id: string | null;
  added: string;
  removed: string;
  changed: string;
  at: string;
  by: string | null;
}

export interface ComplianceSnapshotsTable {
  org_id: string;
  day: string;
  applicable: number;
  implemented: number;
  partially: number;
  overdue: number;
}

export interface RiskMatricesTable {
  org_id: string;
  definition: string;
  updated_at: string;
  updated_by: string | null;
}

export interface RiskThreatsTable {
  org_id: string;
  key: string;
  name: string;
  description: string;
  dimensions: string;
  kinds: string;
  sectors: string;
  mitigations: string;
  created_at: string;
  updated_at: string;
}

export interface RisksTable {
  id: string;
  org_id: string;
  title: string;
  system_id: string | null;
  component_id: string | null;
  threat_key: string;
  vulnerability: string;
  inherent_likelihood: number;
  inherent_impact: number;
  inherent_score: number;
  inherent_rating: string;
  residual_likelihood: number;
  residual_impact: number;
  residual_score: number;
  residual_rating: string;
  treatment: string;
  treatment_note: string;
  accept_approver_id: string | null;
  accept_expires: string | null;
  accept_reason: string | null;
  transfer_to: string | null;
  owner_id: string | null;
  review_date: string | null;
  status: string;
  source: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface RiskControlsTable {
  org_id: string;
  risk_id: string;
  control_id: string;
  position: number;
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
