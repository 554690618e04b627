import type { Kysely } from 'kysely';

/**
 * Requirement lists filtered by status at city scale (bench/registry.bench.mjs: 2,000 systems,
 * ~570,000 requirement records). The 0005 index (org_id, effective_status, due_date) made SQLite —
 * which has no statistics unless ANALYZE runs — walk every record of a status (~86,000 "planned")
 * and read each table row to test `applies` and join the system for its department. This index
 * also holds `applies` and `system_id`, so the filter and the join to `systems` are answered from
 * the index and only the matching rows are read: "planned in one department" went from ~340 ms to
 * ~35 ms of CPU on SQLite, and the count of overdue records from ~250 ms to ~12 ms. It serves every
 * query the old index served (all of them also test `applies = 1`), so the old one is dropped.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('system_requirements_open_idx')
    .on('system_requirements')
    .columns(['org_id', 'effective_status', 'applies', 'due_date', 'system_id'])
    .execute();
  await db.schema.dropIndex('system_requirements_status_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('system_requirements_status_idx')
    .on('system_requirements')
    .columns(['org_id', 'effective_status', 'due_date'])
    .execute();
  await db.schema.dropIndex('system_requirements_open_idx').execute();
}
