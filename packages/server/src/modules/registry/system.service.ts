import { wouldCreateCycle } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext, Trx } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { SystemRow } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { iso, newId, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { BUILT_IN_SECTORS } from './register.vocabulary.js';
import { type SystemFilter, SystemRepository } from './system.repository.js';

export interface SystemInput {
  name: string;
  description: string;
  ownerId: string | null;
  departmentId: string | null;
  sector: string;
  kind: string;
  personalData: string[];
  hosting: string;
  supplier: string | null;
  lifecycle: string;
  tags: string[];
  customFields: Record<string, string>;
}

type Listed = RegisterColumns &
  Partial<Pick<SystemRow, 'security_level' | 'notation' | 'review_due' | 'classified_at'>> & {
    owner_name?: string | null;
    department_name?: string | null;
  };

export function systemView(s: Listed) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    ownerId: s.owner_id,
    ownerName: s.owner_name ?? null,
    departmentId: s.department_id,
    departmentName: s.department_name ?? null,
    sector: s.sector,
    kind: s.kind,
    personalData: JSON.parse(s.personal_data) as string[],
    hosting: s.hosting,
    supplier: s.supplier,
    lifecycle: s.lifecycle,
    tags: JSON.parse(s.tags) as string[],
    customFields: JSON.parse(s.custom_fields) as Record<string, string>,
    createdAt: s.created_at,
    updatedAt: s.updated_at,
    securityLevel: s.security_level ?? null,
    notation: s.notation ?? null,
    reviewDue: s.review_due ?? null,
    classifiedAt: s.classified_at ?? null,
  };
}
export type SystemView = ReturnType<typeof systemView>;

/**
 * The register. Security officers, administrators and auditors see every system; system owners
 * only their own (others' systems are "not found" to them, so existence does not leak).
 */
export class SystemService {
  readonly repo = new SystemRepository();
  /**
   * Set by the wiring: called in the transaction of a change that can alter protection needs or
   * requirement lists (dependencies, a system's kind, a deletion), with the systems to recompute.
   */
  onNeedsChanged?: (trx: Trx, actor: Actor, force: string[]) => Promise<void>;
  constructor(private readonly ctx: AppContext) {}

  private readAll = (a: Actor) => a.permissions.has('systems:read-all');
  private manageAll = (a: Actor) => a.permissions.has('systems:manage-all');

  async list(actor: Actor, filter: SystemFilter, page: number, pageSize: number): Promise<Page<SystemView>> {
    const f = this.readAll(actor) ? filter : { ...filter, ownerId: actor.userId };
    const { items, total } = await this.repo.list(this.ctx.db, actor.orgId, f, page, pageSize);
    return { items: items.map(systemView), total, page, pageSize };
  }

  /** Whether the caller may know this system exists. */
  canSee(actor: Actor, s: Pick<SystemRow, 'owner_id'>): boolean {
    return this.readAll(actor) || s.owner_id === actor.userId;
  }

  private async visible(db: Executor, actor: Actor, id: string): Promise<SystemRow> {
    const s = await this.repo.find(db, actor.orgId, id);
    if (!s || !this.canSee(actor, s)) throw notFound('The system');
    return s;
  }

  /** For other modules that change a system's data (classification, requirements). */
  assertEditable(db: Executor, actor: Actor, id: string): Promise<SystemRow> {
    return this.editable(db, actor, id);
  }

  private async editable(db: Executor, actor: Actor, id: string): Promise<SystemRow> {
    const s = await this.visible(db, actor, id);
    if (!this.manageAll(actor) && s.owner_id !== actor.userId) throw forbidden('You can only change systems you own.');
    return s;
  }

  /** Inside a change pass its transaction: on SQLite a second connection would wait for it forever. */
  async get(actor: Actor, id: string, db: Executor = this.ctx.db): Promise<SystemView> {
    const s = await this.visible(db, actor, id);
    const owner = s.owner_id ? await db.selectFrom('users').select('name').where('id', '=', s.owner_id).executeTakeFirst() : undefined;
    const dept = s.department_id
      ? await db.selectFrom('departments').select('name').where('id', '=', s.department_id).executeTakeFirst()
      : undefined;
    return systemView({ ...s, owner_name: owner?.name ?? null, department_name: dept?.name ?? null });
  }

