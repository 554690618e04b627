import { isRoleKey } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { UserRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { iso, newId, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { IamRepositories } from './iam.repositories.js';
import type { UserListFilter } from './user.repository.js';

export type UserStatus = 'active' | 'disabled' | 'locked';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  kind: string;
  departmentId: string | null;
  departmentName: string | null;
  status: UserStatus;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface UserPatch {
  name?: string;
  role?: string;
  departmentId?: string | null;
  disabled?: boolean;
}

/**
 * Nobody hands out more than they hold: granting a role (invitation, role change, service
 * account) or taking over an account (reset link) needs every permission of that role.
 */
export async function assertMayGrant(db: Executor, repos: IamRepositories, actor: Actor, role: string): Promise<void> {
  const needed = await repos.roles.permissionsOf(db, actor.orgId, role);
  const missing = needed.filter((p) => !actor.permissions.has(p));
  if (missing.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot grant the role "${role}": it holds permissions you do not have.`,
      missing.map((p) => ({ path: 'role', message: `requires ${p}` })),
    );
  }
}

export class UserService {
  constructor(
    private readonly ctx: AppContext,
    private readonly repos: IamRepositories,
  ) {}

  view(u: UserRow & { department_name?: string | null }): UserView {
    const now = iso(this.ctx.clock.now());
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      kind: u.kind,
      departmentId: u.department_id,
      departmentName: u.department_name ?? null,
      status: u.disabled ? 'disabled' : u.locked_until && u.locked_until > now ? 'locked' : 'active',
      lastLoginAt: u.last_login_at,
      createdAt: u.created_at,
    };
  }

  async list(actor: Actor, filter: UserListFilter, page: number, pageSize: number): Promise<Page<UserView>> {
    const { items, total } = await this.repos.users.list(this.ctx.db, actor.orgId, filter, page, pageSize);
    return { items: items.map((u) => this.view(u)), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    const u = await this.repos.users.find(this.ctx.db, actor.orgId, id);
    if (!u) throw notFound('The user');
    return this.view(u);
  }

  async update(actor: Actor, id: string, patch: UserPatch): Promise<UserView> {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.repos.users.find(trx, actor.orgId, id);
      if (!before) throw notFound('The user');
      if (patch.role !== undefined && !isRoleKey(patch.role)) {
        throw new AppError('VALIDATION', 'Unknown role.', [{ path: 'role', message: 'not a role of this organisation' }]);
      }
      if (patch.role !== undefined) await assertMayGrant(trx, this.repos, actor, patch.role);
      // Changing someone who holds more than you (e.g. an administrator) is refused as well.
      await assertMayGrant(trx, this.repos, actor, before.role);
      if (patch.departmentId) {
        const dept = await trx
          .selectFrom('departments')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', patch.departmentId)
          .executeTakeFirst();
        if (!dept) throw new AppError('VALIDATION', 'Unknown department.', [{ path: 'departmentId', message: 'not found' }]);
      }
      const losesAdmin = before.role === 'admin' && ((patch.role && patch.role !== 'admin') || patch.disabled === true);
      // Serialised per organisation, so two administrators cannot demote each other at once.
      if (losesAdmin && this.ctx.kind === 'postgres')
        await sql`select pg_advisory_xact_lock(hashtext(${`admins:${actor.orgId}`}))`.execute(trx);
      if (losesAdmin && (await this.repos.users.countAdmins(trx, actor.orgId)) <= 1) {
        throw new AppError('CONFLICT', 'The organisation must keep at least one active administrator.');
      }
      const now = iso(this.ctx.clock.now());
      await this.repos.users.update(trx, actor.orgId, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.departmentId !== undefined ? { department_id: patch.departmentId } : {}),
        ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
        updated_at: now,
      });
      // Disabling or changing the role ends the user's sessions so the change applies at once.
      if (patch.disabled === true || (patch.role !== undefined && patch.role !== before.role)) {
        await this.repos.sessions.deleteForUser(trx, actor.orgId, id);
      }
      const after = await this.repos.users.find(trx, actor.orgId, id);
      if (!after) throw notFound('The user');
      await audit({ action: 'user.update', entityType: 'user', entityId: id, before: auditable(before), after: auditable(after) });
      return this.view(after);
    });
  }

  async endSessions(actor: Actor, id: string): Promise<number> {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const user = await this.repos.users.find(trx, actor.orgId, id);
      if (!user) throw notFound('The user');
      const n = await this.repos.sessions.deleteForUser(trx, actor.orgId, id);
      await audit({ action: 'session.end_all_for_user', entityType: 'user', entityId: id, after: { ended: n } });
      return n;
    });
  }

  /**
   * Lifts a temporary lockout at once. Failures are counted since the last success, so the
   * unlock is recorded as one (from the address "admin-unlock").
   */
  async unlock(actor: Actor, id: string): Promise<UserView> {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const user = await this.repos.users.find(trx, actor.orgId, id);
      if (!user) throw notFound('The user');
      const now = iso(this.ctx.clock.now());
      await this.repos.users.update(trx, actor.orgId, id, { locked_until: null, failed_logins: 0, updated_at: now });
      await this.repos.credentials.recordAttempt(trx, user.email, 'admin-unlock', now, true);
      await audit({ action: 'user.unlock', entityType: 'user', entityId: id, before: { lockedUntil: user.locked_until } });
      return this.view({ ...user, locked_until: null, failed_logins: 0 });
    });
  }

  /** A service account is a user that cannot log in; it acts only through its API tokens. */
  async createServiceAccount(actor: Actor, name: string, role: string): Promise<UserView> {
    if (!isRoleKey(role)) throw new AppError('VALIDATION', 'Unknown role.', [{ path: 'role', message: 'not a role' }]);
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await assertMayGrant(trx, this.repos, actor, role);
      const now = iso(this.ctx.clock.now());
      const id = newId();
      const row: UserRow = {
        id,
        org_id: actor.orgId,
        email: `service+${id}@service.invalid`,
        name,
        role,
        kind: 'service',
        department_id: null,
        password_hash: null,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: null,
        created_at: now,
        updated_at: now,
      };
      await this.repos.users.insert(trx, row);
      await audit({ action: 'user.create_service_account', entityType: 'user', entityId: id, after: auditable(row) });
      return this.view(row);
    });
  }
}

/** What the audit log records of a user: never the password hash. */
export function auditable(u: UserRow) {
  return { email: u.email, name: u.name, role: u.role, kind: u.kind, departmentId: u.department_id, disabled: u.disabled === 1 };
}
