import type { Kysely } from 'kysely';

/**
 * The catalog library: catalogs and profiles with their versions (the OSCAL document kept whole),
 * and one row per control of each version so that browsing and search page on the server.
 * Also grants the two new permissions to the roles of organisations that already exist.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalogs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.references('organisations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // catalog | profile
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalogs_org_idx').on('catalogs').columns(['org_id', 'name']).execute();

  await db.schema
    .createTable('catalog_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('catalog_id', 'text', (c) => c.notNull().references('catalogs.id').onDelete('cascade'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('oscal_version', 'text', (c) => c.notNull())
    .addColumn('document_uuid', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('licence', 'text')
    .addColumn('control_count', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('resolved_from', 'text') // for a profile: the resolved catalog, as OSCAL JSON
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .execute();
  await db.schema.createIndex('catalog_versions_catalog_idx').on('catalog_versions').columns(['catalog_id', 'imported_at']).execute();

  await db.schema
    .createTable('catalog_controls')
    .addColumn('version_id', 'text', (c) => c.notNull().references('catalog_versions.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('group_title', 'text')
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalog_controls_pk', ['version_id', 'control_id'])
    .execute();
  await db.schema.createIndex('catalog_controls_order_idx').on('catalog_controls').columns(['version_id', 'position']).execute();

  const orgs = await db.selectFrom('organisations').select('id').execute();
  const grants: Array<{ org_id: string; role: string; permission: string }> = [];
  for (const o of orgs) {
    for (const role of ['admin', 'security_officer', 'system_owner', 'auditor', 'staff']) {
      grants.push({ org_id: o.id, role, permission: 'catalogs:read' });
    }
    for (const role of ['admin', 'security_officer']) grants.push({ org_id: o.id, role, permission: 'catalogs:manage' });
  }
  if (grants.length > 0) await db.insertInto('role_permissions').values(grants).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('role_permissions').where('permission', 'in', ['catalogs:read', 'catalogs:manage']).execute();
  for (const t of ['catalog_controls', 'catalog_versions', 'catalogs']) await db.schema.dropTable(t).ifExists().execute();
}
