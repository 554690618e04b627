import { isOnMatrix, needsFromLevels, suggestScenarios } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError } from '../../errors.js';
import type { ClassificationService } from '../classification/classification.service.js';
import type { SystemService } from '../registry/system.service.js';
import type { RiskMatrixService } from './matrix.service.js';
import type { RiskChanges } from './risk-changes.js';
import { invalid, type RiskRow, type RiskState, scopedRisks, selectRiskRows } from './risk-common.js';
import type { RiskViews } from './risk-views.js';
import type { ThreatService } from './threat.service.js';

/**
 * Suggested risks for a system: the catalogue's threats that fit its effective protection needs
 * (normalised to 0..1 under any method), kind, sector, personal data and hosting, minus the
 * threats its risks already cover. Accepting them records "reduce" risks linked to the
 * mitigations the system's requirement list holds.
 */
export class RiskSuggestions {
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
    private readonly classification: ClassificationService,
    private readonly threats: ThreatService,
    private readonly matrices: RiskMatrixService,
    private readonly changes: RiskChanges,
    private readonly riskViews: RiskViews,
  ) {}

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
      const target = await this.changes.writableTarget(trx, actor, { systemId });
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
        out.push(await this.changes.insert(trx, actor, matrix, target, state, 'suggestion', audit));
      }
      return out;
    });
    const rows = (await selectRiskRows(scopedRisks(this.ctx.db, actor))
      .where('r.id', 'in', ids)
      .orderBy('r.residual_score', 'desc')
      .execute()) as RiskRow[];
    return { items: (await this.riskViews.views(this.ctx.db, actor, rows)).map((v) => v.view) };
  }
}
