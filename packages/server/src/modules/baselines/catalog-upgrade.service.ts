import { type CatalogDiff, diffCatalogs, type FlatControl } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { ClassificationService } from '../classification/classification.service.js';
import { applyBaselines } from './apply-baseline.js';
import { levelMappings } from './baseline-levels.js';

type Json = Record<string, unknown>;

/**
 * Moving an organisation's requirement records from one version of a catalog (or profile) to a
 * newer one: unchanged requirements keep their implementation, changed ones keep it but are
 * flagged for review, new ones are added, removed or withdrawn ones are retired — in one
 * transaction, audited. The plan shows exactly that before anything changes.
 */
export class CatalogUpgradeService {
  constructor(
    private readonly ctx: AppContext,
    private readonly classification: ClassificationService,
  ) {}

  private async version(db: Executor, actor: Actor, id: string) {
    const v = await db
      .selectFrom('catalog_versions as v')
      .innerJoin('catalogs as c', 'c.id', 'v.catalog_id')
      .select(['v.id', 'v.catalog_id', 'v.version', 'v.title', 'v.imported_at', 'c.name', 'c.kind'])
      .where('v.id', '=', id)
      .where((eb) => eb.or([eb('c.org_id', '=', actor.orgId), eb('c.org_id', 'is', null)]))
      .executeTakeFirst();
    if (!v) throw notFound('The catalog version');
    return v;
  }

  private async flat(db: Executor, versionId: string): Promise<FlatControl[]> {
    const rows = await db.selectFrom('catalog_controls').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
    return rows.map((r) => ({
      id: r.control_id,
      position: Number(r.position),
      parentId: r.parent_id,
      groupId: r.group_id,
      groupTitle: r.group_title,
      depth: Number(r.depth),
      title: r.title,
      label: r.label,
      withdrawn: Number(r.withdrawn) === 1,
      searchText: r.search_text,
      body: JSON.parse(r.body) as Json,
    }));
  }

  private async prepare(db: Executor, actor: Actor, fromId: string, toId: string) {
    const [from, to] = await Promise.all([this.version(db, actor, fromId), this.version(db, actor, toId)]);
    if (from.catalog_id !== to.catalog_id)
      throw new AppError('VALIDATION', `"${to.title}" is not a version of "${from.title}": an upgrade stays within one catalog.`, [
        { path: 'from', message: 'another catalog' },
      ]);
    if (from.id === to.id) throw new AppError('VALIDATION', 'The two versions are the same.', [{ path: 'from', message: 'same version' }]);
    const diff = diffCatalogs(await this.flat(db, from.id), await this.flat(db, to.id));
    return { from, to, diff };
  }

  /** What applying the upgrade would do to this organisation's requirement records. */
  async plan(actor: Actor, toId: string, fromId: string) {
    const db = this.ctx.db;
    const { from, to, diff } = await this.prepare(db, actor, fromId, toId);
    return { ...(await this.impact(db, actor.orgId, from.id, diff)), from: view(from), to: view(to), diff: summary(diff) };
  }

  private async impact(db: Executor, orgId: string, fromId: string, diff: CatalogDiff) {
    const rows = await db
      .selectFrom('system_requirements')
      .select(['control_id', sql<number>`count(*)`.as('n'), sql<number>`count(distinct system_id)`.as('systems')])
      .where('org_id', '=', orgId)
      .where('version_id', '=', fromId)
      .where('applies', '=', 1)
      .groupBy('control_id')
      .execute();
    const systems = await db
      .selectFrom('system_requirements')
      .select(sql<number>`count(distinct system_id)`.as('n'))
      .where('org_id', '=', orgId)
      .where('version_id', '=', fromId)
      .executeTakeFirstOrThrow();
    const changed = new Set(diff.changed.filter((c) => !c.aspects.includes('withdrawn')).map((c) => c.id));
    const removed = new Set([
      ...diff.removed.map((c) => c.id),
      ...diff.changed.filter((c) => c.aspects.includes('withdrawn')).map((c) => c.id),
    ]);
    let kept = 0;
    let review = 0;
    let retired = 0;
    for (const r of rows) {
      const n = Number(r.n);
      if (removed.has(r.control_id)) retired += n;
      else if (changed.has(r.control_id)) review += n;
      else kept += n;
    }
    return { systems: Number(systems.n), records: { kept, review, retired }, newControls: diff.added.length };
  }

