import { checkResidual, isOnMatrix, needsFromLevels, type RiskMatrix, rated, suggestScenarios } from '@cityshield/core';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor, AppContext, Trx } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { containsText } from '../../db/like.js';
import type { DB, RisksTable } from '../../db/schema.js';
import { AppError, type ErrorDetail, forbidden, notFound } from '../../errors.js';
import { iso, newId, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { ClassificationService } from '../classification/classification.service.js';
import type { SystemService } from '../registry/system.service.js';
import type { RiskMatrixService } from './matrix.service.js';
import type { RiskStatus, Treatment } from './risk.schema.js';
import { knownControls, type LiveControl, liveControls } from './risk-controls.js';
import type { CatalogueThreat, ThreatService } from './threat.service.js';

export interface Cell {
  likelihood: number;
  impact: number;
}

export interface Acceptance {
  approverId: string;
  expiresOn: string;
  reason: string;
}

/** Everything a risk says, as the API takes it (target apart). */
export interface RiskState {
  title: string;
  threatKey: string;
  vulnerability: string;
  inherent: Cell;
  residual: Cell;
  treatment: Treatment;
  treatmentNote: string;
  controlIds: string[];
  acceptance: Acceptance | null;
  transferTo: string | null;
  ownerId: string | null;
  reviewDate: string | null;
  status: RiskStatus;
}

export interface RiskCreate extends Omit<RiskState, 'title' | 'residual' | 'acceptance' | 'transferTo' | 'ownerId' | 'reviewDate'> {
  systemId?: string | null | undefined;
  componentId?: string | null | undefined;
  title?: string | undefined;
  residual?: Cell | undefined;
  acceptance?: Acceptance | null | undefined;
  transferTo?: string | null | undefined;
  ownerId?: string | null | undefined;
  reviewDate?: string | null | undefined;
}

export type RiskPatch = Partial<RiskState>;

export interface RiskFilter {
  systemId?: string | undefined;
  componentId?: string | undefined;
  threatKey?: string | undefined;
  status?: RiskStatus | undefined;
  treatment?: Treatment | undefined;
  rating?: string | undefined;
  inherentRating?: string | undefined;
  ownerId?: string | undefined;
  basis?: 'inherent' | 'residual' | undefined;
  likelihood?: number | undefined;
  impact?: number | undefined;
  unmitigated?: boolean | undefined;
  reviewOverdue?: boolean | undefined;
  q?: string | undefined;
  sort?: 'residual' | 'inherent' | 'review' | 'updated' | 'title' | undefined;
}

type RiskRow = RisksTable & { system_name: string | null; system_owner_id: string | null; component_name: string | null };

const invalid = (message: string, details: ErrorDetail[]) => new AppError('VALIDATION', message, details);

export const todayOf = (d: Date) => iso(d).slice(0, 10);

/**
 * The risk register: scenarios on a system or a common component, rated on the organisation's
 * matrix before (inherent) and after (residual) treatment. Security officers (`risks:manage`)
 * keep every risk; system owners record and edit the risks of their own systems and see those,
 * the risks of the common components their systems use, and the risks they own. Every change is
 * audited, which is the risk's history.
 */
export class RiskService {
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
    private readonly classification: ClassificationService,
    readonly threats: ThreatService,
    readonly matrices: RiskMatrixService,
  ) {}

  private readAll = (a: Actor) => a.permissions.has('systems:read-all');
  private manage = (a: Actor) => a.permissions.has('risks:manage');
  today = () => todayOf(this.ctx.clock.now());

  /** Risks the caller may see, with the names of their system or component. */
  scoped(db: Executor, actor: Actor) {
    let q = db
      .selectFrom('risks as r')
      .leftJoin('systems as s', 's.id', 'r.system_id')
      .leftJoin('components as k', 'k.id', 'r.component_id')
      .where('r.org_id', '=', actor.orgId);
    if (!this.readAll(actor)) {
      q = q.where((eb) =>
        eb.or([
          eb('s.owner_id', '=', actor.userId),
          eb('r.owner_id', '=', actor.userId),
          eb.and([
            eb('r.component_id', 'is not', null),
            eb.exists(
              eb
                .selectFrom('system_components as sc')
                .innerJoin('systems as s2', 's2.id', 'sc.system_id')
                .select('sc.system_id')
                .whereRef('sc.component_id', '=', 'r.component_id')
                .where('s2.owner_id', '=', actor.userId),
            ),
          ]),
        ]),
      );
    }
    return q;
  }

  private selectRows(q: ReturnType<RiskService['scoped']>) {
    return q.selectAll('r').select(['s.name as system_name', 's.owner_id as system_owner_id', 'k.name as component_name']);
  }

  /** A linked control that is missing, retired or not implemented leaves the risk unmitigated. */
  static unmitigated(eb: ExpressionBuilder<DB & { r: DB['risks'] }, 'r'>) {
    return eb.exists(
      eb
        .selectFrom('risk_controls as rc')
        .select('rc.control_id')
        .whereRef('rc.risk_id', '=', 'r.id')
        .where((e) =>
          e.and([
            e.not(
              e.exists(
                e
                  .selectFrom('system_requirements as sr')
                  .select('sr.id')
                  .whereRef('sr.system_id', '=', 'r.system_id')
                  .whereRef('sr.control_id', '=', 'rc.control_id')
                  .where('sr.applies', '=', 1)
                  .where('sr.effective_status', '=', 'implemented'),
              ),
            ),
            e.not(
              e.exists(
                e
                  .selectFrom('component_requirements as cr')
                  .select('cr.id')
                  .whereRef('cr.component_id', '=', 'r.component_id')
                  .whereRef('cr.control_id', '=', 'rc.control_id')
                  .where('cr.status', '=', 'implemented'),
              ),
            ),
          ]),
        ),
    );
  }

  /** Whether the caller may change this risk. */
  canEdit(actor: Actor, r: Pick<RiskRow, 'system_id' | 'system_owner_id'>): boolean {
    if (this.manage(actor)) return true;
    if (!r.system_id || !actor.permissions.has('systems:edit')) return false;
    return actor.permissions.has('systems:manage-all') || r.system_owner_id === actor.userId;
  }

  async row(db: Executor, actor: Actor, id: string): Promise<RiskRow> {
    const r = await this.selectRows(this.scoped(db, actor)).where('r.id', '=', id).executeTakeFirst();
    if (!r) throw notFound('The risk');
    return r as RiskRow;
  }

  // ---- views ------------------------------------------------------------------------------------

  async views(db: Executor, actor: Actor, rows: readonly RiskRow[], matrix?: RiskMatrix, threatList?: CatalogueThreat[]) {
    const m = matrix ?? (await this.matrices.matrix(db, actor.orgId));
    const threats = new Map((threatList ?? (await this.threats.all(db, actor.orgId))).map((t) => [t.key, t]));
    const userIds = [...new Set(rows.flatMap((r) => [r.owner_id, r.accept_approver_id]).filter((x): x is string => x !== null))];
    const users =
      userIds.length > 0
        ? await db.selectFrom('users').select(['id', 'name']).where('org_id', '=', actor.orgId).where('id', 'in', userIds).execute()
        : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    const controls = await liveControls(db, actor.orgId, rows);
    const today = this.today();
    const band = (key: string) => m.bands.find((b) => b.key === key)?.label ?? key;
    const cell = (likelihood: number, impact: number, score: number, rating: string) => ({
      likelihood,
      impact,
      score,
      rating,
      ratingLabel: band(rating),
      likelihoodLabel: m.likelihood[likelihood - 1]?.label ?? String(likelihood),
      impactLabel: m.impact[impact - 1]?.label ?? String(impact),
    });
    return rows.map((r) => {
      const t = threats.get(r.threat_key);
      const live = controls.get(r.id) ?? [];
      return {
        view: {
          id: r.id,
          title: r.title,
          target: r.system_id
            ? { type: 'system' as const, id: r.system_id, name: r.system_name ?? '' }
            : { type: 'component' as const, id: r.component_id ?? '', name: r.component_name ?? '' },
          threat: { key: r.threat_key, name: t?.name ?? r.threat_key, builtIn: t?.builtIn ?? false },
          vulnerability: r.vulnerability,
          inherent: cell(r.inherent_likelihood, r.inherent_impact, r.inherent_score, r.inherent_rating),
          residual: cell(r.residual_likelihood, r.residual_impact, r.residual_score, r.residual_rating),
          treatment: r.treatment as Treatment,
          treatmentNote: r.treatment_note,
          acceptance:
            r.treatment === 'accept' && r.accept_expires
              ? {
                  approverId: r.accept_approver_id,
                  approverName: r.accept_approver_id ? (names.get(r.accept_approver_id) ?? null) : null,
                  expiresOn: r.accept_expires,
                  reason: r.accept_reason ?? '',
                  expired: r.accept_expires < today,
                }
              : null,
          transferTo: r.transfer_to,
          ownerId: r.owner_id,
          ownerName: r.owner_id ? (names.get(r.owner_id) ?? null) : null,
          reviewDate: r.review_date,
          reviewOverdue: r.status === 'open' && r.review_date !== null && r.review_date < today,
          status: r.status as RiskStatus,
          source: r.source,
          controls: { total: live.length, implemented: live.filter((c) => c.implemented).length },
          editable: this.canEdit(actor, r),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
          closedAt: r.closed_at,
        },
        live,
        threat: t,
      };
    });
  }

  // ---- reading ----------------------------------------------------------------------------------

  async list(actor: Actor, f: RiskFilter, page: number, pageSize: number): Promise<Page<RiskView>> {
    let q = this.scoped(this.ctx.db, actor);
    if (f.systemId) q = q.where('r.system_id', '=', f.systemId);
    if (f.componentId) q = q.where('r.component_id', '=', f.componentId);
    if (f.threatKey) q = q.where('r.threat_key', '=', f.threatKey);
    if (f.status) q = q.where('r.status', '=', f.status);
    if (f.treatment) q = q.where('r.treatment', '=', f.treatment);
    if (f.rating) q = q.where('r.residual_rating', '=', f.rating);
    if (f.inherentRating) q = q.where('r.inherent_rating', '=', f.inherentRating);
    if (f.ownerId) q = q.where('r.owner_id', '=', f.ownerId);
    const basis = f.basis ?? 'residual';
    if (f.likelihood !== undefined)
      q = q.where(basis === 'inherent' ? 'r.inherent_likelihood' : 'r.residual_likelihood', '=', f.likelihood);
    if (f.impact !== undefined) q = q.where(basis === 'inherent' ? 'r.inherent_impact' : 'r.residual_impact', '=', f.impact);
    if (f.unmitigated) q = q.where((eb) => RiskService.unmitigated(eb as never));
    if (f.reviewOverdue) q = q.where('r.status', '=', 'open').where('r.review_date', '<', this.today());
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText('r.title', needle), containsText('r.vulnerability', needle)]));
    }
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    let ordered = this.selectRows(q);
    switch (f.sort ?? 'residual') {
      case 'inherent':
        ordered = ordered.orderBy('r.inherent_score', 'desc').orderBy('r.residual_score', 'desc');
        break;
      case 'review':
        ordered = ordered.orderBy(sql`case when r.review_date is null then 1 else 0 end`).orderBy('r.review_date');
        break;
      case 'updated':
        ordered = ordered.orderBy('r.updated_at', 'desc');
        break;
      case 'title':
        ordered = ordered.orderBy(sql`lower(r.title)`);
        break;
      default:
        ordered = ordered.orderBy('r.residual_score', 'desc').orderBy('r.inherent_score', 'desc');
    }
    const rows = (await ordered
      .orderBy('r.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute()) as RiskRow[];
    const views = await this.views(this.ctx.db, actor, rows);
    return { items: views.map((v) => v.view), total, page, pageSize };
  }

  async get(actor: Actor, id: string, db: Executor = this.ctx.db) {
    const row = await this.row(db, actor, id);
    const [v] = await this.views(db, actor, [row]);
    if (!v) throw notFound('The risk');
    return {
      ...v.view,
      controlStatus: v.live.map(liveView),
      threatDescription: v.threat?.description ?? '',
      threatMitigations: [...(v.threat?.mitigations ?? [])],
    };
  }

  /** The risk's history: its audit entries, newest first. */
  async history(actor: Actor, id: string) {
    await this.row(this.ctx.db, actor, id);
    const rows = await this.ctx.db
      .selectFrom('audit_log')
      .select(['at', 'action', 'actor_email', 'before_json', 'after_json'])
      .where('org_id', '=', actor.orgId)
      .where('entity_type', '=', 'risk')
      .where('entity_id', '=', id)
      .orderBy('seq', 'desc')
      .limit(200)
      .execute();
    return {
      items: rows.map((r) => ({
        at: r.at,
        action: r.action,
        actorEmail: r.actor_email,
        before: r.before_json ? (JSON.parse(r.before_json) as unknown) : null,
        after: r.after_json ? (JSON.parse(r.after_json) as unknown) : null,
      })),
    };
  }

  // ---- changing ---------------------------------------------------------------------------------

  /** The system or component a new risk is about; the caller must be allowed to record risks there. */
  private async writableTarget(trx: Trx, actor: Actor, t: { systemId?: string | null; componentId?: string | null }) {
    if (t.componentId) {
      if (!this.manage(actor)) throw forbidden('Only a security officer can record risks of common components.');
      const c = await trx
        .selectFrom('components')
        .select(['id', 'name'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', t.componentId)
        .executeTakeFirst();
      if (!c) throw invalid('The component does not exist.', [{ path: 'componentId', message: 'unknown component' }]);
      return { systemId: null, componentId: c.id, name: c.name, ownerId: null as string | null };
    }
    const systemId = t.systemId ?? '';
    const unknown = () => invalid('The system does not exist.', [{ path: 'systemId', message: 'unknown system' }]);
    if (this.manage(actor)) {
      const s = await this.systems.repo.find(trx, actor.orgId, systemId);
      if (!s) throw unknown();
      return { systemId: s.id, componentId: null, name: s.name, ownerId: s.owner_id };
    }
    if (!actor.permissions.has('systems:edit')) throw forbidden('You can only record risks of systems you own.');
    const s = await this.systems.assertEditable(trx, actor, systemId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'NOT_FOUND') throw unknown();
      throw err;
    });
    return { systemId: s.id, componentId: null, name: s.name, ownerId: s.owner_id };
  }

  /**
   * Checks a risk's next state against the matrix, the catalogue and the organisation; all
   * problems at once, before anything is written. `acceptanceChanged`: the expiry is checked
   * against today only when the acceptance is (re)given.
   */
  private async check(
    trx: Trx,
    actor: Actor,
    matrix: RiskMatrix,
    s: RiskState,
    target: { systemId: string | null; componentId: string | null },
    acceptanceChanged: boolean,
  ): Promise<CatalogueThreat> {
    const details: ErrorDetail[] = [];
    const threat = await this.threats.find(trx, actor.orgId, s.threatKey);
    if (!threat) details.push({ path: 'threatKey', message: `unknown threat "${s.threatKey}"` });
    const L = matrix.likelihood.length;
    const I = matrix.impact.length;
    for (const which of ['inherent', 'residual'] as const) {
      const c = s[which];
      if (c.likelihood < 1 || c.likelihood > L) details.push({ path: `${which}.likelihood`, message: `must be between 1 and ${L}` });
      if (c.impact < 1 || c.impact > I) details.push({ path: `${which}.impact`, message: `must be between 1 and ${I}` });
    }
    if (details.every((d) => !d.path.startsWith('inherent') && !d.path.startsWith('residual')))
      details.push(...checkResidual(s.inherent, s.residual));
    if (s.treatment === 'accept') {
      const a = s.acceptance;
      if (!a) {
        details.push({ path: 'acceptance', message: 'accepting a risk needs a named approver, an expiry date and a reason' });
      } else {
        const u = await trx
          .selectFrom('users')
          .select(['id', 'disabled'])
          .where('org_id', '=', actor.orgId)
          .where('id', '=', a.approverId)
          .executeTakeFirst();
        if (!u || u.disabled === 1) details.push({ path: 'acceptance.approverId', message: 'not an active user of this organisation' });
        if (acceptanceChanged && a.expiresOn < this.today())
          details.push({ path: 'acceptance.expiresOn', message: 'must not be in the past' });
        if (!a.reason.trim()) details.push({ path: 'acceptance.reason', message: 'required' });
      }
    } else if (s.acceptance) {
      details.push({ path: 'acceptance', message: 'only for the "accept" treatment' });
    }
    if (s.treatment === 'transfer') {
      if (!s.transferTo?.trim()) details.push({ path: 'transferTo', message: 'name who the risk is transferred to (insurer, supplier …)' });
    } else if (s.transferTo) {
      details.push({ path: 'transferTo', message: 'only for the "transfer" treatment' });
    }
    if (s.controlIds.length > 0) {
      if (s.treatment !== 'reduce') details.push({ path: 'controlIds', message: 'linked requirements belong to the "reduce" treatment' });
      const known = await knownControls(trx, actor.orgId, s.controlIds);
      if (target.systemId) {
        const own = await trx
          .selectFrom('system_requirements')
          .select('control_id')
          .where('system_id', '=', target.systemId)
          .where('control_id', 'in', s.controlIds)
          .execute();
        for (const o of own) known.add(o.control_id);
      }
      const missing = s.controlIds.filter((c) => !known.has(c));
      if (missing.length > 0) details.push({ path: 'controlIds', message: `unknown control ${missing.map((m) => `"${m}"`).join(', ')}` });
    }
    if (s.ownerId) {
      const u = await trx.selectFrom('users').select('id').where('org_id', '=', actor.orgId).where('id', '=', s.ownerId).executeTakeFirst();
      if (!u) details.push({ path: 'ownerId', message: 'not a user of this organisation' });
    }
    if (details.length > 0 || !threat) throw invalid('The risk is not valid.', details);
    return threat;
  }

  private columns(matrix: RiskMatrix, s: RiskState, now: string, closedAt: string | null) {
    const inh = rated(matrix, s.inherent.likelihood, s.inherent.impact);
    const res = rated(matrix, s.residual.likelihood, s.residual.impact);
    return {
      title: s.title,
      threat_key: s.threatKey,
      vulnerability: s.vulnerability,
      inherent_likelihood: inh.likelihood,
      inherent_impact: inh.impact,
      inherent_score: inh.score,
      inherent_rating: inh.rating,
      residual_likelihood: res.likelihood,
      residual_impact: res.impact,
      residual_score: res.score,
      residual_rating: res.rating,
      treatment: s.treatment,
      treatment_note: s.treatmentNote,
      accept_approver_id: s.acceptance?.approverId ?? null,
      accept_expires: s.acceptance?.expiresOn ?? null,
      accept_reason: s.acceptance?.reason.trim() ?? null,
      transfer_to: s.transferTo?.trim() || null,
      owner_id: s.ownerId,
      review_date: s.reviewDate,
      status: s.status,
      closed_at: closedAt,
      updated_at: now,
    };
  }

  private async setControls(trx: Trx, orgId: string, riskId: string, ids: readonly string[]) {
    await trx.deleteFrom('risk_controls').where('risk_id', '=', riskId).execute();
    const unique = [...new Set(ids)];
    if (unique.length > 0)
      await trx
        .insertInto('risk_controls')
        .values(unique.map((control_id, position) => ({ org_id: orgId, risk_id: riskId, control_id, position })))
        .execute();
  }

  private async insert(
    trx: Trx,
    actor: Actor,
    matrix: RiskMatrix,
    target: { systemId: string | null; componentId: string | null },
    s: RiskState,
    source: 'manual' | 'suggestion',
    audit: (e: { action: string; entityType: string; entityId: string; after: unknown }) => Promise<void>,
  ) {
    const id = newId();
    const now = iso(this.ctx.clock.now());
    await trx
      .insertInto('risks')
      .values({
        id,
        org_id: actor.orgId,
        system_id: target.systemId,
        component_id: target.componentId,
        source,
        created_by: actor.userId,
        created_at: now,
        ...this.columns(matrix, s, now, s.status === 'closed' ? now : null),
      })
      .execute();
    await this.setControls(trx, actor.orgId, id, s.controlIds);
    await audit({ action: 'risk.create', entityType: 'risk', entityId: id, after: { ...target, source, ...s } });
    return id;
  }

  async create(actor: Actor, input: RiskCreate) {
    const id = await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const target = await this.writableTarget(trx, actor, input);
      const matrix = await this.matrices.matrix(trx, actor.orgId);
      const s: RiskState = {
        title: input.title?.trim() ?? '',
        threatKey: input.threatKey,
        vulnerability: input.vulnerability,
        inherent: input.inherent,
        residual: input.residual ?? input.inherent,
        treatment: input.treatment,
        treatmentNote: input.treatmentNote,
        controlIds: [...new Set(input.controlIds)],
        acceptance: input.acceptance ?? null,
        transferTo: input.transferTo ?? null,
        ownerId: input.ownerId !== undefined ? input.ownerId : (target.ownerId ?? actor.userId),
        reviewDate: input.reviewDate ?? null,
        status: input.status,
      };
      const threat = await this.check(trx, actor, matrix, s, target, true);
      if (!s.title) s.title = `${threat.name}: ${target.name}`;
      return this.insert(trx, actor, matrix, target, s, 'manual', audit);
    });
    return this.get(actor, id);
  }

  private async stateOf(db: Executor, r: RiskRow): Promise<RiskState> {
    const links = await db.selectFrom('risk_controls').select('control_id').where('risk_id', '=', r.id).orderBy('position').execute();
    return {
      title: r.title,
      threatKey: r.threat_key,
      vulnerability: r.vulnerability,
      inherent: { likelihood: r.inherent_likelihood, impact: r.inherent_impact },
      residual: { likelihood: r.residual_likelihood, impact: r.residual_impact },
      treatment: r.treatment as Treatment,
      treatmentNote: r.treatment_note,
      controlIds: links.map((l) => l.control_id),
      acceptance:
        r.treatment === 'accept' && r.accept_expires
          ? { approverId: r.accept_approver_id ?? '', expiresOn: r.accept_expires, reason: r.accept_reason ?? '' }
          : null,
      transferTo: r.transfer_to,
      ownerId: r.owner_id,
      reviewDate: r.review_date,
      status: r.status as RiskStatus,
    };
  }

  async update(actor: Actor, id: string, patch: RiskPatch) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const row = await this.row(trx, actor, id);
      if (!this.canEdit(actor, row)) throw forbidden('You can only change the risks of systems you own.');
      const before = await this.stateOf(trx, row);
      const treatment = patch.treatment ?? before.treatment;
      // Fields of another treatment are dropped when the treatment changes, unless sent again (then refused).
      const next: RiskState = {
        ...before,
        ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
        treatment,
        acceptance: patch.acceptance !== undefined ? patch.acceptance : treatment === 'accept' ? before.acceptance : null,
        transferTo: patch.transferTo !== undefined ? patch.transferTo : treatment === 'transfer' ? before.transferTo : null,
        controlIds: patch.controlIds !== undefined ? [...new Set(patch.controlIds)] : treatment === 'reduce' ? before.controlIds : [],
      };
      // A new inherent rating with no residual given: the residual follows where it would exceed it.
      if (patch.inherent && !patch.residual) {
        next.residual = {
          likelihood: Math.min(before.residual.likelihood, next.inherent.likelihood),
          impact: Math.min(before.residual.impact, next.inherent.impact),
        };
      }
      const acceptanceChanged =
        treatment === 'accept' && (before.treatment !== 'accept' || JSON.stringify(next.acceptance) !== JSON.stringify(before.acceptance));
      const matrix = await this.matrices.matrix(trx, actor.orgId);
      await this.check(trx, actor, matrix, next, { systemId: row.system_id, componentId: row.component_id }, acceptanceChanged);
      const now = iso(this.ctx.clock.now());
      const closedAt = next.status === 'closed' ? (before.status === 'closed' ? row.closed_at : now) : null;
      await trx
        .updateTable('risks')
        .set(this.columns(matrix, next, now, closedAt))
        .where('org_id', '=', actor.orgId)
        .where('id', '=', id)
        .execute();
      if (JSON.stringify(next.controlIds) !== JSON.stringify(before.controlIds))
        await this.setControls(trx, actor.orgId, id, next.controlIds);
      await audit({ action: 'risk.update', entityType: 'risk', entityId: id, before, after: next });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const row = await this.row(trx, actor, id);
      if (!this.manage(actor)) throw forbidden('Only a security officer can delete a risk; close it instead.');
      const before = await this.stateOf(trx, row);
      await trx.deleteFrom('risks').where('org_id', '=', actor.orgId).where('id', '=', id).execute();
      await audit({
        action: 'risk.delete',
        entityType: 'risk',
        entityId: id,
        before: { systemId: row.system_id, componentId: row.component_id, ...before },
      });
    });
  }

  // ---- suggestions ------------------------------------------------------------------------------

  /** Threats that matter for a system and that none of its risks covers yet. */
  async suggestions(actor: Actor, systemId: string) {
    const system = await this.systems.get(actor, systemId);
    const current = await this.classification.current(actor, systemId);
    const method = await this.classification.method(this.ctx.db, actor.orgId);
    const levels = current.effective?.levels ?? {};
    const profile = {
      kind: system.kind,
      sector: system.sector,
      personalData: system.personalData,
      hosting: system.hosting,
      supplier: system.supplier,
      ...needsFromLevels(method, levels, current.effective?.securityLevel ?? null),
    };
    const matrix = await this.matrices.matrix(this.ctx.db, actor.orgId);
    const threats = await this.threats.all(this.ctx.db, actor.orgId);
    const covered = await this.ctx.db
      .selectFrom('risks')
      .select('threat_key')
      .distinct()
      .where('org_id', '=', actor.orgId)
      .where('system_id', '=', systemId)
      .execute();
    const list = suggestScenarios(profile, matrix, threats, new Set(covered.map((c) => c.threat_key)));
    const mitigations = [...new Set(list.flatMap((s) => s.mitigations))];
    const reqs =
      mitigations.length > 0
        ? await this.ctx.db
            .selectFrom('system_requirements')
            .select(['control_id', 'effective_status'])
            .where('system_id', '=', systemId)
            .where('applies', '=', 1)
            .where('control_id', 'in', mitigations)
            .execute()
        : [];
    const status = new Map(reqs.map((r) => [r.control_id, r.effective_status]));
    const byKey = new Map(threats.map((t) => [t.key, t]));
    return {
      systemId,
      classified: Boolean(current.effective?.securityLevel),
      items: list.map((s) => ({
        threatKey: s.threatKey,
        threatName: s.threatName,
        threatDescription: byKey.get(s.threatKey)?.description ?? '',
        reason: s.reason,
        likelihood: s.likelihood,
        impact: s.impact,
        score: s.score,
        rating: s.rating,
        ratingLabel: matrix.bands.find((b) => b.key === s.rating)?.label ?? s.rating,
        controls: s.mitigations.filter((c) => status.has(c)).map((c) => ({ controlId: c, status: status.get(c) as 'not-started' })),
      })),
    };
  }

  /** Records the chosen suggestions as risks (reduce, with the mitigating requirements the system has). */
  async acceptSuggestions(actor: Actor, systemId: string, threatKeys: readonly string[]) {
    const offered = await this.suggestions(actor, systemId);
    const byKey = new Map(offered.items.map((s) => [s.threatKey, s]));
    const unknown = [...new Set(threatKeys)].filter((k) => !byKey.has(k));
    if (unknown.length > 0)
      throw invalid('Only suggested threats can be accepted.', [
        { path: 'threatKeys', message: `not suggested for this system (unknown or already covered): ${unknown.join(', ')}` },
      ]);
    const ids = await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const target = await this.writableTarget(trx, actor, { systemId });
      const keys = [...new Set(threatKeys)];
      const taken = await trx
        .selectFrom('risks')
        .select('threat_key')
        .where('org_id', '=', actor.orgId)
        .where('system_id', '=', systemId)
        .where('threat_key', 'in', keys)
        .execute();
      if (taken.length > 0)
        throw new AppError('CONFLICT', `The system already has a risk for ${taken.map((t) => t.threat_key).join(', ')}.`);
      const matrix = await this.matrices.matrix(trx, actor.orgId);
      const out: string[] = [];
      for (const key of keys) {
        const s = byKey.get(key);
        if (!s) continue;
        if (!isOnMatrix(matrix, s.likelihood, s.impact))
          throw new AppError('CONFLICT', 'The risk matrix changed meanwhile; reload the suggestions.');
        const state: RiskState = {
          title: `${s.threatName}: ${target.name}`,
          threatKey: key,
          vulnerability: s.reason,
          inherent: { likelihood: s.likelihood, impact: s.impact },
          residual: { likelihood: s.likelihood, impact: s.impact },
          treatment: 'reduce',
          treatmentNote: '',
          controlIds: s.controls.map((c) => c.controlId),
          acceptance: null,
          transferTo: null,
          ownerId: target.ownerId ?? actor.userId,
          reviewDate: null,
          status: 'open',
        };
        out.push(await this.insert(trx, actor, matrix, target, state, 'suggestion', audit));
      }
      return out;
    });
    const rows = (await this.selectRows(this.scoped(this.ctx.db, actor))
      .where('r.id', 'in', ids)
      .orderBy('r.residual_score', 'desc')
      .execute()) as RiskRow[];
    return { items: (await this.views(this.ctx.db, actor, rows)).map((v) => v.view) };
  }
}

export const liveView = (c: LiveControl) => ({
  controlId: c.controlId,
  title: c.title,
  status: c.status as 'implemented' | null,
  requirementId: c.requirementId,
  implemented: c.implemented,
});

export type RiskView = Awaited<ReturnType<RiskService['views']>>[number]['view'];
export type { RiskRow };
