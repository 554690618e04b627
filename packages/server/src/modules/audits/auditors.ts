import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { AuditsTable } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { AuditsService } from './audit.service.js';
import { type AuditStatus, auditRow, bad, scopeSystemIds } from './audit-common.js';

/** An owner of a system in scope cannot be its auditor. */
export async function assertIndependent(db: Executor, orgId: string, userIds: readonly string[], systemIds: readonly string[]) {
  if (userIds.length === 0 || systemIds.length === 0) return;
  const own = await db
    .selectFrom('systems')
    .select(['name', 'owner_id'])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...systemIds])
    .where('owner_id', 'in', [...userIds])
    .executeTakeFirst();
  if (own) throw bad('userId', 'owns a system in scope', `An auditor cannot audit their own system ("${own.name}").`);
}

async function isAuditor(db: Executor, auditId: string, userId: string) {
  const row = await db
    .selectFrom('audit_auditors')
    .select('user_id')
    .where('audit_id', '=', auditId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Only the audit's own auditors record its results and findings, and only in the given statuses. */
export async function assertAuditor(db: Executor, actor: Actor, a: Pick<AuditsTable, 'id' | 'status'>, statuses: readonly AuditStatus[]) {
  if (!(await isAuditor(db, a.id, actor.userId)))
    throw forbidden('Only the auditors assigned to this audit record its results and findings.');
  if (!statuses.includes(a.status as AuditStatus))
    throw new AppError('CONFLICT', `The audit is ${a.status}; this is recorded during ${statuses.join(' or ')}.`);
}

/**
 * The auditors of an audit: users whose role may record results (audits:assess), who declare their
 * independence and confirm no consulting in the audited area in the last two years.
 */
export class AuditorsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly audits: AuditsService,
  ) {}

  async add(actor: Actor, id: string, input: { userId: string; lead: boolean; independence: string; noConsultingConfirmed: boolean }) {
    if (!input.noConsultingConfirmed)
      throw bad(
        'noConsultingConfirmed',
        'must be confirmed',
        'The auditor must confirm no consulting in the audited area in the last two years.',
      );
    if (!input.independence.trim()) throw bad('independence', 'required', 'The declaration of independence is required.');
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const a = await auditRow(trx, actor, id);
      if (a.status === 'closed') throw new AppError('CONFLICT', 'The audit is closed.');
      const user = await trx
        .selectFrom('users')
        .select(['id', 'role', 'name'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.userId)
        .executeTakeFirst();
      if (!user) throw bad('userId', 'unknown user', 'The auditor is not a user of this organisation.');
      const may = await trx
        .selectFrom('role_permissions')
        .select('permission')
        .where('org_id', '=', actor.orgId)
        .where('role', '=', user.role)
        .where('permission', '=', 'audits:assess')
        .executeTakeFirst();
      if (!may) throw bad('userId', 'not an auditor', `${user.name} has no role that may record audit results.`);
      await assertIndependent(trx, actor.orgId, [input.userId], await scopeSystemIds(trx, id));
      if (await isAuditor(trx, id, input.userId)) throw new AppError('CONFLICT', `${user.name} is already an auditor of this audit.`);
      const row = {
        org_id: actor.orgId,
        audit_id: id,
        user_id: input.userId,
        lead: input.lead ? 1 : 0,
        independence: input.independence.trim(),
        declared_at: iso(this.ctx.clock.now()),
      };
      await trx.insertInto('audit_auditors').values(row).execute();
      await audit({
        action: 'audit.auditor_add',
        entityType: 'audit',
        entityId: id,
        after: { userId: input.userId, lead: input.lead, independence: row.independence },
      });
    });
    return this.audits.get(actor, id);
  }

  async remove(actor: Actor, id: string, userId: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await auditRow(trx, actor, id);
      const n = await trx.deleteFrom('audit_auditors').where('audit_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (Number(n.numDeletedRows) === 0) throw notFound('The auditor');
      await audit({ action: 'audit.auditor_remove', entityType: 'audit', entityId: id, before: { userId } });
    });
    return this.audits.get(actor, id);
  }
}
