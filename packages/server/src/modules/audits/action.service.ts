import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { CorrectiveActionsTable } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { iso, newId, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { visibleAction } from './visibility.js';

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'verified', 'risk-accepted'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
const CLOSED: readonly string[] = ['verified', 'risk-accepted'];

const bad = (path: string, message: string, text: string) => new AppError('VALIDATION', text, [{ path, message }]);

/**
 * The plan of action and milestones: corrective actions from findings and incidents, each with an
 * owner, a due date and milestones. The owner reports it done; an auditor of the audit it came
 * from verifies the closure (or sends it back); a named approver may instead accept the risk until
 * an expiry date. Overdue actions are e-mailed to their owners every day until they move.
 */
export class ActionService {
  constructor(private readonly ctx: AppContext) {}

  private today = () => iso(this.ctx.clock.now()).slice(0, 10);
  private manager = (a: Actor) => a.permissions.has('audits:plan') || a.permissions.has('incidents:manage');

  private scoped(db: Executor, actor: Actor) {
    return db.selectFrom('corrective_actions as c').where('c.org_id', '=', actor.orgId).where(visibleAction(actor));
  }

  private async row(db: Executor, actor: Actor, id: string) {
    const a = await this.scoped(db, actor).selectAll('c').where('c.id', '=', id).executeTakeFirst();
    if (!a) throw notFound('The corrective action');
    return a;
  }

  async list(
    actor: Actor,
    f: { status?: ActionStatus; ownerId?: string; overdue?: boolean; source?: 'finding' | 'incident'; open?: boolean },
    page: number,
    pageSize: number,
  ): Promise<Page<ActionView>> {
    let q = this.scoped(this.ctx.db, actor);
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.open) q = q.where('c.status', 'not in', [...CLOSED]);
    if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId);
    if (f.source) q = q.where('c.source_type', '=', f.source);
    if (f.overdue) q = q.where('c.due_date', '<', this.today()).where('c.status', 'in', ['open', 'in-progress']);
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll('c')
      .orderBy(sql`case when c.due_date is null then 1 else 0 end`)
      .orderBy('c.due_date')
      .orderBy('c.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: await this.views(this.ctx.db, rows), total, page, pageSize };
  }

  async get(actor: Actor, id: string) {
    const r = await this.row(this.ctx.db, actor, id);
    return (await this.views(this.ctx.db, [r]))[0] as ActionView;
  }

  private async views(db: Executor, rows: CorrectiveActionsTable[]): Promise<ActionView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const users = [...new Set(rows.flatMap((r) => [r.owner_id, r.risk_accepted_by, r.verified_by]).filter((x): x is string => !!x))];
    const names = new Map(
      users.length
        ? (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', users).execute()).map((u) => [u.id, u.name])
        : [],
    );
    const milestones = await db.selectFrom('action_milestones').selectAll().where('action_id', 'in', ids).orderBy('due_date').execute();
    const findingIds = rows.filter((r) => r.source_type === 'finding').map((r) => r.source_id);
    const incidentIds = rows.filter((r) => r.source_type === 'incident').map((r) => r.source_id);
    const findings = new Map(
      findingIds.length
        ? (
            await db.selectFrom('findings').select(['id', 'ref', 'title', 'severity', 'audit_id']).where('id', 'in', findingIds).execute()
          ).map((f) => [f.id, f])
        : [],
    );
    const incidents = new Map(
      incidentIds.length
        ? (await db.selectFrom('incidents').select(['id', 'ref', 'title', 'severity']).where('id', 'in', incidentIds).execute()).map(
            (i) => [i.id, i],
          )
        : [],
    );
    const today = this.today();
    return rows.map((r) => {
      const src = r.source_type === 'finding' ? findings.get(r.source_id) : incidents.get(r.source_id);
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        status: r.status as ActionStatus,
        ownerId: r.owner_id,
        ownerName: r.owner_id ? (names.get(r.owner_id) ?? null) : null,
        dueDate: r.due_date,
        overdue: r.due_date !== null && r.due_date < today && (r.status === 'open' || r.status === 'in-progress'),
        source: {
          type: r.source_type as 'finding' | 'incident',
          id: r.source_id,
          ref: src?.ref ?? '',
          title: src?.title ?? '',
          severity: src?.severity ?? null,
        },
        milestones: milestones
          .filter((m) => m.action_id === r.id)
          .map((m) => ({ id: m.id, title: m.title, dueDate: m.due_date, doneAt: m.done_at })),
        riskAcceptance: r.risk_accepted_by
          ? {
              approverId: r.risk_accepted_by,
              approverName: names.get(r.risk_accepted_by) ?? null,
              until: r.risk_accepted_until,
              reason: r.risk_acceptance_reason,
            }
          : null,
        verification: r.verified_by ? { byName: names.get(r.verified_by) ?? null, at: r.verified_at, note: r.verification_note } : null,
        createdAt: r.created_at,
        closedAt: r.closed_at,
      };
    });
  }

  /** The owner moves their action along (open → in progress → done); handlers and planners may too. */
  async update(
    actor: Actor,
    id: string,
    patch: { status?: 'open' | 'in-progress' | 'done'; ownerId?: string | null; dueDate?: string | null },
  ) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const a = await this.row(trx, actor, id);
      const isOwner = a.owner_id === actor.userId;
      if (!isOwner && !this.manager(actor)) throw forbidden('Only the owner of the action (or a planner) changes it.');
      if ((patch.ownerId !== undefined || patch.dueDate !== undefined) && !this.manager(actor))
        throw forbidden('Only a planner reassigns or reschedules an action.');
      if (CLOSED.includes(a.status)) throw new AppError('CONFLICT', `The action is ${a.status}.`);
      if (patch.ownerId) {
        const u = await trx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', patch.ownerId)
          .executeTakeFirst();
        if (!u) throw bad('ownerId', 'unknown user', 'The owner is not a user of this organisation.');
      }
      const set: Partial<CorrectiveActionsTable> = {};
      if (patch.status !== undefined) {
        set.status = patch.status;
        set.closed_at = null;
      }
      if (patch.ownerId !== undefined) set.owner_id = patch.ownerId;
      if (patch.dueDate !== undefined) set.due_date = patch.dueDate;
      if (Object.keys(set).length > 0) await trx.updateTable('corrective_actions').set(set).where('id', '=', id).execute();
      await audit({
        action: 'corrective_action.update',
        entityType: 'corrective_action',
        entityId: id,
        before: { status: a.status, ownerId: a.owner_id, dueDate: a.due_date },
        after: patch,
      });
    });
    return this.get(actor, id);
  }

  async addMilestone(actor: Actor, id: string, input: { title: string; dueDate: string }) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const a = await this.row(trx, actor, id);
      if (a.owner_id !== actor.userId && !this.manager(actor)) throw forbidden('Only the owner or a planner plans milestones.');
      if (a.due_date && input.dueDate > a.due_date)
        throw bad('dueDate', 'after the action is due', 'A milestone falls on or before the action’s due date.');
      await trx
        .insertInto('action_milestones')
        .values({ id: newId(), org_id: actor.orgId, action_id: id, title: input.title, due_date: input.dueDate, done_at: null })
        .execute();
      await audit({ action: 'corrective_action.milestone_add', entityType: 'corrective_action', entityId: id, after: input });
    });
    return this.get(actor, id);
  }

  async setMilestone(actor: Actor, id: string, milestoneId: string, done: boolean) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const a = await this.row(trx, actor, id);
      if (a.owner_id !== actor.userId && !this.manager(actor)) throw forbidden('Only the owner or a planner updates milestones.');
      const r = await trx
        .updateTable('action_milestones')
        .set({ done_at: done ? iso(this.ctx.clock.now()) : null })
        .where('id', '=', milestoneId)
        .where('action_id', '=', id)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound('The milestone');
      await audit({
        action: 'corrective_action.milestone_set',
        entityType: 'corrective_action',
        entityId: id,
        after: { milestoneId, done },
      });
    });
    return this.get(actor, id);
  }

  /** A named approver accepts the remaining risk until an expiry date, with a reason. */
  async acceptRisk(actor: Actor, id: string, input: { approverId: string; until: string; reason: string }) {
    if (!input.reason.trim()) throw bad('reason', 'required', 'Accepting a risk needs a reason.');
    if (input.until <= this.today()) throw bad('until', 'not in the future', 'A risk acceptance expires in the future.');
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!actor.permissions.has('audits:plan')) throw forbidden('Only a planner records a risk acceptance.');
      const a = await this.row(trx, actor, id);
      if (CLOSED.includes(a.status)) throw new AppError('CONFLICT', `The action is ${a.status}.`);
      const u = await trx
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', input.approverId)
        .executeTakeFirst();
      if (!u) throw bad('approverId', 'unknown user', 'The approver is not a user of this organisation.');
      const now = iso(this.ctx.clock.now());
      await trx
        .updateTable('corrective_actions')
        .set({
          status: 'risk-accepted',
          risk_accepted_by: input.approverId,
          risk_accepted_until: input.until,
          risk_acceptance_reason: input.reason.trim(),
          closed_at: now,
        })
        .where('id', '=', id)
        .execute();
      await this.closeFindingIfDone(trx, a);
      await audit({ action: 'corrective_action.risk_accept', entityType: 'corrective_action', entityId: id, after: input });
    });
    return this.get(actor, id);
  }

  /** An auditor of the audit the finding came from confirms (or rejects) the closure of a done action. */
  async verify(actor: Actor, id: string, input: { verified: boolean; note: string }) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!actor.permissions.has('audits:assess')) throw forbidden('Only an auditor verifies closure.');
      const a = await this.row(trx, actor, id);
      if (a.status !== 'done') throw new AppError('CONFLICT', 'Only an action reported done can be verified.');
      if (a.source_type === 'finding') {
        const f = await trx.selectFrom('findings').select('audit_id').where('id', '=', a.source_id).executeTakeFirstOrThrow();
        const mine = await trx
          .selectFrom('audit_auditors')
          .select('user_id')
          .where('audit_id', '=', f.audit_id)
          .where('user_id', '=', actor.userId)
          .executeTakeFirst();
        if (!mine) throw forbidden('Only an auditor of the audit that raised the finding verifies its closure.');
      }
      if (a.owner_id === actor.userId) throw forbidden('The owner of an action cannot verify it.');
      const now = iso(this.ctx.clock.now());
      await trx
        .updateTable('corrective_actions')
        .set(
          input.verified
            ? { status: 'verified', verified_by: actor.userId, verified_at: now, verification_note: input.note, closed_at: now }
            : { status: 'in-progress', verification_note: input.note },
        )
        .where('id', '=', id)
        .execute();
      if (input.verified) await this.closeFindingIfDone(trx, a);
      await audit({
        action: input.verified ? 'corrective_action.verify' : 'corrective_action.reject',
        entityType: 'corrective_action',
        entityId: id,
        after: input,
      });
    });
    return this.get(actor, id);
  }

  /** A finding closes when every action raised from it is verified or its risk accepted. */
  private async closeFindingIfDone(trx: Executor, a: Pick<CorrectiveActionsTable, 'source_type' | 'source_id'>) {
    if (a.source_type !== 'finding') return;
    const open = await trx
      .selectFrom('corrective_actions')
      .select('id')
      .where('source_type', '=', 'finding')
      .where('source_id', '=', a.source_id)
      .where('status', 'not in', [...CLOSED])
      .executeTakeFirst();
    if (!open) await trx.updateTable('findings').set({ status: 'closed' }).where('id', '=', a.source_id).execute();
  }

  /** The daily job: one e-mail per overdue action to its owner, at most once a day. */
  async remindOverdue(): Promise<number> {
    const today = this.today();
    const rows = await this.ctx.db
      .selectFrom('corrective_actions as c')
      .innerJoin('users as u', 'u.id', 'c.owner_id')
      .innerJoin('organisations as o', 'o.id', 'c.org_id')
      .select(['c.id', 'c.org_id', 'c.title', 'c.due_date', 'u.email', 'o.name as org_name'])
      .where('c.due_date', '<', today)
      .where('c.status', 'in', ['open', 'in-progress'])
      .where('u.disabled', '=', 0)
      .where((eb) => eb.or([eb('c.reminded_on', 'is', null), eb('c.reminded_on', '<', today)]))
      .execute();
    let n = 0;
    for (const r of rows) {
      const claimed = await this.ctx.db
        .updateTable('corrective_actions')
        .set({ reminded_on: today })
        .where('id', '=', r.id)
        .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0 || !this.ctx.mailer.enabled) continue;
      await this.ctx.jobs.enqueue(
        'send-email',
        {
          to: r.email,
          subject: `Overdue corrective action: ${r.title}`,
          text: `${r.org_name}: the corrective action "${r.title}" was due on ${r.due_date}.\nOpen CityShield to update it, plan milestones, or report it done.\n`,
        },
        { key: `action-overdue:${r.id}:${today}`, orgId: r.org_id },
      );
      n++;
    }
    return n;
  }
}

export interface ActionView {
  id: string;
  title: string;
  description: string;
  status: ActionStatus;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  overdue: boolean;
  source: { type: 'finding' | 'incident'; id: string; ref: string; title: string; severity: string | null };
  milestones: Array<{ id: string; title: string; dueDate: string; doneAt: string | null }>;
  riskAcceptance: { approverId: string; approverName: string | null; until: string | null; reason: string | null } | null;
  verification: { byName: string | null; at: string | null; note: string | null } | null;
  createdAt: string;
  closedAt: string | null;
}
