import { defaultAuditCycle, nextAudit } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { AuditsTable } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { iso, newId, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { ClassificationService } from '../classification/classification.service.js';

export const AUDIT_STATUSES = ['planned', 'fieldwork', 'reporting', 'closed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const AUDIT_RESULTS = ['satisfied', 'partially', 'not-satisfied', 'not-applicable'] as const;
export const FINDING_SEVERITIES = ['low', 'moderate', 'high', 'critical'] as const;

export interface AuditInput {
  title: string;
  method: string;
  periodStart: string;
  periodEnd: string;
  systemIds: string[];
  componentIds: string[];
  families: string[];
}

const bad = (path: string, message: string, text: string) => new AppError('VALIDATION', text, [{ path, message }]);

/**
 * Audits: the cycle each level demands and the calendar that follows from it, audits with their
 * scope and period, auditors who declare their independence (and may not audit systems they own),
 * results per requirement in scope recorded by the audit's own auditors during fieldwork, and
 * findings that become corrective actions. Auditors never change implementation records (they lack
 * systems:edit); owners never change results (they lack audits:assess).
 */
export class AuditsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly classification: ClassificationService,
  ) {}

  get db() {
    return this.ctx.db;
  }

  private today = () => iso(this.ctx.clock.now()).slice(0, 10);
  private readAll = (a: Actor) => a.permissions.has('systems:read-all');

  // ── cycles and calendar ────────────────────────────────────────────────

  async cycles(db: Executor, orgId: string) {
    const method = await this.classification.method(db, orgId);
    const levels = [...method.securityLevels].sort((a, b) => a.rank - b.rank);
    const defaults = defaultAuditCycle(
      method.key,
      levels.map((l) => l.key),
    );
    const own = await db.selectFrom('audit_cycles').selectAll().where('org_id', '=', orgId).where('method_key', '=', method.key).execute();
    const byLevel = new Map(own.map((o) => [o.level_key, o.years]));
    return {
      method: method.key,
      levels: levels.map((l) => ({
        level: l.key,
        levelName: l.name,
        years: byLevel.get(l.key) ?? (defaults[l.key] as number),
        isDefault: !byLevel.has(l.key),
      })),
    };
  }

  async setCycles(actor: Actor, levels: Record<string, number | null>) {
    const method = await this.classification.method(this.ctx.db, actor.orgId);
    const known = new Set(method.securityLevels.map((l) => l.key));
    const unknown = Object.keys(levels).filter((k) => !known.has(k));
    if (unknown.length > 0) throw bad(`levels.${unknown[0]}`, 'unknown level', `The method ${method.name} has no level "${unknown[0]}".`);
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      for (const [level, years] of Object.entries(levels)) {
        await trx
          .deleteFrom('audit_cycles')
          .where('org_id', '=', actor.orgId)
          .where('method_key', '=', method.key)
          .where('level_key', '=', level)
          .execute();
        if (years !== null)
          await trx.insertInto('audit_cycles').values({ org_id: actor.orgId, method_key: method.key, level_key: level, years }).execute();
      }
      await audit({
        action: 'audit.cycles_change',
        entityType: 'organisation',
        entityId: actor.orgId,
        after: { method: method.key, levels },
      });
    });
    return this.cycles(this.ctx.db, actor.orgId);
  }

  /** Every system with the date its next audit is due, overdue first. */
  async calendar(actor: Actor, state: string | undefined, page: number, pageSize: number) {
    const db = this.ctx.db;
    const cycles = new Map((await this.cycles(db, actor.orgId)).levels.map((l) => [l.level, l.years]));
    let q = db
      .selectFrom('systems as s')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('audit_systems as x')
            .innerJoin('audits as a', 'a.id', 'x.audit_id')
            .select(['x.system_id', sql<string>`max(a.period_end)`.as('last_end')])
            .where('a.status', '=', 'closed')
            .groupBy('x.system_id')
            .as('last'),
        (j) => j.onRef('last.system_id', '=', 's.id'),
      )
      .select(['s.id', 's.name', 's.security_level', 's.owner_id', 'last.last_end'])
      .where('s.org_id', '=', actor.orgId);
    if (!this.readAll(actor)) q = q.where('s.owner_id', '=', actor.userId);
    const rows = await q.orderBy('s.name_key').execute();
    const today = this.today();
    const order = { overdue: 0, 'never-audited': 1, 'due-soon': 2, ok: 3, unclassified: 4 } as const;
    const items = rows
      .map((r) => {
        const n = nextAudit(
          {
            securityLevel: r.security_level,
            lastAuditEnd: r.last_end ?? null,
            cycleYears: r.security_level ? cycles.get(r.security_level) : undefined,
          },
          today,
        );
        return {
          systemId: r.id,
          name: r.name,
          securityLevel: r.security_level,
          lastAuditEnd: r.last_end ?? null,
          nextDue: n.due,
          state: n.state,
        };
      })
      .filter((i) => !state || i.state === state)
      .sort(
        (a, b) => order[a.state] - order[b.state] || (a.nextDue ?? '9').localeCompare(b.nextDue ?? '9') || a.name.localeCompare(b.name),
      );
    const counts = { overdue: 0, 'never-audited': 0, 'due-soon': 0, ok: 0, unclassified: 0 };
    for (const r of rows) {
      const n = nextAudit(
        {
          securityLevel: r.security_level,
          lastAuditEnd: r.last_end ?? null,
          cycleYears: r.security_level ? cycles.get(r.security_level) : undefined,
        },
        today,
      );
      counts[n.state]++;
    }
    return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize, counts };
  }

  // ── audits ─────────────────────────────────────────────────────────────

  /** Audits the caller may see: all with systems:read-all, else those covering a system they own. */
  private scoped(db: Executor, actor: Actor) {
    let q = db.selectFrom('audits as a').where('a.org_id', '=', actor.orgId);
    if (!this.readAll(actor))
      q = q.where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('audit_systems as x')
              .innerJoin('systems as s', 's.id', 'x.system_id')
              .select('x.system_id')
              .whereRef('x.audit_id', '=', 'a.id')
              .where('s.owner_id', '=', actor.userId),
          ),
          eb.exists(
            eb
              .selectFrom('audit_auditors as u')
              .select('u.user_id')
              .whereRef('u.audit_id', '=', 'a.id')
              .where('u.user_id', '=', actor.userId),
          ),
        ]),
      );
    return q;
  }

  async row(db: Executor, actor: Actor, id: string) {
    const a = await this.scoped(db, actor).selectAll('a').where('a.id', '=', id).executeTakeFirst();
    if (!a) throw notFound('The audit');
    return a;
  }

  async list(
    actor: Actor,
    status: AuditStatus | undefined,
    page: number,
    pageSize: number,
  ): Promise<Page<ReturnType<typeof auditItem> & { systems: number; findings: number }>> {
    let q = this.scoped(this.ctx.db, actor);
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

  private async nextRef(trx: Executor, orgId: string, table: 'audits' | 'findings', prefix: string) {
    if (this.ctx.kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`${table}-ref:${orgId}`}))`.execute(trx);
    const p = `${prefix}-${this.today().slice(0, 4)}-`;
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

  async create(actor: Actor, input: AuditInput) {
    this.checkDates(input.periodStart, input.periodEnd);
    const id = await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.checkScope(trx, actor.orgId, input);
      const now = iso(this.ctx.clock.now());
      const row = {
        id: newId(),
        org_id: actor.orgId,
        ref: await this.nextRef(trx, actor.orgId, 'audits', 'AUD'),
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
      const before = await this.row(trx, actor, id);
      if (before.status === 'closed' && patch.status !== undefined && patch.status !== 'closed') {
        // Reopening is allowed (a correction), and recorded.
      } else if (before.status === 'closed') throw new AppError('CONFLICT', 'The audit is closed.');
      const start = patch.periodStart ?? before.period_start;
      const end = patch.periodEnd ?? before.period_end;
      this.checkDates(start, end);
      if (patch.systemIds || patch.componentIds) {
        const scope = {
          systemIds:
            patch.systemIds ??
            (await trx.selectFrom('audit_systems').select('system_id').where('audit_id', '=', id).execute()).map((r) => r.system_id),
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
        await this.assertIndependent(trx, actor.orgId, auditors, scope.systemIds);
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
    const a = await this.row(db, actor, id);
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
    const inScope = await this.scopeQuery(db, a).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
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

  /** The requirement rows in an audit's scope: applying requirements of its systems, within its families. */
  private scopeQuery(db: Executor, a: Pick<AuditsTable, 'id' | 'families'>) {
    const families = JSON.parse(a.families) as string[];
    let q = db
      .selectFrom('system_requirements as r')
      .innerJoin('audit_systems as x', (j) => j.onRef('x.system_id', '=', 'r.system_id').on('x.audit_id', '=', a.id))
      .where('r.applies', '=', 1);
    if (families.length > 0) q = q.where('r.family', 'in', families);
    return q;
  }

  /** Fieldwork list: requirements in scope with their implementation and this audit's result. */
  async requirements(
    actor: Actor,
    id: string,
    f: { systemId?: string; family?: string; result?: string; unassessed?: boolean },
    page: number,
    pageSize: number,
  ) {
    const db = this.ctx.db;
    const a = await this.row(db, actor, id);
    let q = this.scopeQuery(db, a)
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

  // ── auditors ───────────────────────────────────────────────────────────

  private async assertIndependent(db: Executor, orgId: string, userIds: readonly string[], systemIds: readonly string[]) {
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

  async addAuditor(
    actor: Actor,
    id: string,
    input: { userId: string; lead: boolean; independence: string; noConsultingConfirmed: boolean },
  ) {
    if (!input.noConsultingConfirmed)
      throw bad(
        'noConsultingConfirmed',
        'must be confirmed',
        'The auditor must confirm no consulting in the audited area in the last two years.',
      );
    if (!input.independence.trim()) throw bad('independence', 'required', 'The declaration of independence is required.');
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const a = await this.row(trx, actor, id);
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
      const systems = (await trx.selectFrom('audit_systems').select('system_id').where('audit_id', '=', id).execute()).map(
        (s) => s.system_id,
      );
      await this.assertIndependent(trx, actor.orgId, [input.userId], systems);
      const exists = await trx
        .selectFrom('audit_auditors')
        .select('user_id')
        .where('audit_id', '=', id)
        .where('user_id', '=', input.userId)
        .executeTakeFirst();
      if (exists) throw new AppError('CONFLICT', `${user.name} is already an auditor of this audit.`);
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
    return this.get(actor, id);
  }

  async removeAuditor(actor: Actor, id: string, userId: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.row(trx, actor, id);
      const n = await trx.deleteFrom('audit_auditors').where('audit_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (Number(n.numDeletedRows) === 0) throw notFound('The auditor');
      await audit({ action: 'audit.auditor_remove', entityType: 'audit', entityId: id, before: { userId } });
    });
    return this.get(actor, id);
  }

  // ── fieldwork ──────────────────────────────────────────────────────────

  private async assertAuditor(db: Executor, actor: Actor, a: Pick<AuditsTable, 'id' | 'status'>, statuses: readonly AuditStatus[]) {
    const me = await db
      .selectFrom('audit_auditors')
      .select('user_id')
      .where('audit_id', '=', a.id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (!me) throw forbidden('Only the auditors assigned to this audit record its results and findings.');
    if (!statuses.includes(a.status as AuditStatus))
      throw new AppError('CONFLICT', `The audit is ${a.status}; this is recorded during ${statuses.join(' or ')}.`);
  }

  async recordResult(
    actor: Actor,
    id: string,
    requirementId: string,
    input: { result: (typeof AUDIT_RESULTS)[number]; observations: string; sampling: string; evidenceReviewed: string[] },
  ) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const a = await this.row(trx, actor, id);
      await this.assertAuditor(trx, actor, a, ['fieldwork']);
      const r = await this.scopeQuery(trx, a)
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

  async addFinding(
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
      const a = await this.row(trx, actor, id);
      await this.assertAuditor(trx, actor, a, ['fieldwork', 'reporting']);
      const scope = new Set(
        (await trx.selectFrom('audit_systems').select('system_id').where('audit_id', '=', id).execute()).map((s) => s.system_id),
      );
      const outside = input.systemIds.filter((s) => !scope.has(s));
      if (outside.length > 0) throw bad('systemIds', 'outside the scope', "A finding names systems in the audit's scope only.");
      if (input.action && input.action.dueDate < this.today())
        throw bad('action.dueDate', 'in the past', 'The corrective action is due in the future.');
      const now = iso(this.ctx.clock.now());
      const finding = {
        id: newId(),
        org_id: actor.orgId,
        audit_id: id,
        ref: await this.nextRef(trx, actor.orgId, 'findings', 'F'),
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

  async findings(actor: Actor, f: { auditId?: string; status?: string; severity?: string }, page: number, pageSize: number) {
    let q = this.ctx.db.selectFrom('findings as f').innerJoin('audits as a', 'a.id', 'f.audit_id').where('f.org_id', '=', actor.orgId);
    if (!this.readAll(actor))
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('finding_systems as fs')
            .innerJoin('systems as s', 's.id', 'fs.system_id')
            .select('fs.system_id')
            .whereRef('fs.finding_id', '=', 'f.id')
            .where('s.owner_id', '=', actor.userId),
        ),
      );
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
