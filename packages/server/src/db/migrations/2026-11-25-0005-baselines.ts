import type { Kysely } from 'kysely';

/**
 * Baselines and implementation: which profile each security level maps to, the requirement list
 * of every system (one row per system and control, kept when a requirement stops applying so its
 * status returns with it), common components that implement requirements once, evidence and
 * comments, the diff shown after each recomputation, and a per-system-and-family summary that the
 * dashboard aggregates instead of the hundreds of thousands of requirement rows.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  // The effective classification, kept on the system so lists and the dashboard need no join.
  for (const column of ['security_level', 'notation', 'review_due', 'classified_at']) {
    await db.schema.alterTable('systems').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('organisations')
    .addColumn('baseline_narrow_by_kind', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('baseline_levels')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('method_key', 'text', (c) => c.notNull())
    .addColumn('level_key', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull().references('catalog_versions.id'))
    .addPrimaryKeyConstraint('baseline_levels_pk', ['org_id', 'method_key', 'level_key'])
    .execute();

  await db.schema
    .createTable('components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // service | software | hardware | policy | process | physical | …
    .addColumn('provider', 'text')
    .addColumn('oscal_uuid', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('components_org_idx').on('components').columns(['org_id', 'name']).execute();

  await db.schema
    .createTable('component_requirements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('responsible_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('component_requirements_uq')
    .on('component_requirements')
    .columns(['component_id', 'control_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('system_components')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('system_components_pk', ['system_id', 'component_id'])
    .execute();
  await db.schema.createIndex('system_components_component_idx').on('system_components').columns(['component_id']).execute();

  await db.schema
    .createTable('system_requirements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('family_title', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('applies', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // the system's own status
    .addColumn('effective_status', 'text', (c) => c.notNull()) // own, or the inherited component's
    .addColumn('component_id', 'text') // inherited from (null = own)
    .addColumn('override', 'integer', (c) => c.notNull().defaultTo(0)) // the system overrides what it would inherit
    .addColumn('justification', 'text')
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('responsible_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('review_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('system_requirements_uq').on('system_requirements').columns(['system_id', 'control_id']).unique().execute();
  await db.schema
    .createIndex('system_requirements_list_idx')
    .on('system_requirements')
    .columns(['system_id', 'applies', 'position'])
    .execute();
  await db.schema
    .createIndex('system_requirements_responsible_idx')
    .on('system_requirements')
    .columns(['org_id', 'responsible_id', 'due_date'])
    .execute();
  await db.schema
    .createIndex('system_requirements_status_idx')
    .on('system_requirements')
    .columns(['org_id', 'effective_status', 'due_date'])
    .execute();
  await db.schema.createIndex('system_requirements_control_idx').on('system_requirements').columns(['org_id', 'control_id']).execute();
  await db.schema.createIndex('system_requirements_component_idx').on('system_requirements').columns(['component_id']).execute();

  await db.schema
    .createTable('requirement_summary')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('family_title', 'text', (c) => c.notNull())
    .addColumn('not_started', 'integer', (c) => c.notNull())
    .addColumn('planned', 'integer', (c) => c.notNull())
    .addColumn('partially', 'integer', (c) => c.notNull())
    .addColumn('implemented', 'integer', (c) => c.notNull())
    .addColumn('not_applicable', 'integer', (c) => c.notNull())
    .addColumn('review_required', 'integer', (c) => c.notNull())
    .addColumn('open_due', 'text', (c) => c.notNull()) // JSON: due date → open requirements due that day
    .addPrimaryKeyConstraint('requirement_summary_pk', ['system_id', 'family'])
    .execute();
  await db.schema.createIndex('requirement_summary_org_idx').on('requirement_summary').columns(['org_id']).execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull()) // requirement | component-requirement
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // file | link
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('sha256', 'text')
    .addColumn('size', 'integer')
    .addColumn('media_type', 'text')
    .addColumn('added_by', 'text')
    .addColumn('added_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_target_idx').on('evidence').columns(['target_type', 'target_id']).execute();

  await db.schema
    .createTable('requirement_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('system_requirements.id').onDelete('cascade'))
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requirement_comments_idx').on('requirement_comments').columns(['requirement_id', 'created_at']).execute();

  await db.schema
    .createTable('baseline_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('cause', 'text', (c) => c.notNull()) // classification | mapping | upgrade | components
    .addColumn('security_level', 'text')
    .addColumn('version_id', 'text')
    .addColumn('added', 'text', (c) => c.notNull()) // JSON control ids
    .addColumn('removed', 'text', (c) => c.notNull())
    .addColumn('changed', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by', 'text')
    .execute();
  await db.schema.createIndex('baseline_changes_system_idx').on('baseline_changes').columns(['system_id', 'at']).execute();

  await db.schema
    .createTable('compliance_snapshots')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('implemented', 'integer', (c) => c.notNull())
    .addColumn('partially', 'integer', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('compliance_snapshots_pk', ['org_id', 'day'])
    .execute();

  const orgs = await db.selectFrom('organisations').select('id').execute();
  const rows = orgs.flatMap((o) => ['admin', 'security_officer'].map((role) => ({ org_id: o.id, role, permission: 'components:manage' })));
  if (rows.length > 0) await db.insertInto('role_permissions').values(rows).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('role_permissions').where('permission', '=', 'components:manage').execute();
  for (const t of [
    'compliance_snapshots',
    'baseline_changes',
    'requirement_comments',
    'evidence',
    'requirement_summary',
    'system_requirements',
    'system_components',
    'component_requirements',
    'components',
    'baseline_levels',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
