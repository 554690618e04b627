import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../util.js';

/**
 * The statement of applicability per organisation and catalog: every control of the catalog's
 * newest version, applicable or not with the reason (an officer's decision, or by default whether
 * any system's baseline includes it), and the implementation state aggregated over the systems.
 */
export class SoaService {
  constructor(private readonly ctx: AppContext) {}

  private async version(orgId: string, catalogId: string) {
    const v = await this.ctx.db
      .selectFrom('catalog_versions as v')
      .innerJoin('catalogs as c', 'c.id', 'v.catalog_id')
      .select(['v.id', 'v.title', 'v.version', 'c.id as catalog_id'])
      .where('c.id', '=', catalogId)
      .where((eb) => eb.or([eb('c.org_id', '=', orgId), eb('c.org_id', 'is', null)]))
      .orderBy('v.imported_at', 'desc')
      .orderBy('v.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!v) throw notFound('The catalog');
    return v;
  }

  async get(actor: Actor, catalogId: string, q: { q?: string; applicable?: boolean }, page: number, pageSize: number) {
    const db = this.ctx.db;
    const v = await this.version(actor.orgId, catalogId);
    const controls = await db
      .selectFrom('catalog_controls')
      .select(['control_id', 'title', 'label', 'group_title', 'withdrawn'])
      .where('version_id', '=', v.id)
      .orderBy('position')
      .execute();
    const decisions = new Map(
      (
        await db.selectFrom('soa_decisions').selectAll().where('org_id', '=', actor.orgId).where('catalog_id', '=', catalogId).execute()
      ).map((d) => [d.control_id, d]),
    );
    const agg = await db
      .selectFrom('system_requirements')
      .select(['control_id', 'effective_status', sql<number>`count(*)`.as('n')])
      .where('org_id', '=', actor.orgId)
      .where('applies', '=', 1)
      .groupBy(['control_id', 'effective_status'])
      .execute();
    const byControl = new Map<string, Record<string, number>>();
    for (const a of agg) {
      const m = byControl.get(a.control_id) ?? {};
      m[a.effective_status] = Number(a.n);
      byControl.set(a.control_id, m);
    }
    let rows = controls
      .filter((c) => c.withdrawn !== 1)
      .map((c) => {
        const counts = byControl.get(c.control_id) ?? {};
        const systems = Object.values(counts).reduce((x, y) => x + y, 0);
        const d = decisions.get(c.control_id);
        const applicable = d ? d.applicable === 1 : systems > 0;
        return {
          controlId: c.control_id,
          label: c.label,
          title: c.title,
          group: c.group_title,
          applicable,
          reason: d
            ? d.reason
            : systems > 0
              ? `Required by the baseline of ${systems} system${systems === 1 ? '' : 's'}.`
              : 'No system’s baseline includes it.',
          decided: d !== undefined,
          systems,
          implemented: counts.implemented ?? 0,
          partially: counts.partially ?? 0,
          notApplicable: counts['not-applicable'] ?? 0,
        };
      });
    if (q.applicable !== undefined) rows = rows.filter((r) => r.applicable === q.applicable);
    if (q.q) {
      const needle = q.q.toLowerCase();
      rows = rows.filter((r) => r.controlId.toLowerCase().includes(needle) || r.title.toLowerCase().includes(needle));
    }
    return {
      catalog: { id: catalogId, versionId: v.id, title: v.title, version: v.version },
      summary: { controls: rows.length, applicable: rows.filter((r) => r.applicable).length },
      items: rows.slice((page - 1) * pageSize, page * pageSize),
      total: rows.length,
      page,
      pageSize,
    };
  }

  async decide(actor: Actor, catalogId: string, controlId: string, input: { applicable: boolean; reason: string } | null) {
    await this.version(actor.orgId, catalogId);
    if (input && !input.reason.trim())
      throw new AppError('VALIDATION', 'The statement of applicability gives a reason for every decision.', [
        { path: 'reason', message: 'required' },
      ]);
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await trx
        .deleteFrom('soa_decisions')
        .where('org_id', '=', actor.orgId)
        .where('catalog_id', '=', catalogId)
        .where('control_id', '=', controlId)
        .execute();
      if (input)
        await trx
          .insertInto('soa_decisions')
          .values({
            org_id: actor.orgId,
            catalog_id: catalogId,
            control_id: controlId,
            applicable: input.applicable ? 1 : 0,
            reason: input.reason.trim(),
            decided_by: actor.userId,
            decided_at: iso(this.ctx.clock.now()),
          })
          .execute();
      await audit({
        action: 'soa.decide',
        entityType: 'catalog',
        entityId: catalogId,
        after: { controlId, ...(input ?? { reset: true }) },
      });
    });
  }
}
