import { isPermission } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { ApiTokenRow } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { addMinutes, iso, newId, randomSecret, sha256 } from '../../util.js';
import type { IamRepositories } from './iam.repositories.js';

export const TOKEN_PREFIX = 'cst_';

export interface TokenView {
  id: string;
  name: string;
  userId: string;
  permissions: string[];
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const view = (t: ApiTokenRow): TokenView => ({
  id: t.id,
  name: t.name,
  userId: t.user_id,
  permissions: JSON.parse(t.permissions) as string[],
  prefix: t.prefix,
  createdAt: t.created_at,
  expiresAt: t.expires_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});

/**
 * API tokens: shown once, stored as SHA-256, scoped to a subset of the owner's permissions.
 * At use the scope is intersected again with the owner's current role, so demoting a user
 * narrows their tokens too.
 */
export class TokenService {
  constructor(
    private readonly ctx: AppContext,
    private readonly repos: IamRepositories,
  ) {}

  async list(actor: Actor): Promise<TokenView[]> {
    const ids = [actor.userId];
    if (actor.permissions.has('tokens:manage-service')) {
      const services = await this.ctx.db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('kind', '=', 'service')
        .execute();
      ids.push(...services.map((s) => s.id));
    }
    return (await this.repos.tokens.list(this.ctx.db, actor.orgId, ids)).map(view);
  }

  async create(actor: Actor, input: { name: string; permissions: string[]; expiresInDays: number; serviceAccountId?: string }) {
    if (actor.via === 'token') throw forbidden('API tokens cannot create other API tokens.');
    let ownerId = actor.userId;
    let ownerPermissions: ReadonlySet<string> = actor.permissions;
    if (input.serviceAccountId) {
      if (!actor.permissions.has('tokens:manage-service')) throw forbidden();
      const sa = await this.repos.users.find(this.ctx.db, actor.orgId, input.serviceAccountId);
      if (sa?.kind !== 'service') throw notFound('The service account');
      ownerId = sa.id;
      const saPerms = await this.repos.roles.permissionsOf(this.ctx.db, actor.orgId, sa.role);
      ownerPermissions = new Set(saPerms.filter((p) => actor.permissions.has(p)));
    }
    const bad = input.permissions.filter((p) => !isPermission(p) || !ownerPermissions.has(p));
    if (bad.length > 0) {
      throw new AppError(
        'VALIDATION',
        'A token can only carry permissions its owner holds.',
        bad.map((p) => ({ path: 'permissions', message: `not allowed: ${p}` })),
      );
    }
    const secret = `${TOKEN_PREFIX}${randomSecret(32)}`;
    const now = this.ctx.clock.now();
    const row: ApiTokenRow = {
      id: newId(),
      org_id: actor.orgId,
      user_id: ownerId,
      created_by: actor.userId,
      name: input.name,
      token_hash: sha256(secret),
      prefix: secret.slice(0, 8),
      permissions: JSON.stringify([...new Set(input.permissions)].sort()),
      created_at: iso(now),
      expires_at: iso(addMinutes(now, input.expiresInDays * 24 * 60)),
      last_used_at: null,
      revoked_at: null,
    };
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.repos.tokens.insert(trx, row);
      await audit({
        action: 'token.create',
        entityType: 'api_token',
        entityId: row.id,
        after: { name: row.name, userId: ownerId, permissions: JSON.parse(row.permissions), expiresAt: row.expires_at },
      });
    });
    return { token: view(row), secret };
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const row = await this.repos.tokens.find(trx, actor.orgId, id);
      if (!row) throw notFound('The token');
      if (row.user_id !== actor.userId) {
        const owner = await this.repos.users.find(trx, actor.orgId, row.user_id);
        const mayManage = owner?.kind === 'service' && actor.permissions.has('tokens:manage-service');
        if (!mayManage && !actor.permissions.has('users:manage')) throw notFound('The token');
      }
      await this.repos.tokens.revoke(trx, actor.orgId, id, iso(this.ctx.clock.now()));
      await audit({ action: 'token.revoke', entityType: 'api_token', entityId: id, before: { name: row.name } });
    });
  }

  async resolve(secret: string, ip: string | null): Promise<Actor | null> {
    if (!secret.startsWith(TOKEN_PREFIX)) return null;
    const db = this.ctx.db;
    const row = await this.repos.tokens.findByHash(db, sha256(secret));
    const now = this.ctx.clock.now();
    if (!row || row.revoked_at || row.expires_at < iso(now)) return null;
    const user = await this.repos.users.findByIdForAuth(db, row.user_id);
    if (!user || user.disabled) return null;
    const held = new Set(await this.repos.roles.permissionsOf(db, user.org_id, user.role));
    const scoped = (JSON.parse(row.permissions) as string[]).filter((p) => held.has(p));
    if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
      await this.repos.tokens.markUsed(db, row.id, iso(now));
    }
    return {
      userId: user.id,
      orgId: user.org_id,
      email: user.email,
      name: user.name,
      role: user.role,
      permissions: new Set(scoped),
      via: 'token',
      tokenId: row.id,
      ip,
    };
  }
}
