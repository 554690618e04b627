import { checkResidual, type RiskMatrix, rated } from '@cityshield/core';
import type { Actor, AppContext, Trx } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, type ErrorDetail, forbidden } from '../../errors.js';
import { iso, newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { SystemService } from '../registry/system.service.js';
import type { RiskMatrixService } from './matrix.service.js';
import type { RiskStatus, Treatment } from './risk.schema.js';
import {
  type Acceptance,
  type Cell,
  canEdit,
  invalid,
  manages,
  type RiskPatch,
  type RiskRow,
  type RiskState,
  riskRow,
  todayOf,
} from './risk-common.js';
import { applyPatch, treatmentProblems } from './risk-treatments.js';
import type { CatalogueThreat, ThreatService } from './threat.service.js';

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

/**
 * Recording, changing and deleting risks. Writing needs `risks:manage`, or `systems:edit` and
 * ownership of the system (component risks: `risks:manage` only); every change is audited.
 * Changes return nothing or the new id: the caller reads the risk back after the commit.
 */
export class RiskChanges {
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
    private readonly threats: ThreatService,
    private readonly matrices: RiskMatrixService,
  ) {}

  /** The system or component a new risk is about; the caller must be allowed to record risks there. */
  async writableTarget(trx: Trx, actor: Actor, t: { systemId?: string | null; componentId?: string | null }) {
    if (t.componentId) {
      if (!manages(actor)) throw forbidden('Only a security officer can record risks of common components.');
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
    if (manages(actor)) {
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
    details.push(...(await treatmentProblems(trx, actor, s, target, acceptanceChanged, todayOf(this.ctx.clock.now()))));
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

  /** Stores a new risk with its linked controls (recorded by hand or from a suggestion) and audits it. */
  async insert(
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

  /** Records the risk; returns its id. */
  async create(actor: Actor, input: RiskCreate): Promise<string> {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
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
      const row = await riskRow(trx, actor, id);
      if (!canEdit(actor, row)) throw forbidden('You can only change the risks of systems you own.');
      const before = await this.stateOf(trx, row);
      const { next, acceptanceChanged } = applyPatch(before, patch);
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
  }

  async remove(actor: Actor, id: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const row = await riskRow(trx, actor, id);
      if (!manages(actor)) throw forbidden('Only a security officer can delete a risk; close it instead.');
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
}
