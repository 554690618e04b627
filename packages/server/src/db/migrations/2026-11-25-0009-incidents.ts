import type { Kysely } from 'kysely';

/**
 * Incidents with their affected systems, a dated timeline, NIS2/GDPR reports (drafted, completed,
 * marked sent), reminder bookkeeping so each deadline reminder is sent once, and corrective
 * actions (which the audits module builds on for findings).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving DB type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull()) // INC-2026-0001, per organisation
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('type', 'text') // threat key
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handler_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('personal_data', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('significant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('criteria', 'text', (c) => c.notNull()) // JSON: significance criteria ticked
    .addColumn('malicious', 'integer') // null = unknown
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('aware_at', 'text')
    .addColumn('contained_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('lessons_learned', 'text')
    .addColumn('iocs', 'text', (c) => c.notNull()) // JSON array
    .addColumn('dedupe_key', 'text')
    .addColumn('report_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_ref_uq').on('incidents').columns(['org_id', 'ref']).unique().execute();
  await db.schema.createIndex('incidents_status_idx').on('incidents').columns(['org_id', 'status', 'detected_at']).execute();
  await db.schema.createIndex('incidents_dedupe_idx').on('incidents').columns(['org_id', 'dedupe_key']).execute();

  await db.schema
    .createTable('incident_systems')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('incident_systems_pk', ['incident_id', 'system_id'])
    .execute();
  await db.schema.createIndex('incident_systems_system_idx').on('incident_systems').columns(['system_id']).execute();

  await db.schema
    .createTable('incident_timeline')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // note | status | report | significance | reported-again | evidence | action
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text')
    .addColumn('author_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_timeline_idx').on('incident_timeline').columns(['incident_id', 'at']).execute();

  await db.schema
    .createTable('incident_reports')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // JSON: field → text
    .addColumn('sent_at', 'text')
    .addColumn('sent_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_reports_pk', ['incident_id', 'stage'])
    .execute();

  await db.schema
    .createTable('incident_reminders')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_reminders_pk', ['incident_id', 'stage', 'due'])
    .execute();

  await db.schema
    .createTable('corrective_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('source_type', 'text', (c) => c.notNull()) // incident | finding
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // open | in-progress | done
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('corrective_actions_source_idx').on('corrective_actions').columns(['source_type', 'source_id']).execute();
  await db.schema
    .createIndex('corrective_actions_owner_idx')
    .on('corrective_actions')
    .columns(['org_id', 'owner_id', 'due_date'])
    .execute();

  const grants: Record<string, string[]> = {
    admin: ['incidents:report', 'incidents:read', 'incidents:manage'],
    security_officer: ['incidents:report', 'incidents:read', 'incidents:manage'],
    system_owner: ['incidents:report'],
    auditor: ['incidents:report', 'incidents:read'],
    staff: ['incidents:report'],
  };
  const orgs = await db.selectFrom('organisations').select('id').execute();
  const rows = orgs.flatMap((o) =>
    Object.entries(grants).flatMap(([role, ps]) => ps.map((permission) => ({ org_id: o.id, role, permission }))),
  );
  if (rows.length > 0) await db.insertInto('role_permissions').values(rows).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('role_permissions').where('permission', 'like', 'incidents:%').execute();
  for (const t of ['corrective_actions', 'incident_reminders', 'incident_reports', 'incident_timeline', 'incident_systems', 'incidents'])
    await db.schema.dropTable(t).ifExists().execute();
}
