import { type Insertable, sql } from 'kysely';
import type { SystemsTable } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

/** Rows per INSERT: 17 columns × 500 stays far below SQLite's and PostgreSQL's parameter limits. */
const BATCH = 500;

/** The SQL of spreadsheet import and export. Every method takes the organisation. */
export class SystemImportRepository {
  users(db: Executor, orgId: string) {
    return db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).execute();
  }

  departments(db: Executor, orgId: string) {
    return db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', orgId).execute();
  }

  /** Department and lower-cased name of every system, for the one-name-per-department rule. */
  nameKeys(db: Executor, orgId: string) {
    return db.selectFrom('systems').select(['department_id', 'name_key']).where('org_id', '=', orgId).execute();
  }

  async insertMany(db: Executor, rows: Insertable<SystemsTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      await db
        .insertInto('systems')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
  }

  /** On PostgreSQL, one import per organisation at a time (two could otherwise add the same names). */
  async lock(db: Executor, orgId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`register-import:${orgId}`}))`.execute(db);
  }
}
