import type { RiskMatrix } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import type { Executor } from '../audit/audit.repository.js';
import type { RiskMatrixService } from './matrix.service.js';
import type { RiskStatus, Treatment } from './risk.schema.js';
import { canEdit, type RiskRow, todayOf } from './risk-common.js';
import { type LiveControl, liveControls } from './risk-controls.js';
import type { CatalogueThreat, ThreatService } from './threat.service.js';

/**
 * A risk as the API shows it: the matrix's labels for its cells and rating, its threat's name,
 * the names of its owner and approver, whether an acceptance has expired or a review is overdue,
 * and the live status of its linked controls.
 */
export class RiskViews {
  constructor(
    private readonly ctx: AppContext,
    private readonly threats: ThreatService,
    private readonly matrices: RiskMatrixService,
  ) {}

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
    const today = todayOf(this.ctx.clock.now());
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
          editable: canEdit(actor, r),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
          closedAt: r.closed_at,
        },
        live,
        threat: t,
      };
    });
  }
}

export const liveView = (c: LiveControl) => ({
  controlId: c.controlId,
  title: c.title,
  status: c.status as 'implemented' | null,
  requirementId: c.requirementId,
  implemented: c.implemented,
});

export type RiskView = Awaited<ReturnType<RiskViews['views']>>[number]['view'];
