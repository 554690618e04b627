import { DEFAULT_RISK_MATRIX, type RiskMatrix, rerate, validateMatrix } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';

/** Trims labels, drops empty descriptions and an empty cell table: what is stored and compared. */
export function normaliseMatrix(m: RiskMatrix): RiskMatrix {
  const step = (s: { label: string; description?: string | undefined }) => ({
    label: s.label.trim(),
    ...(s.description?.trim() ? { description: s.description.trim() } : {}),
  });
  return {
    likelihood: m.likelihood.map(step),
    impact: m.impact.map(step),
    bands: m.bands.map((b) => ({ key: b.key.trim(), label: b.label.trim(), minScore: b.minScore })),
    cells: m.cells && m.cells.length > 0 ? m.cells.map((r) => r.map((c) => c.trim())) : null,
  };
}

/** A mutable copy for responses. */
const plain = (m: RiskMatrix) => ({
  likelihood: m.likelihood.map((s) => ({ ...s })),
  impact: m.impact.map((s) => ({ ...s })),
  bands: m.bands.map((b) => ({ ...b })),
  cells: m.cells ? m.cells.map((r) => [...r]) : null,
});

/**
 * The organisation's risk matrix (the default 5×5 until it sets its own). Changing it re-rates
 * every risk in the same transaction: steps are rescaled when an axis changes size, scores and
 * ratings are recomputed, residual kept at or below inherent.
 */
export class RiskMatrixService {
  constructor(private readonly ctx: AppContext) {}

  async matrix(db: Executor, orgId: string): Promise<RiskMatrix> {
    const row = await db.selectFrom('risk_matrices').select('definition').where('org_id', '=', orgId).executeTakeFirst();
    return row ? (JSON.parse(row.definition) as RiskMatrix) : DEFAULT_RISK_MATRIX;
  }

  async get(actor: Actor, db: Executor = this.ctx.db) {
    const row = await db.selectFrom('risk_matrices').selectAll().where('org_id', '=', actor.orgId).executeTakeFirst();
    return {
      matrix: plain(row ? (JSON.parse(row.definition) as RiskMatrix) : DEFAULT_RISK_MATRIX),
      isDefault: !row,
      updatedAt: row?.updated_at ?? null,
      defaultMatrix: plain(DEFAULT_RISK_MATRIX),
    };
  }

  async set(actor: Actor, input: RiskMatrix) {
    const next = normaliseMatrix(input);
    const problems = validateMatrix(next);
    if (problems.length > 0) throw new AppError('VALIDATION', 'The risk matrix is not valid.', problems);
    const result = await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.matrix(trx, actor.orgId);
      const now = iso(this.ctx.clock.now());
      const definition = JSON.stringify(next);
      const updated = await trx
        .updateTable('risk_matrices')
        .set({ definition, updated_at: now, updated_by: actor.userId })
        .where('org_id', '=', actor.orgId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        await trx
          .insertInto('risk_matrices')
          .values({ org_id: actor.orgId, definition, updated_at: now, updated_by: actor.userId })
          .execute();
      }
      const rows = await trx
        .selectFrom('risks')
        .select([
          'id',
          'inherent_likelihood',
          'inherent_impact',
          'inherent_score',
          'inherent_rating',
          'residual_likelihood',
          'residual_impact',
          'residual_score',
          'residual_rating',
        ])
        .where('org_id', '=', actor.orgId)
        .execute();
      let rerated = 0;
      let rescaled = 0;
      for (const r of rows) {
        const x = rerate(before, next, {
          inherentLikelihood: r.inherent_likelihood,
          inherentImpact: r.inherent_impact,
          residualLikelihood: r.residual_likelihood,
          residualImpact: r.residual_impact,
        });
        const changed =
          x.rescaled ||
          x.inherent.rating !== r.inherent_rating ||
          x.residual.rating !== r.residual_rating ||
          x.inherent.score !== r.inherent_score ||
          x.residual.score !== r.residual_score;
        if (!changed) continue;
        if (x.rescaled) rescaled++;
        rerated++;
        await trx
          .updateTable('risks')
          .set({
            inherent_likelihood: x.inherent.likelihood,
            inherent_impact: x.inherent.impact,
            inherent_score: x.inherent.score,
            inherent_rating: x.inherent.rating,
            residual_likelihood: x.residual.likelihood,
            residual_impact: x.residual.impact,
            residual_score: x.residual.score,
            residual_rating: x.residual.rating,
          })
          .where('id', '=', r.id)
          .execute();
      }
      await audit({
        action: 'risk_matrix.update',
        entityType: 'risk_matrix',
        entityId: actor.orgId,
        before,
        after: { ...next, rerated, rescaled },
      });
      return { rerated, rescaled };
    });
    // Read after the commit (inside, only `trx` may be used).
    return { ...(await this.get(actor)), ...result };
  }
}
