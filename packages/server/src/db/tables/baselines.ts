/** Baselines, requirement records, common components, evidence and the dashboard's summaries. Conventions: see ../schema.ts. */

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
