/** Response and request shapes of incidents, their NIS2 clocks and reports (/incidents, /corrective-actions). */

export const INCIDENT_STATUSES = ['new', 'triage', 'containment', 'eradication', 'recovery', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const REPORT_STAGES = ['early-warning', 'notification', 'progress-report', 'final-report', 'gdpr-notification'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];
export type DeadlineState = 'pending' | 'due-soon' | 'overdue' | 'sent' | 'sent-late' | 'waiting';
export const ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The built-in threat keys: the incident type picker offers them when the incident types (GET /incidents/types) cannot be read. */
export const DEFAULT_THREATS = [
  'phishing',
  'credential-theft',
  'data-breach',
  'ransomware',
  'ddos',
  'defacement',
  'ot-manipulation',
  'insider-misuse',
  'supplier-compromise',
  'site-loss',
  'vulnerability-exploitation',
  'citizen-scam',
] as const;

export interface IncidentListItem {
  id: string;
  ref: string;
  title: string;
  type: string | null;
  /** Plain strings: the server may know more values than this client. */
  severity: string;
  status: IncidentStatus;
  significant: boolean;
  detectedAt: string;
  awareAt: string | null;
  reportCount: number;
  handlerId: string | null;
  handlerName: string | null;
  nextDeadline: { stage: ReportStage; due: string } | null;
}

export interface Deadline {
  stage: ReportStage;
  /** Null while it depends on something that has not happened yet (state "waiting"). */
  due: string | null;
  sentAt: string | null;
  state: DeadlineState;
  /** What the deadline is measured from, in words. */
  basis: string;
  /** Milliseconds left when the server answered (negative when overdue); null when sent or waiting. */
  remainingMs: number | null;
}

/** An affected system (GET /incidents/:id) or one a reporter can name (GET /incidents/reportable-systems). */
export interface IncidentSystem {
  id: string;
  name: string;
  kind: string;
  sector: string;
  /** Null when not classified, or when the caller may not see it (`levelVisible` false). */
  securityLevel: string | null;
  notation: string | null;
  /** Whether the caller may see the class: systems:read-all, or an owner for their own systems. */
  levelVisible: boolean;
}

/** An incident type (GET /incidents/types): a threat of the catalogue, built in or the organisation's own. */
export interface IncidentType {
  key: string;
  name: string;
  builtIn: boolean;
}

export interface TimelineEntry {
  id: string;
  at: string;
  kind: string;
  text: string;
  evidence: { id: string; name: string } | null;
  authorName: string | null;
}

export interface CorrectiveAction {
  id: string;
  title: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: string;
  closedAt: string | null;
}

export interface Incident extends IncidentListItem {
  typeName: string | null;
  description: string;
  personalData: boolean;
  malicious: boolean | null;
  /** Keys of the ticked significance criteria. */
  criteria: string[];
  iocs: string[];
  rootCause: string | null;
  lessonsLearned: string | null;
  containedAt: string | null;
  closedAt: string | null;
  source: string;
  /** The organisation's IANA time zone: every time on the incident is shown in it. */
  timeZone: string;
  deadlines: Deadline[];
  systems: IncidentSystem[];
  timeline: TimelineEntry[];
  reports: { stage: ReportStage; sentAt: string | null; updatedAt: string }[];
  actions: CorrectiveAction[];
  significanceCriteria: { key: string; text: string }[];
}

/** Body of POST /incidents. */
export interface IncidentInput {
  title: string;
  description: string;
  type: string | null;
  severity: Severity;
  systemIds: string[];
  personalData: boolean;
  malicious: boolean | null;
  detectedAt: string | null;
}

/** Body of PATCH /incidents/:id (only what changes). */
export interface IncidentPatch {
  title?: string;
  description?: string;
  type?: string | null;
  severity?: Severity;
  status?: IncidentStatus;
  handlerId?: string | null;
  systemIds?: string[];
  personalData?: boolean;
  malicious?: boolean | null;
  iocs?: string[];
  rootCause?: string | null;
  lessonsLearned?: string | null;
}

export interface Board {
  columns: { status: IncidentStatus; count: number; items: IncidentListItem[] }[];
}

export interface IncidentMetrics {
  since: string;
  total: number;
  open: number;
  significant: number;
  medianHoursToContain: number | null;
  byType: { type: string | null; count: number }[];
  bySector: { sector: string; count: number }[];
}

export interface ReportField {
  key: string;
  label: string;
  help: string;
  kind: 'text' | 'yes-no-unknown' | string;
  required: boolean;
}

export interface IncidentReport {
  incidentId: string;
  ref: string;
  stage: ReportStage;
  title: string;
  fields: ReportField[];
  content: Record<string, string>;
  /** False while it is the draft CityShield wrote from the incident. */
  saved: boolean;
  sentAt: string | null;
  /** Keys of required fields still empty. */
  missing: string[];
  deadline: Deadline | null;
  timeZone: string;
}

const enc = encodeURIComponent;
export const incidentApiPath = (id: string) => `/incidents/${enc(id)}`;
export const reportApiPath = (id: string, stage: string) => `${incidentApiPath(id)}/reports/${enc(stage)}`;
/** Attachment download of a report (a plain link: the browser saves the file). */
export const reportExportUrl = (id: string, stage: string, format: 'pdf' | 'json') =>
  `/api/v1${reportApiPath(id, stage)}/export?format=${format}`;
export const evidenceFileUrl = (id: string) => `/api/v1/evidence/${enc(id)}/file`;
