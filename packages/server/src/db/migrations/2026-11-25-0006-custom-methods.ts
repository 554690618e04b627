import type { Kysely } from 'kysely';

/**
 * An organisation's own classification methods (dimensions, level names, mapping rule, and an
 * optional questionnaire), and the justified deviations from the maximum principle — cumulation
 * and distribution — recorded per system and dimension.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('classification_methods')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull()) // JSON, validated by core validateMethod
    .addColumn('questions', 'text', (c) => c.notNull()) // JSON array, validated by core validateQuestions
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('classification_methods_pk', ['org_id', 'key'])
    .execute();
  await db.schema
    .createTable('need_deviations')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addColumn('method_key', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // cumulation | distribution
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_deviations_pk', ['system_id', 'method_key', 'dimension'])
    .execute();
  await db.schema.createIndex('need_deviations_org_idx').on('need_deviations').columns(['org_id', 'method_key']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('need_deviations').ifExists().execute();
  await db.schema.dropTable('classification_methods').ifExists().execute();
}
