import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { AuditsTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { iso, newId, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { type AuditStatus, auditRow, bad, nextRef, scopedAudits, scopeQuery, scopeSystemIds } from './audit-common.js';
import { assertIndependent } from './auditors.js';

export interface AuditInput {
  title: string;
  method: string;
  periodStart: string;
  periodEnd: string;
  systemIds: string[];
  componentIds: string[];
  families: string[];
}

/**
 * Audits: the cycle each level demands and the calendar that follows from it, audits with their
 * scope and period, auditors who declare their independence (and may not audit systems they own),
 * results per requirement in scope recorded by the audit's own auditors during fieldwork, and
 * findings that become corrective actions. Auditors never change implementation records (they lack
 * systems:edit); owners never change results (they lack audits:assess).
 *
 * This service plans audits (scope, period, status); the other parts sit beside it:
 * audit-cycles.ts, auditors.ts, fieldwork.ts and findings.service.ts, sharing audit-common.ts.
 */
export class AuditsService {
  constructor(private readonly ctx: AppContext) {}

  async list(
    actor: Actor,
    status: AuditStatus | undefined,
    page: number,
    pageSize: number,
  ): Promise<Page<ReturnType<typeof auditItem> & { systems: number; findings: number }>> {
    let q = scopedAudits(this.ctx.db, actor);
    if (status) q = q.where('a.status', '=', status);
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll('a')
      .select((eb) => [
        eb.selectFrom('audit_systems as x').select(sql<number>`count(*)`.as('n')).whereRef('x.audit_id', '=', 'a.id').as('systems'),
        eb.selectFrom('findings as f').select(sql<number>`count(*)`.as('n')).whereRef('f.audit_id', '=', 'a.id').as('findings'),
      ])
      .orderBy('a.period_start', 'desc')
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return {
      items: rows.map((r) => ({ ...auditItem(r), systems: Number(r.systems ?? 0), findings: Number(r.findings ?? 0) })),
      total,
      page,
      pageSize,
    };
  }

  private checkDates(start: string, end: string) {
    if (start > end) throw bad('periodEnd', 'before the start', 'The audit period ends before it starts.');
  }

  private async checkScope(db: Executor, orgId: string, input: Pick<AuditInput, 'systemIds' | 'componentIds'>) {
    if (input.systemIds.length === 0 && input.componentIds.length === 0)
      throw bad('systemIds', 'empty scope', 'An audit covers at least one system or component.');
    if (input.systemIds.length > 0) {
      const found = await db.selectFrom('systems').select('id').where('org_id', '=', orgId).where('id', 'in', input.systemIds).execute();
      if (found.length !== new Set(input.systemIds).size)
        throw bad('systemIds', 'unknown system', 'A system in the scope is not in the register.');
    }
    if (input.componentIds.length > 0) {
      const found = await db
        .selectFrom('components')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', 'in', input.componentIds)
        .execute();
      if (found.length !== new Set(input.componentIds).size)
        throw bad('componentIds', 'unknown component', 'A component in the scope does not exist.');
    }
  }

  private async writeScope(trx: Executor, orgId: string, id: string, input: Pick<AuditInput, 'systemIds' | 'componentIds'>) {
    await trx.deleteFrom('audit_systems').where('audit_id', '=', id).execute();
    await trx.deleteFrom('audit_components').where('audit_id', '=', id).execute();
    const systems = [...new Set(input.systemIds)];
    const components = [...new Set(input.componentIds)];
    if (systems.length)
      await trx
        .insertInto('audit_systems')
        .values(systems.map((s) => ({ org_id: orgId, audit_id: id, system_id: s })))
        .execute();
    if (components.length)
      await trx
        .insertInto('audit_components')
        .values(components.map((c) => ({ org_id: orgId, audit_id: id, component_id: c })))
        .execute();
  }

  async create(actor: Actor, input: AuditInput) {
    this.checkDates(input.periodStart, input.periodEnd);
    const id = await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.checkScope(trx, actor.orgId, input);
      const now = iso(this.ctx.clock.now());
      const row = {
        id: newId(),
        org_id: actor.orgId,
        ref: await nextRef(this.ctx, trx, actor.orgId, 'audits', 'AUD'),
        title: input.title,
        method: input.method,
        families: JSON.stringify([...new Set(input.families)]),
        period_start: input.periodStart,
        period_end: input.periodEnd,
        status: 'planned',
        conclusion: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      await trx.insertInto('audits').values(row).execute();
      await this.writeScope(trx, actor.orgId, row.id, input);
      await audit({ action: 'audit.create', entityType: 'audit', entityId: row.id, after: { ref: row.ref, ...input } });
      return row.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, patch: Partial<AuditInput> & { status?: AuditStatus; conclusion?: string | null }) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await auditRow(trx, actor, id);
      if (before.status === 'closed' && patch.status !== undefined && patch.status !== 'closed') {
        // Reopening is allowed (a correction), and recorded.
      } else if (before.status === 'closed') throw new AppError('CONFLICT', 'The audit is closed.');
      const start = patch.periodStart ?? before.period_start;
      const end = patch.periodEnd ?? before.period_end;
      this.checkDates(start, end);
      if (patch.systemIds || patch.componentIds) {
        const scope = {
          systemIds: patch.systemIds ?? (await scopeSystemIds(trx, id)),
          componentIds:
            patch.componentIds ??
            (await trx.selectFrom('audit_components').select('component_id').where('audit_id', '=', id).execute()).map(
              (r) => r.component_id,
            ),
        };
        await this.checkScope(trx, actor.orgId, scope);
        // A changed scope must not put an assigned auditor over their own system.
        const auditors = (await trx.selectFrom('audit_auditors').select('user_id').where('audit_id', '=', id).execute()).map(
          (a) => a.user_id,
        );
        await assertIndependent(trx, actor.orgId, auditors, scope.systemIds);
        await this.writeScope(trx, actor.orgId, id, scope);
      }
      const status = patch.status ?? (before.status as AuditStatus);
      const conclusion = patch.conclusion !== undefined ? patch.conclusion : before.conclusion;
      if (status !== before.status) {
        if (status === 'fieldwork') {
          const n = await trx
            .selectFrom('audit_auditors')
            .select(sql<number>`count(*)`.as('n'))
            .where('audit_id', '=', id)
            .executeTakeFirstOrThrow();
          if (Number(n.n) === 0) throw bad('status', 'no auditor', 'Assign at least one auditor before fieldwork starts.');
        }
        if (status === 'closed' && !conclusion?.trim())
          throw bad('conclusion', 'required to close', 'An audit is closed with its conclusion.');
      }
      const set: Partial<AuditsTable> = { updated_at: iso(this.ctx.clock.now()) };
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.method !== undefined) set.method = patch.method;
      if (patch.families !== undefined) set.families = JSON.stringify([...new Set(patch.families)]);
      if (patch.periodStart !== undefined) set.period_start = patch.periodStart;
      if (patch.periodEnd !== undefined) set.period_end = patch.periodEnd;
      if (patch.conclusion !== undefined) set.conclusion = patch.conclusion;
      if (patch.status !== undefined) {
        set.status = patch.status;
        set.closed_at = patch.status === 'closed' ? iso(this.ctx.clock.now()) : null;
      }
      await trx.updateTable('audits').set(set).where('id', '=', id).execute();
      await audit({ action: 'audit.update', entityType: 'audit', entityId: id, before: { status: before.status }, after: { ...patch } });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string) {
    const db = this.ctx.db;
    const a = await auditRow(db, actor, id);
    const [systems, components, auditors, results, findings] = await Promise.all([
      db
        .selectFrom('audit_systems as x')
        .innerJoin('systems as s', 's.id', 'x.system_id')
        .select(['s.id', 's.name', 's.security_level', 's.owner_id'])
        .where('x.audit_id', '=', id)
        .orderBy('s.name_key')
        .execute(),
      db
        .selectFrom('audit_components as x')
        .innerJoin('components as k', 'k.id', 'x.component_id')
        .select(['k.id', 'k.name'])
        .where('x.audit_id', '=', id)
        .execute(),
      db
        .selectFrom('audit_auditors as u')
        .innerJoin('users', 'users.id', 'u.user_id')
        .select(['u.user_id', 'users.name', 'users.email', 'u.lead', 'u.independence', 'u.declared_at'])
        .where('u.audit_id', '=', id)
        .orderBy('u.lead', 'desc')
        .execute(),
      db
        .selectFrom('audit_results')
        .select(['result', sql<number>`count(*)`.as('n')])
        .where('audit_id', '=', id)
        .groupBy('result')
        .execute(),
      db
        .selectFrom('findings')
        .select(['id', 'ref', 'title', 'severity', 'status', 'control_id'])
        .where('audit_id', '=', id)
        .orderBy('ref')
        .execute(),
    ]);
    const inScope = await scopeQuery(db, a).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const counts = { satisfied: 0, partially: 0, 'not-satisfied': 0, 'not-applicable': 0 };
    for (const r of results) counts[r.result as keyof typeof counts] = Number(r.n);
    return {
      ...auditItem(a),
      systems: systems.map((s) => ({ id: s.id, name: s.name, securityLevel: s.security_level })),
      components: components.map((k) => ({ id: k.id, name: k.name })),
      auditors: auditors.map((u) => ({
        userId: u.user_id,
        name: u.name,
        email: u.email,
        lead: u.lead === 1,
        independence: u.independence,
        declaredAt: u.declared_at,
      })),
      progress: { inScope: Number(inScope.n), assessed: Object.values(counts).reduce((x, y) => x + y, 0), ...counts },
      findings: findings.map((f) => ({
        id: f.id,
        ref: f.ref,
        title: f.title,
        severity: f.severity,
        status: f.status,
        controlId: f.control_id,
      })),
      isAuditor: auditors.some((u) => u.user_id === actor.userId),
    };
  }
}

function auditItem(a: AuditsTable) {
  return {
    id: a.id,
    ref: a.ref,
    title: a.title,
    method: a.method,
    families: JSON.parse(a.families) as string[],
    periodStart: a.period_start,
    periodEnd: a.period_end,
    status: a.status as AuditStatus,
    conclusion: a.conclusion,
    createdAt: a.created_at,
    closedAt: a.closed_at,
  };
}
