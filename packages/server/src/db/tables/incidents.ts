/** Incidents, their timeline and NIS2 reports. Conventions: see ../schema.ts. */

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
