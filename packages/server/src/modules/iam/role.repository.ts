import { DEFAULT_ROLES } from '@cityshield/core';
import type { Executor } from '../audit/audit.repository.js';

export class RoleRepository {
  async seedDefaults(db: Executor, orgId: string): Promise<void> {
    const rows = DEFAULT_ROLES.flatMap((r) => r.permissions.map((permission) => ({ org_id: orgId, role: r.key, permission })));
    if (rows.length > 0) await db.insertInto('role_permissions').values(rows).execute();
  }

  async permissionsOf(db: Executor, orgId: string, role: string): Promise<string[]> {
    const rows = await db
      .selectFrom('role_permissions')
      .select('permission')
      .where('org_id', '=', orgId)
      .where('role', '=', role)
      .execute();
    return rows.map((r) => r.permission);
  }

  async all(db: Executor, orgId: string): Promise<Map<string, string[]>> {
    const rows = await db.selectFrom('role_permissions').select(['role', 'permission']).where('org_id', '=', orgId).execute();
    const map = new Map<string, string[]>();
    for (const r of rows) map.set(r.role, [...(map.get(r.role) ?? []), r.permission]);
    return map;
  }
}
