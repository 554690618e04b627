import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { DepartmentRow, OrganisationRow } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { iso, newId } from '../../util.js';
import { OrganisationRepository } from './organisation.repository.js';

const orgView = (o: OrganisationRow) => ({ id: o.id, name: o.name, timeZone: o.time_zone, createdAt: o.created_at });
const deptView = (d: DepartmentRow) => ({ id: d.id, name: d.name, parentId: d.parent_id });

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class OrganisationService {
  private readonly repo = new OrganisationRepository();
  constructor(private readonly ctx: AppContext) {}

  async get(actor: Actor) {
    const o = await this.repo.find(this.ctx.db, actor.orgId);
    if (!o) throw notFound('The organisation');
    return orgView(o);
  }

  async update(actor: Actor, patch: { name?: string; timeZone?: string }) {
    if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
      throw new AppError('VALIDATION', 'Unknown time zone.', [{ path: 'timeZone', message: 'use an IANA name such as Europe/Tallinn' }]);
    }
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.repo.find(trx, actor.orgId);
      if (!before) throw notFound('The organisation');
      if (patch.name && patch.name !== before.name && (await this.repo.nameTaken(trx, patch.name))) {
        throw new AppError('CONFLICT', 'An organisation with this name already exists.', [{ path: 'name', message: 'already in use' }]);
      }
      await this.repo.update(trx, actor.orgId, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
        updated_at: iso(this.ctx.clock.now()),
      });
      const after = await this.repo.find(trx, actor.orgId);
      if (!after) throw notFound('The organisation');
      await audit({
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: actor.orgId,
        before: orgView(before),
        after: orgView(after),
      });
      return orgView(after);
    });
  }

  async departments(actor: Actor) {
    return { items: (await this.repo.departments(this.ctx.db, actor.orgId)).map(deptView) };
  }

  async createDepartment(actor: Actor, input: { name: string; parentId?: string | null }) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (input.parentId && !(await this.repo.department(trx, actor.orgId, input.parentId))) {
        throw new AppError('VALIDATION', 'The parent department does not exist.', [{ path: 'parentId', message: 'not found' }]);
      }
      const row: DepartmentRow = {
        id: newId(),
        org_id: actor.orgId,
        parent_id: input.parentId ?? null,
        name: input.name,
        created_at: iso(this.ctx.clock.now()),
      };
      await this.repo.insertDepartment(trx, row);
      await audit({ action: 'department.create', entityType: 'department', entityId: row.id, after: deptView(row) });
      return deptView(row);
    });
  }

  async updateDepartment(actor: Actor, id: string, patch: { name?: string; parentId?: string | null }) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.repo.department(trx, actor.orgId, id);
      if (!before) throw notFound('The department');
      if (patch.parentId) {
        const all = await this.repo.departments(trx, actor.orgId);
        if (!all.some((d) => d.id === patch.parentId)) {
          throw new AppError('VALIDATION', 'The parent department does not exist.', [{ path: 'parentId', message: 'not found' }]);
        }
        if (wouldCycle(all, id, patch.parentId)) {
          throw new AppError('VALIDATION', 'A department cannot be moved under itself or one of its sub-departments.', [
            { path: 'parentId', message: 'would create a cycle' },
          ]);
        }
      }
      await this.repo.updateDepartment(trx, actor.orgId, id, {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
      });
      const after = await this.repo.department(trx, actor.orgId, id);
      if (!after) throw notFound('The department');
      await audit({
        action: 'department.update',
        entityType: 'department',
        entityId: id,
        before: deptView(before),
        after: deptView(after),
      });
      return deptView(after);
    });
  }

  async deleteDepartment(actor: Actor, id: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.repo.department(trx, actor.orgId, id);
      if (!before) throw notFound('The department');
      const usage = await this.repo.usage(trx, actor.orgId, id);
      if (usage.children > 0 || usage.users > 0 || usage.invitations > 0 || usage.systems > 0) {
        throw new AppError(
          'CONFLICT',
          `The department still has ${usage.children} sub-departments, ${usage.users} users, ${usage.invitations} invitations and ${usage.systems} systems. Move them first.`,
        );
      }
      await this.repo.deleteDepartment(trx, actor.orgId, id);
      await audit({ action: 'department.delete', entityType: 'department', entityId: id, before: deptView(before) });
    });
  }
}

/** True when making `parentId` the parent of `id` would put `id` among its own ancestors. */
export function wouldCycle(all: readonly { id: string; parent_id: string | null }[], id: string, parentId: string): boolean {
  const parentOf = new Map(all.map((d) => [d.id, d.parent_id]));
  let cur: string | null | undefined = parentId;
  const seen = new Set<string>();
  while (cur) {
    if (cur === id || seen.has(cur)) return true;
    seen.add(cur);
    cur = parentOf.get(cur);
  }
  return false;
}
