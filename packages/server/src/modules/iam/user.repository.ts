import { containsText } from '../../db/like.js';
import type { NewUser, UserRow, UserUpdate } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export interface UserListFilter {
  q?: string;
  role?: string;
  kind?: 'person' | 'service';
}

/** Every method but the login look-ups takes the caller's organisation: no query runs unscoped. */
export class UserRepository {
  /** Login names are unique across the installation, so login looks up without an org scope. */
  findByEmailForLogin(db: Executor, email: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  }

  findByIdForAuth(db: Executor, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  find(db: Executor, orgId: string, id: string): Promise<UserRow | undefined> {
    return db.selectFrom('users').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  }

  async emailTaken(db: Executor, email: string): Promise<boolean> {
    const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    return row !== undefined;
  }

  async insert(db: Executor, user: NewUser): Promise<void> {
    await db.insertInto('users').values(user).execute();
  }

  async update(db: Executor, orgId: string, id: string, patch: UserUpdate): Promise<void> {
    await db.updateTable('users').set(patch).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  async countAdmins(db: Executor, orgId: string): Promise<number> {
    const row = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .where('kind', '=', 'person')
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async anyAdminExists(db: Executor): Promise<boolean> {
    const row = await db.selectFrom('users').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  async list(db: Executor, orgId: string, f: UserListFilter, page: number, pageSize: number) {
    let q = db.selectFrom('users').leftJoin('departments', 'departments.id', 'users.department_id').where('users.org_id', '=', orgId);
    if (f.kind) q = q.where('users.kind', '=', f.kind);
    if (f.role) q = q.where('users.role', '=', f.role);
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText('users.name', needle), containsText('users.email', needle)]));
    }
    const [{ total } = { total: 0 }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .selectAll('users')
      .select('departments.name as department_name')
      .orderBy('users.name')
      .orderBy('users.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items, total: Number(total) };
  }
}
