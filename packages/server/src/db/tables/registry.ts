/** The register of information systems, their dependencies, sectors and classifications. Conventions: see ../schema.ts. */

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
