import type { Generated } from 'kysely';

/** Organisations, people, sessions, tokens, the audit log and background jobs. Conventions: see ../schema.ts. */

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
