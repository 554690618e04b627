import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError } from '../../errors.js';
import { iso } from '../../util.js';
import type { ClassificationService } from '../classification/classification.service.js';
import { applyBaselines } from './apply-baseline.js';
import { levelMappings } from './baseline-levels.js';

/**
 * The organisation maps each security level of its method to a catalog or profile version and
 * chooses whether requirements are narrowed by system kind. Changing either recomputes every
 * system's requirement list, in the same transaction, with the usual diff per system.
 */
export class BaselineMappingService {
  constructor(
    private readonly ctx: AppContext,
    private readonly classification: ClassificationService,
  ) {}

  async get(actor: Actor) {
    const db = this.ctx.db;
    const method = await this.classification.method(db, actor.orgId);
    const mappings = await levelMappings(db, actor.orgId, method);
    const org = await db
      .selectFrom('organisations')
      .select('baseline_narrow_by_kind')
      .where('id', '=', actor.orgId)
      .executeTakeFirstOrThrow();
    const options = await db
      .selectFrom('catalog_versions as v')
      .innerJoin('catalogs as c', 'c.id', 'v.catalog_id')
      .select(['v.id', 'v.title', 'v.version', 'c.kind', 'c.built_in', 'v.control_count', 'v.imported_at'])
      .where((eb) => eb.or([eb('c.org_id', '=', actor.orgId), eb('c.org_id', 'is', null)]))
      .orderBy('c.built_in', 'desc')
      .orderBy('v.title')
      .orderBy('v.imported_at', 'desc')
      .limit(500)
      .execute();
    const byId = new Map(options.map((o) => [o.id, o]));
    const levelName = new Map(method.securityLevels.map((l) => [l.key, l.name]));
    return {
      method: method.key,
      narrowByKind: org.baseline_narrow_by_kind === 1,
      levels: mappings.map((m) => {
        const v = m.versionId ? byId.get(m.versionId) : undefined;
        return {
          level: m.level,
          levelName: levelName.get(m.level) ?? m.level,
          versionId: m.versionId,
          title: v ? `${v.title} ${v.version}` : null,
          controlCount: v?.control_count ?? null,
          isDefault: m.isDefault,
        };
      }),
      options: options.map((o) => ({
        id: o.id,
        title: o.title,
        version: o.version,
        kind: o.kind as 'catalog' | 'profile',
        builtIn: o.built_in === 1,
        controlCount: o.control_count,
      })),
    };
  }

  async set(actor: Actor, input: { levels: Record<string, string | null>; narrowByKind: boolean }) {
    const method = await this.classification.method(this.ctx.db, actor.orgId);
    const known = new Set(method.securityLevels.map((l) => l.key));
    const bad = Object.keys(input.levels).filter((k) => !known.has(k));
    if (bad.length > 0)
      throw new AppError(
        'VALIDATION',
        `The method ${method.name} has no level ${bad.map((b) => `"${b}"`).join(', ')}.`,
        bad.map((b) => ({ path: `levels.${b}`, message: 'unknown level' })),
      );
    const result = await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await levelMappings(trx, actor.orgId, method);
      for (const [level, versionId] of Object.entries(input.levels)) {
        await trx
          .deleteFrom('baseline_levels')
          .where('org_id', '=', actor.orgId)
          .where('method_key', '=', method.key)
          .where('level_key', '=', level)
          .execute();
        if (versionId === null) continue; // back to the default
        const v = await trx
          .selectFrom('catalog_versions as v')
          .innerJoin('catalogs as c', 'c.id', 'v.catalog_id')
          .select('v.id')
          .where('v.id', '=', versionId)
          .where((eb) => eb.or([eb('c.org_id', '=', actor.orgId), eb('c.org_id', 'is', null)]))
          .executeTakeFirst();
        if (!v)
          throw new AppError('VALIDATION', 'That catalog or profile version is not in the library.', [
            { path: `levels.${level}`, message: 'unknown version' },
          ]);
        await trx
          .insertInto('baseline_levels')
          .values({ org_id: actor.orgId, method_key: method.key, level_key: level, version_id: versionId })
          .execute();
      }
      await trx
        .updateTable('organisations')
        .set({ baseline_narrow_by_kind: input.narrowByKind ? 1 : 0 })
        .where('id', '=', actor.orgId)
        .execute();
      const after = await levelMappings(trx, actor.orgId, method);
      const systems = (await trx.selectFrom('systems').select('id').where('org_id', '=', actor.orgId).execute()).map((s) => s.id);
      const changes = await applyBaselines(trx, systems, {
        orgId: actor.orgId,
        method,
        cause: 'mapping',
        by: actor.userId,
        at: iso(this.ctx.clock.now()),
      });
      const summary = {
        systemsChanged: changes.length,
        added: changes.reduce((n, c) => n + c.added.length, 0),
        removed: changes.reduce((n, c) => n + c.removed.length, 0),
      };
      await audit({
        action: 'baseline.mapping_change',
        entityType: 'organisation',
        entityId: actor.orgId,
        before: { levels: before },
        after: { levels: after, narrowByKind: input.narrowByKind, ...summary },
      });
      return summary;
    });
    return { ...(await this.get(actor)), result };
  }
}
