import type { Kysely } from 'kysely';

/**
 * Requirement lists at city scale (bench/registry.bench.mjs: 2,000 systems, ~570,000 requirement
 * records). SQLite keeps no statistics unless ANALYZE runs, so it takes `org_id = ?` for a
 * selective condition although one organisation owns every row.
 *
 * - (org_id, effective_status, applies, due_date, system_id) replaces (org_id, effective_status,
 *   due_date): a status filter (with a department or owner) and the overdue filter are answered
 *   from the index, and only the matching rows are read. Every query the old index served also
 *   tests `applies = 1`. "Planned in one department" went from ~970 to ~90 ms of CPU on SQLite,
 *   "overdue" from ~590 to ~300 ms.
 * - (system_id, applies, position, org_id) replaces (system_id, applies, position): with the
 *   wider status index SQLite would otherwise count a system's requirements (`org_id = ? and
 *   applies = 1 and system_id = ?`) by scanning that index for the whole organisation, because
 *   it covers those columns; with org_id here the system's own index covers them too (2 ms).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('system_requirements_open_idx')
    .on('system_requirements')
    .columns(['org_id', 'effective_status', 'applies', 'due_date', 'system_id'])
    .execute();
  await db.schema.dropIndex('system_requirements_status_idx').execute();
  await db.schema
    .createIndex('system_requirements_system_idx')
    .on('system_requirements')
    .columns(['system_id', 'applies', 'position', 'org_id'])
    .execute();
  await db.schema.dropIndex('system_requirements_list_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('system_requirements_list_idx')
    .on('system_requirements')
    .columns(['system_id', 'applies', 'position'])
    .execute();
  await db.schema.dropIndex('system_requirements_system_idx').execute();
  await db.schema
    .createIndex('system_requirements_status_idx')
    .on('system_requirements')
    .columns(['org_id', 'effective_status', 'due_date'])
    .execute();
  await db.schema.dropIndex('system_requirements_open_idx').execute();
}
