import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { iso, newId } from '../../util.js';
import { auditRow, bad, type FINDING_SEVERITIES, nextRef, scopeSystemIds, today } from './audit-common.js';
import { assertAuditor } from './auditors.js';
import { visibleFinding } from './visibility.js';

/**
 * Findings the audit's auditors record during fieldwork or reporting, on systems in its scope; each
 * may ask for a corrective action (the plan of action in action.service.ts).
 */
export class FindingsService {
  constructor(private readonly ctx: AppContext) {}

  async add(
    actor: Actor,
    id: string,
    input: {
      title: string;
      description: string;
      severity: (typeof FINDING_SEVERITIES)[number];
      controlId: string | null;
      systemIds: string[];
      action: { title: string; ownerId: string | null; dueDate: string } | null;
    },
  ) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const a = await auditRow(trx, actor, id);
      await assertAuditor(trx, actor, a, ['fieldwork', 'reporting']);
      const scope = new Set(await scopeSystemIds(trx, id));
      const outside = input.systemIds.filter((s) => !scope.has(s));
      if (outside.length > 0) throw bad('systemIds', 'outside the scope', "A finding names systems in the audit's scope only.");
      if (input.action && input.action.dueDate < today(this.ctx))
        throw bad('action.dueDate', 'in the past', 'The corrective action is due in the future.');
      const now = iso(this.ctx.clock.now());
      const finding = {
        id: newId(),
        org_id: actor.orgId,
        audit_id: id,
        ref: await nextRef(this.ctx, trx, actor.orgId, 'findings', 'F'),
        title: input.title,
        description: input.description,
        severity: input.severity,
        control_id: input.controlId,
        status: 'open',
        created_by: actor.userId,
        created_at: now,
      };
      await trx.insertInto('findings').values(finding).execute();
      const systems = [...new Set(input.systemIds)];
      if (systems.length)
        await trx
          .insertInto('finding_systems')
          .values(systems.map((s) => ({ org_id: actor.orgId, finding_id: finding.id, system_id: s })))
          .execute();
      let actionId: string | null = null;
      if (input.action) {
        // The owner defaults to the owner of the first affected system: the one who must act.
        let owner = input.action.ownerId;
        if (owner) {
          const u = await trx.selectFrom('users').select('id').where('org_id', '=', actor.orgId).where('id', '=', owner).executeTakeFirst();
          if (!u) throw bad('action.ownerId', 'unknown user', 'The owner is not a user of this organisation.');
        } else if (systems[0]) {
          owner = (await trx.selectFrom('systems').select('owner_id').where('id', '=', systems[0]).executeTakeFirst())?.owner_id ?? null;
        }
        actionId = newId();
        await trx
          .insertInto('corrective_actions')
          .values({
            id: actionId,
            org_id: actor.orgId,
            source_type: 'finding',
            source_id: finding.id,
            title: input.action.title,
            description: input.description,
            owner_id: owner,
            due_date: input.action.dueDate,
            status: 'open',
            created_at: now,
            closed_at: null,
          })
          .execute();
      }
      await audit({
        action: 'audit.finding',
        entityType: 'finding',
        entityId: finding.id,
        after: { auditId: id, ref: finding.ref, title: input.title, severity: input.severity, actionId },
      });
      return { id: finding.id, ref: finding.ref, actionId };
    });
  }

  /** Findings across audits: all with systems:read-all, else those on a system the caller owns. */
  async list(actor: Actor, f: { auditId?: string; status?: string; severity?: string }, page: number, pageSize: number) {
    let q = this.ctx.db.selectFrom('findings as f').innerJoin('audits as a', 'a.id', 'f.audit_id').where('f.org_id', '=', actor.orgId);
    q = q.where(visibleFinding(actor));
    if (f.auditId) q = q.where('f.audit_id', '=', f.auditId);
    if (f.status) q = q.where('f.status', '=', f.status);
    if (f.severity) q = q.where('f.severity', '=', f.severity);
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .select([
        'f.id',
        'f.ref',
        'f.title',
        'f.description',
        'f.severity',
        'f.status',
        'f.control_id',
        'f.created_at',
        'a.id as audit_id',
        'a.ref as audit_ref',
      ])
      .orderBy('f.created_at', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((r) => ({
        id: r.id,
        ref: r.ref,
        title: r.title,
        description: r.description,
        severity: r.severity,
        status: r.status,
        controlId: r.control_id,
        createdAt: r.created_at,
        auditId: r.audit_id,
        auditRef: r.audit_ref,
      })),
      total,
      page,
      pageSize,
    };
  }
}
