import { type Kysely, sql } from 'kysely';

/**
 * Read paths for the requirement records at city scale (bench/registry.bench.mjs: 2,000 systems,
 * 572,124 records).
 *
 * requirement_totals: one row per system with its applying records by status, written with
 * requirement_summary (per system and family) in the same transaction. The dashboard folds 2,000
 * of these instead of grouping 35,000 summary rows (SQLite ~20 ms → ~5 ms), and a list's total
 * without a family filter sums them. requirement_summary_org_idx grows to cover the dashboard's
 * counts by family (a covering index walk in group order, ~18 → 6 ms).
 *
 * Requirement lists that walk an index in their display order (bench/registry.bench.mjs,
 * 572,124 records). The list shows what is due first: `due_date nulls last, system_id, position,
 * id`; with an index in that order a page is read from the index and stops after 50 rows instead
 * of sorting every match (overdue: ~250 → <1 ms on SQLite).
 *
 * - system_requirements_due_idx (org_id, applies, due_date, system_id, position, id): the
 *   unfiltered list, overdue, text search and everything with many matches.
 * - system_requirements_open_idx gains (position, id): with one status (and a department or
 *   owner) the index is already in display order and covers the sort.
 * - system_requirements_control_idx (org_id, control_id) becomes (org_id, control_id,
 *   version_id, applies): a text search finds the matching controls in the catalog first and
 *   counts their records from this index alone (`(control_id, version_id) in (…)`), 3–10 ms
 *   instead of a per-record sub-select over the whole organisation (2–4 s).
 * - system_requirements_system_idx gains id before org_id: (system_id, applies, position, id,
 *   org_id) covers a system's page in catalog order; without it SQLite preferred the covering
 *   due index and sorted the whole organisation for one system's page (0.1 vs 78 ms).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('requirement_totals')
    .addColumn('system_id', 'text', (c) => c.primaryKey().references('systems.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('not_started', 'integer', (c) => c.notNull())
    .addColumn('planned', 'integer', (c) => c.notNull())
    .addColumn('partially', 'integer', (c) => c.notNull())
    .addColumn('implemented', 'integer', (c) => c.notNull())
    .addColumn('not_applicable', 'integer', (c) => c.notNull())
    .addColumn('review_required', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('requirement_totals_org_idx').on('requirement_totals').columns(['org_id']).execute();
  await sql`insert into requirement_totals (system_id, org_id, not_started, planned, partially, implemented, not_applicable, review_required)
    select system_id, min(org_id), sum(not_started), sum(planned), sum(partially), sum(implemented), sum(not_applicable), sum(review_required)
    from requirement_summary group by system_id`.execute(db);
  await db.schema.dropIndex('requirement_summary_org_idx').execute();
  await db.schema
    .createIndex('requirement_summary_org_idx')
    .on('requirement_summary')
    .columns([
      'org_id',
      'family',
      'family_title',
      'not_started',
      'planned',
      'partially',
      'implemented',
      'not_applicable',
      'review_required',
    ])
    .execute();
  await db.schema
    .createIndex('system_requirements_due_idx')
    .on('system_requirements')
    .columns(['org_id', 'applies', 'due_date', 'system_id', 'position', 'id'])
    .execute();
  await db.schema.dropIndex('system_requirements_open_idx').execute();
  await db.schema
    .createIndex('system_requirements_open_idx')
    .on('system_requirements')
    .columns(['org_id', 'effective_status', 'applies', 'due_date', 'system_id', 'position', 'id'])
    .execute();
  await db.schema.dropIndex('system_requirements_control_idx').execute();
  await db.schema
    .createIndex('system_requirements_control_idx')
    .on('system_requirements')
    .columns(['org_id', 'control_id', 'version_id', 'applies'])
    .execute();
  await db.schema.dropIndex('system_requirements_system_idx').execute();
  await db.schema
    .createIndex('system_requirements_system_idx')
    .on('system_requirements')
    .columns(['system_id', 'applies', 'position', 'id', 'org_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('requirement_summary_org_idx').execute();
  await db.schema.createIndex('requirement_summary_org_idx').on('requirement_summary').columns(['org_id']).execute();
  await db.schema.dropTable('requirement_totals').execute();
  await db.schema.dropIndex('system_requirements_system_idx').execute();
  await db.schema
    .createIndex('system_requirements_system_idx')
    .on('system_requirements')
    .columns(['system_id', 'applies', 'position', 'org_id'])
    .execute();
  await db.schema.dropIndex('system_requirements_control_idx').execute();
  await db.schema.createIndex('system_requirements_control_idx').on('system_requirements').columns(['org_id', 'control_id']).execute();
  await db.schema.dropIndex('system_requirements_open_idx').execute();
  await db.schema
    .createIndex('system_requirements_open_idx')
    .on('system_requirements')
    .columns(['org_id', 'effective_status', 'applies', 'due_date', 'system_id'])
    .execute();
  await db.schema.dropIndex('system_requirements_due_idx').execute();
}
