import type { DepartmentRow } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export class OrganisationRepository {
  find(db: Executor, orgId: string) {
    return db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
  }

  async nameTaken(db: Executor, name: string): Promise<boolean> {
    return (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst()) !== undefined;
  }

  async update(db: Executor, orgId: string, patch: { name?: string; time_zone?: string; updated_at: string }) {
    await db.updateTable('organisations').set(patch).where('id', '=', orgId).execute();
  }

  departments(db: Executor, orgId: string): Promise<DepartmentRow[]> {
    return db.selectFrom('departments').selectAll().where('org_id', '=', orgId).orderBy('name').limit(5000).execute();
  }

  department(db: Executor, orgId: string, id: string) {
    return db.selectFrom('departments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  }

  async insertDepartment(db: Executor, row: DepartmentRow) {
    await db.insertInto('departments').values(row).execute();
  }

  async updateDepartment(db: Executor, orgId: string, id: string, patch: { name?: string; parent_id?: string | null }) {
    await db.updateTable('departments').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async deleteDepartment(db: Executor, orgId: string, id: string) {
    await db.deleteFrom('departments').where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async usage(db: Executor, orgId: string, id: string) {
    const count = async (table: 'departments' | 'users' | 'invitations' | 'systems', column: 'parent_id' | 'department_id') => {
      const r = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .where(column, '=', id)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    };
    return {
      children: await count('departments', 'parent_id'),
      users: await count('users', 'department_id'),
      invitations: await count('invitations', 'department_id'),
      systems: await count('systems', 'department_id'),
    };
  }
}
