/**
 * Response and request shapes of audits and assurance: audit cycles and the calendar, audits with
 * scope, auditors, fieldwork results and findings, the plan of action and milestones (corrective
 * actions from findings and incidents), the statement of applicability and generated reports
 * (/audit-cycles, /audits, /findings, /corrective-actions, /soa, /reports).
 */

export const AUDIT_STATUSES = ['planned', 'fieldwork', 'reporting', 'closed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_RESULTS = ['satisfied', 'partially', 'not-satisfied', 'not-applicable'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];
export const FINDING_SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const CALENDAR_STATES = ['overdue', 'never-audited', 'due-soon', 'ok', 'unclassified'] as const;
export type CalendarState = (typeof CALENDAR_STATES)[number];
/** Every status of a corrective action; the last two close it. */
export const CORRECTIVE_STATUSES = ['open', 'in-progress', 'done', 'verified', 'risk-accepted'] as const;
export type CorrectiveStatus = (typeof CORRECTIVE_STATUSES)[number];
export const CLOSED_ACTION_STATUSES: readonly string[] = ['verified', 'risk-accepted'];

/** GET/PUT /audit-cycles */
export interface AuditCycles {
  method: string;
  levels: { level: string; levelName: string; years: number; isDefault: boolean }[];
}

export interface CalendarItem {
  systemId: string;
  name: string;
  securityLevel: string | null;
  lastAuditEnd: string | null;
  nextDue: string | null;
  /** Plain string: the server may know more states than this client. */
  state: string;
}

/** GET /audits/calendar */
export interface Calendar {
  items: CalendarItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<string, number>;
}

export interface AuditItem {
  id: string;
  ref: string;
  title: string;
  method: string;
  families: string[];
  periodStart: string;
  periodEnd: string;
  status: AuditStatus;
  conclusion: string | null;
  createdAt: string;
  closedAt: string | null;
}

/** An item of GET /audits. */
export interface AuditListItem extends AuditItem {
  systems: number;
  findings: number;
}

export interface Auditor {
  userId: string;
  name: string;
  email: string;
  lead: boolean;
  independence: string;
  declaredAt: string;
}

export interface AuditProgress {
  inScope: number;
  assessed: number;
  satisfied: number;
  partially: number;
  'not-satisfied': number;
  'not-applicable': number;
}

export interface FindingSummary {
  id: string;
  ref: string;
  title: string;
  severity: string;
  status: string;
  controlId: string | null;
}

/** GET /audits/:id */
export interface Audit extends AuditItem {
  systems: { id: string; name: string; securityLevel: string | null }[];
  components: { id: string; name: string }[];
  auditors: Auditor[];
  progress: AuditProgress;
  findings: FindingSummary[];
  /** The caller is one of the audit's auditors. */
  isAuditor: boolean;
}

/** Body of POST /audits. */
export interface AuditInput {
  title: string;
  method: string;
  periodStart: string;
  periodEnd: string;
  systemIds: string[];
  componentIds: string[];
  families: string[];
}

/** Body of PATCH /audits/:id (only what changes). */
export interface AuditPatch extends Partial<AuditInput> {
  status?: AuditStatus;
  conclusion?: string | null;
}

/** Body of POST /audits/:id/auditors. */
export interface AuditorInput {
  userId: string;
  lead: boolean;
  independence: string;
  noConsultingConfirmed: boolean;
}

/** A row of GET /audits/:id/requirements (the fieldwork list). */
export interface FieldworkItem {
  requirementId: string;
  systemId: string;
  systemName: string;
  controlId: string;
  title: string;
  label: string | null;
  family: string;
  implementationStatus: string;
  statement: string;
  inherited: boolean;
  result: string | null;
  observations: string | null;
  sampling: string | null;
  evidenceReviewed: string[];
  assessedAt: string | null;
}

export interface FieldworkQuery {
  systemId?: string;
  family?: string;
  result?: AuditResult;
  unassessed?: boolean;
}

/** Body of PUT /audits/:id/results/:requirementId. */
export interface ResultInput {
  result: AuditResult;
  observations: string;
  sampling: string;
  evidenceReviewed: string[];
}

/** Body of POST /audits/:id/findings. */
export interface FindingInput {
  title: string;
  description: string;
  severity: FindingSeverity;
  controlId: string | null;
  systemIds: string[];
  action: { title: string; ownerId: string | null; dueDate: string } | null;
}

export interface Milestone {
  id: string;
  title: string;
  dueDate: string;
  doneAt: string | null;
}

/** An item of GET /corrective-actions. */
export interface Action {
  id: string;
  title: string;
  description: string;
  /** Plain string: the server may know more statuses than this client. */
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  overdue: boolean;
  source: { type: 'finding' | 'incident'; id: string; ref: string; title: string; severity: string | null };
  milestones: Milestone[];
  riskAcceptance: { approverId: string; approverName: string | null; until: string | null; reason: string | null } | null;
  verification: { byName: string | null; at: string | null; note: string | null } | null;
  createdAt: string;
  closedAt: string | null;
}

export interface ActionQuery {
  status?: string;
  open?: boolean;
  ownerId?: string;
  overdue?: boolean;
  source?: 'finding' | 'incident';
}

/** A row of the statement of applicability. */
export interface SoaItem {
  controlId: string;
  label: string | null;
  title: string;
  group: string | null;
  applicable: boolean;
  reason: string;
  /** An officer decided; otherwise the default (whether any system's baseline includes it). */
  decided: boolean;
  systems: number;
  implemented: number;
  partially: number;
  notApplicable: number;
}

/** GET /soa/:catalogId */
export interface Soa {
  catalog: { id: string; versionId: string; title: string; version: string };
  summary: { controls: number; applicable: number };
  items: SoaItem[];
  total: number;
  page: number;
  pageSize: number;
}

export const REPORT_KINDS = ['council', 'system', 'audit', 'poam'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** POST /reports, GET /reports/:id */
export interface Report {
  id: string;
  kind: ReportKind;
  format: 'pdf' | 'html';
  subjectId: string | null;
  subjectName: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** 0–100 */
  progress: number;
  size: number | null;
  sha256: string | null;
  error: string | null;
  fileName: string;
  requestedAt: string;
  finishedAt: string | null;
}

const enc = encodeURIComponent;
export const auditApiPath = (id: string) => `/audits/${enc(id)}`;
export const actionApiPath = (id: string) => `/corrective-actions/${enc(id)}`;
export const soaApiPath = (catalogId: string) => `/soa/${enc(catalogId)}`;
/** Download of a generated report (a plain link: the browser saves the file). */
export const reportFileUrl = (id: string) => `/api/v1/reports/${enc(id)}/file`;
