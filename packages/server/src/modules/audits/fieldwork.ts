import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { iso, newId } from '../../util.js';
import { type AUDIT_RESULTS, auditRow, bad, scopeQuery } from './audit-common.js';
import { assertAuditor } from './auditors.js';

/**
 * Fieldwork: the requirements in an audit's scope and the result the audit's own auditors record
 * for each during fieldwork. Auditors never change implementation records (they lack
 * systems:edit); owners never change results (they lack audits:assess).
 */
export class FieldworkService {
  constructor(private readonly ctx: AppContext) {}

  /** Fieldwork list: requirements in scope with their implementation and this audit's result. */
  async requirements(
    actor: Actor,
    id: string,
    f: { systemId?: string; family?: string; result?: string; unassessed?: boolean },
    page: number,
    pageSize: number,
  ) {
    const db = this.ctx.db;
    const a = await auditRow(db, actor, id);
    let q = scopeQuery(db, a)
      .innerJoin('systems as s', 's.id', 'r.system_id')
      .leftJoin('audit_results as ar', (j) => j.onRef('ar.requirement_id', '=', 'r.id').on('ar.audit_id', '=', id));
    if (f.systemId) q = q.where('r.system_id', '=', f.systemId);
    if (f.family) q = q.where('r.family', '=', f.family);
    if (f.result) q = q.where('ar.result', '=', f.result);
    if (f.unassessed) q = q.where('ar.id', 'is', null);
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .leftJoin('catalog_controls as c', (j) => j.onRef('c.version_id', '=', 'r.version_id').onRef('c.control_id', '=', 'r.control_id'))
      .select([
        'r.id',
        'r.system_id',
        's.name as system_name',
        'r.control_id',
        'c.title',
        'c.label',
        'r.family',
        'r.effective_status',
        'r.statement',
        'r.component_id',
        'ar.result',
        'ar.observations',
        'ar.sampling',
        'ar.evidence_reviewed',
        'ar.assessed_at',
      ])
      .orderBy('s.name_key')
      .orderBy('r.position')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((r) => ({
        requirementId: r.id,
        systemId: r.system_id,
        systemName: r.system_name,
        controlId: r.control_id,
        title: r.title ?? r.control_id,
        label: r.label ?? null,
        family: r.family,
        implementationStatus: r.effective_status,
        statement: r.statement,
        inherited: r.component_id !== null,
        result: r.result ?? null,
        observations: r.observations ?? null,
        sampling: r.sampling ?? null,
        evidenceReviewed: r.evidence_reviewed ? (JSON.parse(r.evidence_reviewed) as string[]) : [],
        assessedAt: r.assessed_at ?? null,
      })),
      total,
      page,
      pageSize,
    };
  }

  async recordResult(
    actor: Actor,
    id: string,
    requirementId: string,
    input: { result: (typeof AUDIT_RESULTS)[number]; observations: string; sampling: string; evidenceReviewed: string[] },
  ) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const a = await auditRow(trx, actor, id);
      await assertAuditor(trx, actor, a, ['fieldwork']);
      const r = await scopeQuery(trx, a)
        .select(['r.id', 'r.system_id', 'r.control_id'])
        .where('r.id', '=', requirementId)
        .executeTakeFirst();
      if (!r) throw bad('requirementId', 'outside the scope', "The requirement is not in this audit's scope.");
      if (input.evidenceReviewed.length > 0) {
        const ev = await trx
          .selectFrom('evidence')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', 'in', input.evidenceReviewed)
          .execute();
        if (ev.length !== new Set(input.evidenceReviewed).size)
          throw bad('evidenceReviewed', 'unknown evidence', 'Reviewed evidence must exist.');
      }
      const now = iso(this.ctx.clock.now());
      const before = await trx
        .selectFrom('audit_results')
        .selectAll()
        .where('audit_id', '=', id)
        .where('requirement_id', '=', requirementId)
        .executeTakeFirst();
      const values = {
        result: input.result,
        observations: input.observations,
        sampling: input.sampling,
        evidence_reviewed: JSON.stringify([...new Set(input.evidenceReviewed)]),
        assessed_by: actor.userId,
        assessed_at: now,
      };
      if (before) await trx.updateTable('audit_results').set(values).where('id', '=', before.id).execute();
      else
        await trx
          .insertInto('audit_results')
          .values({
            id: newId(),
            org_id: actor.orgId,
            audit_id: id,
            requirement_id: requirementId,
            system_id: r.system_id,
            control_id: r.control_id,
            ...values,
          })
          .execute();
      await audit({
        action: 'audit.result',
        entityType: 'audit',
        entityId: id,
        before: before ? { requirementId, result: before.result } : null,
        after: { requirementId, controlId: r.control_id, result: input.result },
      });
      return { requirementId, result: input.result, assessedAt: now };
    });
  }
}
