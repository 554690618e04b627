import type { Kysely } from 'kysely';

/**
 * The register of information systems: systems, the dependencies between them, and the sectors an
 * organisation adds to the built-in list. Grants the register permissions to existing roles.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull()) // lower-cased name: duplicate detection per department
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id'))
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('personal_data', 'text', (c) => c.notNull()) // JSON array
    .addColumn('hosting', 'text', (c) => c.notNull())
    .addColumn('supplier', 'text')
    .addColumn('lifecycle', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull()) // JSON array
    .addColumn('custom_fields', 'text', (c) => c.notNull()) // JSON object
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('systems_org_name_idx').on('systems').columns(['org_id', 'name_key']).execute();
  await db.schema.createIndex('systems_org_owner_idx').on('systems').columns(['org_id', 'owner_id']).execute();
  await db.schema.createIndex('systems_org_dept_idx').on('systems').columns(['org_id', 'department_id']).execute();

  await db.schema
    .createTable('system_dependencies')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('depends_on_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('system_dependencies_pk', ['system_id', 'depends_on_id'])
    .execute();
  await db.schema.createIndex('system_dependencies_target_idx').on('system_dependencies').columns(['depends_on_id']).execute();
  await db.schema.createIndex('system_dependencies_org_idx').on('system_dependencies').columns(['org_id']).execute();

  await db.schema
    .createTable('sectors')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sectors_pk', ['org_id', 'key'])
    .execute();

  const grants: Record<string, string[]> = {
    admin: ['systems:read', 'systems:read-all', 'systems:edit', 'systems:manage-all'],
    security_officer: ['systems:read', 'systems:read-all', 'systems:edit', 'systems:manage-all'],
    system_owner: ['systems:read', 'systems:edit'],
    auditor: ['systems:read', 'systems:read-all'],
  };
  const orgs = await db.selectFrom('organisations').select('id').execute();
  const rows = orgs.flatMap((o) =>
    Object.entries(grants).flatMap(([role, perms]) => perms.map((permission) => ({ org_id: o.id, role, permission }))),
  );
  if (rows.length > 0) await db.insertInto('role_permissions').values(rows).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('role_permissions').where('permission', 'like', 'systems:%').execute();
  for (const t of ['sectors', 'system_dependencies', 'systems']) await db.schema.dropTable(t).ifExists().execute();
}
