import type { Insertable } from 'kysely';
import { containsText } from '../../db/like.js';
import type { SystemRow, SystemsTable } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export interface SystemFilter {
  q?: string;
  sector?: string;
  kind?: string;
  departmentId?: string;
  lifecycle?: string;
  securityLevel?: string;
  /** Only systems of this owner: how system owners see the register. */
  ownerId?: string;
}

/** All SQL of the register. Every method takes the organisation: no query runs unscoped. */
export class SystemRepository {
  find(db: Executor, orgId: string, id: string) {
    return db.selectFrom('systems').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  }

  async insert(db: Executor, row: Insertable<SystemsTable>) {
    await db.insertInto('systems').values(row).execute();
  }

  async update(db: Executor, orgId: string, id: string, patch: Partial<SystemRow>) {
    await db.updateTable('systems').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async delete(db: Executor, orgId: string, id: string) {
    await db.deleteFrom('systems').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  /** A system with the same name (case-insensitive) in the same department, other than `exceptId`. */
  duplicate(db: Executor, orgId: string, nameKey: string, departmentId: string | null, exceptId?: string) {
    let q = db.selectFrom('systems').select(['id', 'name']).where('org_id', '=', orgId).where('name_key', '=', nameKey);
    q = departmentId === null ? q.where('department_id', 'is', null) : q.where('department_id', '=', departmentId);
    if (exceptId) q = q.where('id', '!=', exceptId);
    return q.executeTakeFirst();
  }

  async list(db: Executor, orgId: string, f: SystemFilter, page: number, pageSize: number) {
    let q = db
      .selectFrom('systems')
      .leftJoin('users', 'users.id', 'systems.owner_id')
      .leftJoin('departments', 'departments.id', 'systems.department_id')
      .where('systems.org_id', '=', orgId);
    if (f.ownerId) q = q.where('systems.owner_id', '=', f.ownerId);
    if (f.sector) q = q.where('systems.sector', '=', f.sector);
    if (f.kind) q = q.where('systems.kind', '=', f.kind);
    if (f.lifecycle) q = q.where('systems.lifecycle', '=', f.lifecycle);
    if (f.securityLevel) q = q.where('systems.security_level', '=', f.securityLevel);
    if (f.departmentId) q = q.where('systems.department_id', '=', f.departmentId);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) =>
        eb.or([
          containsText('systems.name', needle),
          containsText('systems.description', needle),
          containsText('systems.supplier', needle),
        ]),
      );
    }
    const [{ total } = { total: 0 }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .selectAll('systems')
      .select(['users.name as owner_name', 'departments.name as department_name'])
      .orderBy('systems.name_key')
      .orderBy('systems.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items, total: Number(total) };
  }

  /** Every dependency edge of the organisation, for cycle checks (ids only: cheap even for thousands). */
  edges(db: Executor, orgId: string) {
    return db.selectFrom('system_dependencies').select(['system_id', 'depends_on_id']).where('org_id', '=', orgId).execute();
  }

  async addDependency(db: Executor, orgId: string, systemId: string, dependsOnId: string, at: string) {
    await db
      .insertInto('system_dependencies')
      .values({ org_id: orgId, system_id: systemId, depends_on_id: dependsOnId, created_at: at })
      .execute();
  }

  async removeDependency(db: Executor, orgId: string, systemId: string, dependsOnId: string): Promise<number> {
    const r = await db
      .deleteFrom('system_dependencies')
      .where('org_id', '=', orgId)
      .where('system_id', '=', systemId)
      .where('depends_on_id', '=', dependsOnId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** The named systems (id, name, kind), for drawing a dependency graph. */
  names(db: Executor, orgId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('systems').select(['id', 'name', 'kind', 'owner_id']).where('org_id', '=', orgId).where('id', 'in', ids).execute();
  }

  sectors(db: Executor, orgId: string) {
    return db.selectFrom('sectors').select(['key', 'name']).where('org_id', '=', orgId).orderBy('name').execute();
  }

  async addSector(db: Executor, orgId: string, key: string, name: string) {
    await db.insertInto('sectors').values({ org_id: orgId, key, name }).execute();
  }
}
