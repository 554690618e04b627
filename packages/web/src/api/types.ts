/** Response shapes of the CityShield API (JSON under /api/v1). */

export interface Me {
  id: string;
  email: string;
  name: string;
  role: string;
  roleName: string;
  orgId: string;
  orgName: string;
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
