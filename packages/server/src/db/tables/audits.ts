/** Audits, findings, corrective actions, the statement of applicability and generated reports. Conventions: see ../schema.ts. */

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
