import type { Kysely } from 'kysely';

/**
 * The risk register: the organisation's risk matrix (absent = the default 5×5), its own threats
 * beside the built-in catalogue, risk scenarios on a system or a common component with inherent
 * and residual likelihood × impact (score and rating stored, so lists sort and filter in SQL and a
 * matrix change re-rates them in one transaction), the treatment, and the requirement controls a
 * "reduce" treatment relies on. History is the audit log.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('risk_matrices')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('definition', 'text', (c) => c.notNull()) // JSON RiskMatrix
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('risk_threats')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('dimensions', 'text', (c) => c.notNull()) // JSON arrays
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('mitigations', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_threats_pk', ['org_id', 'key'])
    .execute();

  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.references('systems.id').onDelete('cascade')) // exactly one of system
    .addColumn('component_id', 'text', (c) => c.references('components.id').onDelete('cascade')) // … and component
    .addColumn('threat_key', 'text', (c) => c.notNull())
    .addColumn('vulnerability', 'text', (c) => c.notNull())
    .addColumn('inherent_likelihood', 'integer', (c) => c.notNull())
    .addColumn('inherent_impact', 'integer', (c) => c.notNull())
    .addColumn('inherent_score', 'integer', (c) => c.notNull())
    .addColumn('inherent_rating', 'text', (c) => c.notNull())
    .addColumn('residual_likelihood', 'integer', (c) => c.notNull())
    .addColumn('residual_impact', 'integer', (c) => c.notNull())
    .addColumn('residual_score', 'integer', (c) => c.notNull())
    .addColumn('residual_rating', 'text', (c) => c.notNull())
    .addColumn('treatment', 'text', (c) => c.notNull()) // reduce | accept | avoid | transfer
    .addColumn('treatment_note', 'text', (c) => c.notNull())
    .addColumn('accept_approver_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('accept_expires', 'text') // YYYY-MM-DD
    .addColumn('accept_reason', 'text')
    .addColumn('transfer_to', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('source', 'text', (c) => c.notNull()) // manual | suggestion
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('risks_org_score_idx').on('risks').columns(['org_id', 'status', 'residual_score']).execute();
  await db.schema.createIndex('risks_system_idx').on('risks').columns(['system_id', 'threat_key']).execute();
  await db.schema.createIndex('risks_component_idx').on('risks').columns(['component_id']).execute();
  await db.schema.createIndex('risks_accept_idx').on('risks').columns(['org_id', 'treatment', 'accept_expires']).execute();

  await db.schema
    .createTable('risk_controls')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_controls_pk', ['risk_id', 'control_id'])
    .execute();
  await db.schema.createIndex('risk_controls_control_idx').on('risk_controls').columns(['org_id', 'control_id']).execute();

  const grants: Record<string, string[]> = {
    admin: ['risks:read', 'risks:manage'],
    security_officer: ['risks:read', 'risks:manage'],
    system_owner: ['risks:read'],
    auditor: ['risks:read'],
  };
  const orgs = await db.selectFrom('organisations').select('id').execute();
  const rows = orgs.flatMap((o) =>
    Object.entries(grants).flatMap(([role, ps]) => ps.map((permission) => ({ org_id: o.id, role, permission }))),
  );
  if (rows.length > 0) await db.insertInto('role_permissions').values(rows).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('role_permissions').where('permission', 'in', ['risks:read', 'risks:manage']).execute();
  for (const t of ['risk_controls', 'risks', 'risk_threats', 'risk_matrices']) await db.schema.dropTable(t).ifExists().execute();
}
