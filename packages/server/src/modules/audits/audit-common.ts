import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import type { AuditsTable } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { readsAll, visibleAudit } from './visibility.js';

export { readsAll };

/**
 * What the parts of an audit share: its statuses and result values, who may see which audits,
 * the requirements in an audit's scope and the numbering of audits and findings.
 */

export const AUDIT_STATUSES = ['planned', 'fieldwork', 'reporting', 'closed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_RESULTS = ['satisfied', 'partially', 'not-satisfied', 'not-applicable'] as const;
export const FINDING_SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;

export const bad = (path: string, message: string, text: string) => new AppError('VALIDATION', text, [{ path, message }]);

export const today = (ctx: AppContext) => iso(ctx.clock.now()).slice(0, 10);

/** Audits the caller may see: all with systems:read-all, else those covering a system they own or that they audit. */
export function scopedAudits(db: Executor, actor: Actor) {
  return db.selectFrom('audits as a').where('a.org_id', '=', actor.orgId).where(visibleAudit(actor));
}

/** The audit as the caller may see it, or 404. */
export async function auditRow(db: Executor, actor: Actor, id: string) {
  const a = await scopedAudits(db, actor).selectAll('a').where('a.id', '=', id).executeTakeFirst();
  if (!a) throw notFound('The audit');
  return a;
}

/** The ids of the systems in an audit's scope. */
export async function scopeSystemIds(db: Executor, auditId: string) {
  return (await db.selectFrom('audit_systems').select('system_id').where('audit_id', '=', auditId).execute()).map((r) => r.system_id);
}

/** The requirement rows in an audit's scope: applying requirements of its systems, within its families. */
export function scopeQuery(db: Executor, a: Pick<AuditsTable, 'id' | 'families'>) {
  const families = JSON.parse(a.families) as string[];
  let q = db
    .selectFrom('system_requirements as r')
    .innerJoin('audit_systems as x', (j) => j.onRef('x.system_id', '=', 'r.system_id').on('x.audit_id', '=', a.id))
    .where('r.applies', '=', 1);
  if (families.length > 0) q = q.where('r.family', 'in', families);
  return q;
}

/**
 * The next reference of the year for audits (AUD-2026-001) or findings (F-2026-001). On PostgreSQL
 * a lock per organisation keeps two concurrent transactions from taking the same number.
 */
export async function nextRef(ctx: AppContext, trx: Executor, orgId: string, table: 'audits' | 'findings', prefix: string) {
  if (ctx.kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`${table}-ref:${orgId}`}))`.execute(trx);
  const p = `${prefix}-${today(ctx).slice(0, 4)}-`;
  const last = await trx
    .selectFrom(table)
    .select('ref')
    .where('org_id', '=', orgId)
    .where('ref', 'like', `${p}%`)
    .orderBy('ref', 'desc')
    .limit(1)
    .executeTakeFirst();
  return `${p}${String(last ? Number(last.ref.slice(p.length)) + 1 : 1).padStart(3, '0')}`;
}
