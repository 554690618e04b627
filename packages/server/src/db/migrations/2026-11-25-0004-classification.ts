import type { Kysely } from 'kysely';

/**
 * Classifications: every classification of a system is kept (history: who, when, why); the
 * newest is the system's own protection need. The organisation chooses its method.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organisations')
    .addColumn('classification_method', 'text', (c) => c.notNull().defaultTo('iske'))
    .execute();
  await db.schema
    .createTable('classifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('method_key', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull()) // JSON: question id → option id(s)
    .addColumn('overrides', 'text', (c) => c.notNull()) // JSON: dimension → { level, reason }
    .addColumn('levels', 'text', (c) => c.notNull()) // JSON: dimension → level key (after overrides)
    .addColumn('explanation', 'text', (c) => c.notNull()) // JSON, as shown to the officer
    .addColumn('security_level', 'text')
    .addColumn('notation', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('classified_by', 'text', (c) => c.notNull())
    .addColumn('classified_at', 'text', (c) => c.notNull())
    .addColumn('review_due', 'text')
    .execute();
  await db.schema
    .createIndex('classifications_system_idx')
    .on('classifications')
    .columns(['org_id', 'system_id', 'classified_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('classifications').ifExists().execute();
  await db.schema.alterTable('organisations').dropColumn('classification_method').execute();
}
