import type { Kysely } from 'kysely';

/**
 * Audits and assurance: the audit cycle per security level, audits with their scope (systems,
 * components, requirement families), auditors with their declaration of independence, results per
 * requirement in scope, findings with the systems they affect, and the plan of action and
 * milestones built on the corrective actions of the incidents module (milestones, risk acceptance
 * with a named approver and expiry, closure verified by the auditor). Also the statement of
 * applicability's decisions per control and generated report files.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_cycles')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('method_key', 'text', (c) => c.notNull())
    .addColumn('level_key', 'text', (c) => c.notNull())
    .addColumn('years', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_cycles_pk', ['org_id', 'method_key', 'level_key'])
    .execute();

  await db.schema
    .createTable('audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull()) // how the audit is done, in words
    .addColumn('families', 'text', (c) => c.notNull()) // JSON: requirement families in scope ([] = all)
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // planned | fieldwork | reporting | closed
    .addColumn('conclusion', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('audits_ref_uq').on('audits').columns(['org_id', 'ref']).unique().execute();

  await db.schema
    .createTable('audit_systems')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('audit_systems_pk', ['audit_id', 'system_id'])
    .execute();
  await db.schema.createIndex('audit_systems_system_idx').on('audit_systems').columns(['system_id']).execute();

  await db.schema
    .createTable('audit_components')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('audit_components_pk', ['audit_id', 'component_id'])
    .execute();

  await db.schema
    .createTable('audit_auditors')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('independence', 'text', (c) => c.notNull()) // the declaration as signed
    .addColumn('declared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_auditors_pk', ['audit_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('audit_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('requirement_id', 'text', (c) => c.notNull().references('system_requirements.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull()) // satisfied | partially | not-satisfied | not-applicable
    .addColumn('observations', 'text', (c) => c.notNull())
    .addColumn('sampling', 'text', (c) => c.notNull())
    .addColumn('evidence_reviewed', 'text', (c) => c.notNull()) // JSON: evidence ids
    .addColumn('assessed_by', 'text')
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_results_uq').on('audit_results').columns(['audit_id', 'requirement_id']).unique().execute();

  await db.schema
    .createTable('findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('audits.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull()) // low | moderate | high | critical
    .addColumn('control_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('findings_audit_idx').on('findings').columns(['audit_id']).execute();
  await db.schema.createIndex('findings_ref_uq').on('findings').columns(['org_id', 'ref']).unique().execute();
  await db.schema
    .createTable('finding_systems')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('finding_id', 'text', (c) => c.notNull().references('findings.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('finding_systems_pk', ['finding_id', 'system_id'])
    .execute();

  for (const [column, type] of [
    ['risk_accepted_by', 'text'],
    ['risk_accepted_until', 'text'],
    ['risk_acceptance_reason', 'text'],
    ['verified_by', 'text'],
    ['verified_at', 'text'],
    ['verification_note', 'text'],
    ['reminded_on', 'text'],
  ] as const) {
    await db.schema.alterTable('corrective_actions').addColumn(column, type).execute();
  }
  await db.schema
    .createTable('action_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('action_id', 'text', (c) => c.notNull().references('corrective_actions.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('action_milestones_action_idx').on('action_milestones').columns(['action_id', 'due_date']).execute();

  await db.schema
    .createTable('soa_decisions')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('catalog_id', 'text', (c) => c.notNull())
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addColumn('applicable', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('soa_decisions_pk', ['org_id', 'catalog_id', 'control_id'])
    .execute();

  await db.schema
    .createTable('report_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // council | system | audit | poam
    .addColumn('format', 'text', (c) => c.notNull()) // pdf | html
    .addColumn('subject_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // queued | running | done | failed
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0)) // 0..100
    .addColumn('file_sha256', 'text')
    .addColumn('size', 'integer')
    .addColumn('error', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('report_files_org_idx').on('report_files').columns(['org_id', 'requested_at']).execute();

  const grants: Record<string, string[]> = {
    admin: ['audits:read', 'audits:plan', 'audits:assess', 'reports:generate'],
    security_officer: ['audits:read', 'audits:plan', 'reports:generate'],
    system_owner: ['audits:read'],
    auditor: ['audits:read', 'audits:assess', 'reports:generate'],
  };
  const orgs = await db.selectFrom('organisations').select('id').execute();
  const rows = orgs.flatMap((o) =>
    Object.entries(grants).flatMap(([role, ps]) => ps.map((permission) => ({ org_id: o.id, role, permission }))),
  );
  if (rows.length > 0) await db.insertInto('role_permissions').values(rows).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db
    .deleteFrom('role_permissions')
    .where('permission', 'in', ['audits:read', 'audits:plan', 'audits:assess', 'reports:generate'])
    .execute();
  for (const t of [
    'report_files',
    'soa_decisions',
    'action_milestones',
    'finding_systems',
    'findings',
    'audit_results',
    'audit_auditors',
    'audit_components',
    'audit_systems',
    'audits',
    'audit_cycles',
  ])
    await db.schema.dropTable(t).ifExists().execute();
}
