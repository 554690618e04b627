/** Response shapes of the CityShield API (JSON under /api/v1). */

export interface Me {
  id: string;
  email: string;
  name: string;
  role: string;
  roleName: string;
  orgId: string;
  orgName: string;
  /** The organisation's IANA time zone (dates and deadlines are shown in it). */
  orgTimeZone: string;
  departmentId: string | null;
  permissions: string[];
}

export interface AuthResponse {
  user: Me;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Items<T> {
  items: T[];
}

export interface SetupStatus {
  needsSetup: boolean;
}

export interface Session {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  userId: string;
}

export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

export interface Organisation {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
}

export interface Department {
  id: string;
  name: string;
  parentId: string | null;
}

export const USER_STATUSES = ['active', 'disabled', 'locked'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  departmentId: string | null;
  departmentName: string | null;
  status: UserStatus;
  lastLoginAt: string | null;
  createdAt: string;
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface Invitation {
  id: string;
  email: string;
  role: string;
  departmentId: string | null;
  status: InvitationStatus;
  expiresAt: string;
  createdAt: string;
}

export interface CreatedInvitation {
  invitation: Invitation;
  link?: string;
}

export interface InvitationLookup {
  email: string;
  orgName: string;
  role: string;
  roleName: string;
}

export interface Role {
  key: string;
  name: string;
  description: string;
  permissions: string[];
}

export interface Permission {
  key: string;
  description: string;
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface AuditEntry {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: { [key: string]: Json } | null;
  after: { [key: string]: Json } | null;
  ip: string | null;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: string | null;
}

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface Job {
  id: string;
  name: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  lastError: string | null;
  key: string | null;
}

export type CatalogKind = 'catalog' | 'profile';

export interface CatalogVersion {
  id: string;
  catalogId: string;
  version: string;
  oscalVersion: string;
  title: string;
  source: string;
  licence: string | null;
  controlCount: number;
  importedAt: string;
}

export interface CatalogSummary {
  id: string;
  name: string;
  kind: CatalogKind;
  builtIn: boolean;
  versionCount: number;
  latest: CatalogVersion | null;
}

export interface CatalogDetail {
  id: string;
  name: string;
  kind: CatalogKind;
  builtIn: boolean;
  /** Newest first. */
  versions: CatalogVersion[];
}

export interface CatalogGroup {
  id: string | null;
  title: string | null;
  controls: number;
}

export interface CatalogVersionInfo extends CatalogVersion {
  kind: CatalogKind;
  name: string;
  builtIn: boolean;
  groups: CatalogGroup[];
}

export interface ControlSummary {
  id: string;
  title: string;
  label: string | null;
  parentId: string | null;
  groupId: string | null;
  groupTitle: string | null;
  depth: number;
  withdrawn: boolean;
}

export interface ControlDetail {
  id: string;
  title: string;
  label: string | null;
  parentId: string | null;
  groupId: string | null;
  groupTitle: string | null;
  withdrawn: boolean;
  /** The OSCAL control object without nested controls (params, props, links, parts, class…). */
  body: { [key: string]: Json };
  enhancements: { id: string; title: string; label: string | null; withdrawn: boolean }[];
}

export interface CatalogImportResult {
  catalogId: string;
  version: CatalogVersion;
  notes: string[];
}

export interface OscalValidation {
  valid: boolean;
  model: string | null;
  declaredVersion: string | null;
  schemaVersion: string | null;
  notes: string[];
  errors: { pointer: string; message: string }[];
  truncated: boolean;
}

export interface ControlRef {
  id: string;
  title: string;
}

export interface CatalogDiff {
  from: CatalogVersion;
  to: CatalogVersion;
  added: ControlRef[];
  removed: ControlRef[];
  changed: (ControlRef & { aspects: string[] })[];
  unchanged: number;
}