  async apply(actor: Actor, toId: string, fromId: string) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const { from, to, diff } = await this.prepare(trx, actor, fromId, toId);
      const impact = await this.impact(trx, actor.orgId, from.id, diff);
      const method = await this.classification.method(trx, actor.orgId);
      // Levels that map to the old version now map to the new one (a default mapping already
      // follows the newest built-in version and needs no row).
      const mappings = await levelMappings(trx, actor.orgId, method);
      for (const m of mappings) {
        if (m.versionId !== from.id) continue;
        await trx
          .deleteFrom('baseline_levels')
          .where('org_id', '=', actor.orgId)
          .where('method_key', '=', method.key)
          .where('level_key', '=', m.level)
          .execute();
        await trx
          .insertInto('baseline_levels')
          .values({ org_id: actor.orgId, method_key: method.key, level_key: m.level, version_id: to.id })
          .execute();
      }
      const systems = (
        await trx
          .selectFrom('system_requirements')
          .select('system_id')
          .distinct()
          .where('org_id', '=', actor.orgId)
          .where('version_id', '=', from.id)
          .execute()
      ).map((r) => r.system_id);
      const changedControls = new Set(diff.changed.filter((c) => !c.aspects.includes('withdrawn')).map((c) => c.id));
      const changes = await applyBaselines(trx, systems, {
        orgId: actor.orgId,
        method,
        cause: 'upgrade',
        by: actor.userId,
        at: iso(this.ctx.clock.now()),
        changedControls,
      });
      const result = {
        systems: systems.length,
        kept: impact.records.kept,
        flaggedForReview: changes.reduce((n, c) => n + c.changed.length, 0),
        added: changes.reduce((n, c) => n + c.added.length, 0),
        retired: changes.reduce((n, c) => n + c.removed.length, 0),
      };
      await audit({
        action: 'catalog.upgrade',
        entityType: 'catalog_version',
        entityId: to.id,
        before: { versionId: from.id, version: from.version },
        after: { versionId: to.id, version: to.version, ...result },
      });
      return { from: view(from), to: view(to), result };
    });
  }

  /** Versions this organisation's records still use although a newer version of the same catalog is in the library. */
  async pending(actor: Actor) {
    const db = this.ctx.db;
    const used = await db
      .selectFrom('system_requirements as r')
      .select(['r.version_id', sql<number>`count(distinct r.system_id)`.as('systems')])
      .where('r.org_id', '=', actor.orgId)
      .where('r.applies', '=', 1)
      .groupBy('r.version_id')
      .execute();
    const items = [];
    for (const u of used) {
      const from = await this.version(db, actor, u.version_id);
      const newest = await db
        .selectFrom('catalog_versions')
        .select('id')
        .where('catalog_id', '=', from.catalog_id)
        .orderBy('imported_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      if (newest.id === from.id) continue;
      const to = await this.version(db, actor, newest.id);
      items.push({ from: view(from), to: view(to), systems: Number(u.systems) });
    }
    return { items };
  }
}

function view(v: { id: string; version: string; title: string; name: string; kind: string; imported_at: string }) {
  return { id: v.id, version: v.version, title: v.title, name: v.name, kind: v.kind, importedAt: v.imported_at };
}

function summary(d: CatalogDiff) {
  return { added: d.added, removed: d.removed, changed: d.changed, unchanged: d.unchanged };
}
