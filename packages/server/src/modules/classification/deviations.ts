import type { DeviationKind } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../util.js';
import { syncSystems } from '../baselines/sync-systems.js';
import type { SystemService } from '../registry/system.service.js';
import type { ClassificationService } from './classification.service.js';

/**
 * Justified deviations from the maximum principle (BSI 200-2): cumulation raises a system's need
 * one step (many dependents together), distribution lowers it one step (redundancy), never below
 * its own. Recorded per system and dimension by a security officer, with a mandatory written
 * justification; the needs and requirement lists of everything affected are recomputed at once.
 */
export class DeviationService {
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
    private readonly classification: ClassificationService,
  ) {}

  async list(actor: Actor, systemId: string) {
    await this.systems.get(actor, systemId);
    const method = await this.classification.method(this.ctx.db, actor.orgId);
    const rows = await this.ctx.db
      .selectFrom('need_deviations')
      .leftJoin('users', 'users.id', 'need_deviations.created_by')
      .selectAll('need_deviations')
      .select('users.name as created_by_name')
      .where('system_id', '=', systemId)
      .where('method_key', '=', method.key)
      .orderBy('dimension')
      .execute();
    return {
      items: rows.map((r) => ({
        dimension: r.dimension,
        kind: r.kind as DeviationKind,
        justification: r.justification,
        createdAt: r.created_at,
        createdByName: r.created_by_name ?? null,
      })),
    };
  }

  async set(actor: Actor, systemId: string, dimension: string, input: { kind: DeviationKind; justification: string } | null) {
    const method = await this.classification.method(this.ctx.db, actor.orgId);
    if (!method.dimensions.some((d) => d.key === dimension))
      throw new AppError('VALIDATION', `The method ${method.name} has no dimension "${dimension}".`, [
        { path: 'dimension', message: 'unknown dimension' },
      ]);
    if (input && !input.justification.trim())
      throw new AppError('VALIDATION', 'A deviation from the maximum principle needs a written justification.', [
        { path: 'justification', message: 'required' },
      ]);
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.systems.assertEditable(trx, actor, systemId);
      const before = await trx
        .selectFrom('need_deviations')
        .selectAll()
        .where('system_id', '=', systemId)
        .where('method_key', '=', method.key)
        .where('dimension', '=', dimension)
        .executeTakeFirst();
      if (!input && !before) throw notFound('The deviation');
      await trx
        .deleteFrom('need_deviations')
        .where('system_id', '=', systemId)
        .where('method_key', '=', method.key)
        .where('dimension', '=', dimension)
        .execute();
      const now = iso(this.ctx.clock.now());
      if (input) {
        await trx
          .insertInto('need_deviations')
          .values({
            org_id: actor.orgId,
            system_id: systemId,
            method_key: method.key,
            dimension,
            kind: input.kind,
            justification: input.justification.trim(),
            created_by: actor.userId,
            created_at: now,
          })
          .execute();
      }
      const sync = await syncSystems(trx, { orgId: actor.orgId, method, cause: 'classification', by: actor.userId, at: now });
      await audit({
        action: input ? 'system.deviation_set' : 'system.deviation_remove',
        entityType: 'system',
        entityId: systemId,
        before: before ? { dimension, kind: before.kind, justification: before.justification } : null,
        after: input
          ? { dimension, kind: input.kind, justification: input.justification, systemsAffected: sync.levelChanged.length }
          : null,
      });
      return {
        systemsAffected: sync.levelChanged,
        baseline: sync.baseline.map((b) => ({ systemId: b.systemId, added: b.added.length, removed: b.removed.length })),
      };
    });
  }
}