  async sectors(actor: Actor) {
    const own = await this.repo.sectors(this.ctx.db, actor.orgId);
    return {
      items: [
        ...Object.entries(BUILT_IN_SECTORS).map(([key, name]) => ({ key, name, builtIn: true })),
        ...own.map((s) => ({ ...s, builtIn: false })),
      ],
    };
  }

  async addSector(actor: Actor, key: string, name: string) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const exists = key in BUILT_IN_SECTORS || (await this.repo.sectors(trx, actor.orgId)).some((s) => s.key === key);
      if (exists) throw new AppError('CONFLICT', `The sector "${key}" already exists.`, [{ path: 'key', message: 'already exists' }]);
      await this.repo.addSector(trx, actor.orgId, key, name);
      await audit({ action: 'sector.create', entityType: 'sector', entityId: key, after: { key, name } });
      return { key, name, builtIn: false };
    });
  }

  /** Checks references (owner, department, sector) and the one-name-per-department rule. */
  private async check(trx: Trx, actor: Actor, input: SystemInput, exceptId?: string): Promise<void> {
    const details = [];
    if (input.ownerId) {
      const u = await trx
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.ownerId)
        .executeTakeFirst();
      if (!u) details.push({ path: 'ownerId', message: 'no such user in this organisation' });
    }
    if (input.departmentId) {
      const d = await trx
        .selectFrom('departments')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.departmentId)
        .executeTakeFirst();
      if (!d) details.push({ path: 'departmentId', message: 'no such department' });
    }
    if (!(input.sector in BUILT_IN_SECTORS) && !(await this.repo.sectors(trx, actor.orgId)).some((s) => s.key === input.sector)) {
      details.push({ path: 'sector', message: `unknown sector "${input.sector}"; add it to the organisation's sectors first` });
    }
    if (details.length > 0) throw new AppError('VALIDATION', 'The system refers to things that do not exist.', details);
    const dupe = await this.repo.duplicate(trx, actor.orgId, input.name.toLowerCase(), input.departmentId, exceptId);
    if (dupe) {
      throw new AppError('CONFLICT', `The department already has a system named "${dupe.name}".`, [
        { path: 'name', message: 'duplicate in this department' },
      ]);
    }
  }

  async create(actor: Actor, input: SystemInput): Promise<SystemView> {
    if (!this.manageAll(actor) && input.ownerId && input.ownerId !== actor.userId)
      throw forbidden('You can only register systems that you own.');
    const owned = this.manageAll(actor) ? input : { ...input, ownerId: actor.userId };
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.check(trx, actor, owned);
      const now = iso(this.ctx.clock.now());
      const row = toRow(newId(), actor.orgId, owned, now, now);
      await this.repo.insert(trx, row);
      const view = systemView(row);
      await audit({ action: 'system.create', entityType: 'system', entityId: row.id, after: view });
      return view;
    });
  }

  async update(actor: Actor, id: string, patch: Partial<SystemInput>): Promise<SystemView> {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.editable(trx, actor, id);
      const current = systemView(before);
      if (patch.ownerId !== undefined && patch.ownerId !== before.owner_id && !this.manageAll(actor)) {
        throw forbidden('Only a security officer or administrator can hand a system to another owner.');
      }
      const next: SystemInput = { ...current, ...patch };
      await this.check(trx, actor, next, id);
      const row = toRow(id, actor.orgId, next, before.created_at, iso(this.ctx.clock.now()));
      await this.repo.update(trx, actor.orgId, id, row);
      if (row.kind !== before.kind) await this.onNeedsChanged?.(trx, actor, [id]);
      const after = systemView(row);
      await audit({ action: 'system.update', entityType: 'system', entityId: id, before: current, after });
      return this.get(actor, id, trx);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.visible(trx, actor, id);
      await this.repo.delete(trx, actor.orgId, id);
      await this.onNeedsChanged?.(trx, actor, []);
      await audit({ action: 'system.delete', entityType: 'system', entityId: id, before: systemView(before) });
    });
  }

  /** "A depends on B". Refused when B already depends on A, directly or through others. */
  async addDependency(actor: Actor, systemId: string, dependsOnId: string): Promise<void> {
    if (systemId === dependsOnId)
      throw new AppError('VALIDATION', 'A system cannot depend on itself.', [{ path: 'dependsOnId', message: 'same system' }]);
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      // One dependency change per organisation at a time, so two requests cannot close a cycle.
      if (this.ctx.kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`deps:${actor.orgId}`}))`.execute(trx);
      const system = await this.editable(trx, actor, systemId);
      const target = await this.repo.find(trx, actor.orgId, dependsOnId);
      if (!target || !this.canSee(actor, target))
        throw new AppError('VALIDATION', 'The system it depends on does not exist.', [{ path: 'dependsOnId', message: 'not found' }]);
      const edges = await this.repo.edges(trx, actor.orgId);
      if (edges.some((e) => e.system_id === systemId && e.depends_on_id === dependsOnId)) {
        throw new AppError('CONFLICT', `${system.name} already depends on ${target.name}.`);
      }
      const deps = edges.map((e) => ({ dependent: e.system_id, dependsOn: e.depends_on_id }));
      const path = wouldCreateCycle(deps, { dependent: systemId, dependsOn: dependsOnId });
      if (path) {
        const names = new Map((await this.repo.names(trx, actor.orgId, path)).map((n) => [n.id, n.name]));
        const cycle = path.map((p) => names.get(p) ?? p).join(' → ');
        throw new AppError('VALIDATION', `This dependency would create a cycle: ${cycle}.`, [
          { path: 'dependsOnId', message: 'would create a cycle' },
        ]);
      }
      await this.repo.addDependency(trx, actor.orgId, systemId, dependsOnId, iso(this.ctx.clock.now()));
      await this.onNeedsChanged?.(trx, actor, []);
      await audit({
        action: 'system.dependency_add',
        entityType: 'system',
        entityId: systemId,
        after: { dependsOn: dependsOnId, name: target.name },
      });
    });
  }

  async removeDependency(actor: Actor, systemId: string, dependsOnId: string): Promise<void> {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.editable(trx, actor, systemId);
      if ((await this.repo.removeDependency(trx, actor.orgId, systemId, dependsOnId)) === 0) throw notFound('The dependency');
      await this.onNeedsChanged?.(trx, actor, []);
      await audit({ action: 'system.dependency_remove', entityType: 'system', entityId: systemId, before: { dependsOn: dependsOnId } });
    });
  }

  /** The neighbourhood of a system, `depth` steps both ways, for a graph a person can read. */
  async graph(actor: Actor, id: string, depth: number) {
    await this.visible(this.ctx.db, actor, id);
    const edges = await this.repo.edges(this.ctx.db, actor.orgId);
    const seen = new Set([id]);
    let frontier = new Set([id]);
    const kept = new Set<(typeof edges)[number]>();
    for (let d = 0; d < depth && frontier.size > 0 && seen.size < 200; d++) {
      const next = new Set<string>();
      for (const e of edges) {
        if (!frontier.has(e.system_id) && !frontier.has(e.depends_on_id)) continue;
        kept.add(e);
        for (const n of [e.system_id, e.depends_on_id]) {
          if (!seen.has(n)) {
            seen.add(n);
            next.add(n);
          }
        }
      }
      frontier = next;
    }
    // System owners see only their own systems in the graph, as everywhere else.
    const nodes = (await this.repo.names(this.ctx.db, actor.orgId, [...seen])).filter((n) => this.canSee(actor, n));
    const ids = new Set(nodes.map((n) => n.id));
    return {
      nodes: nodes.map((n) => ({ id: n.id, name: n.name, kind: n.kind, focus: n.id === id })),
      edges: [...kept]
        .filter((e) => ids.has(e.system_id) && ids.has(e.depends_on_id))
        .map((e) => ({ from: e.system_id, to: e.depends_on_id })),
    };
  }
}

/** The register's own columns; the classification columns are kept by the classification module. */
export type RegisterColumns = Omit<SystemRow, 'security_level' | 'notation' | 'review_due' | 'classified_at'>;

function toRow(id: string, orgId: string, s: SystemInput, createdAt: string, updatedAt: string): RegisterColumns {
  return {
    id,
    org_id: orgId,
    name: s.name,
    name_key: s.name.toLowerCase(),
    description: s.description,
    owner_id: s.ownerId,
    department_id: s.departmentId,
    sector: s.sector,
    kind: s.kind,
    personal_data: JSON.stringify([...new Set(s.personalData)]),
    hosting: s.hosting,
    supplier: s.supplier,
    lifecycle: s.lifecycle,
    tags: JSON.stringify([...new Set(s.tags)]),
    custom_fields: JSON.stringify(s.customFields),
    created_at: createdAt,
    updated_at: updatedAt,
  };
}
