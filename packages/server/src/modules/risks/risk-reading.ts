import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { containsText } from '../../db/like.js';
import { notFound } from '../../errors.js';
import type { Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { RiskStatus, Treatment } from './risk.schema.js';
import { isUnmitigated, type RiskRow, riskRow, scopedRisks, selectRiskRows, todayOf } from './risk-common.js';
import { liveView, type RiskView, type RiskViews } from './risk-views.js';

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

/** Reading the register: the filtered, sorted list, one risk with its controls, its history. */
export class RiskReading {
  constructor(
    private readonly ctx: AppContext,
    private readonly riskViews: RiskViews,
  ) {}

  async list(actor: Actor, f: RiskFilter, page: number, pageSize: number): Promise<Page<RiskView>> {
    let q = scopedRisks(this.ctx.db, actor);
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
    if (f.unmitigated) q = q.where((eb) => isUnmitigated(eb as never));
    if (f.reviewOverdue) q = q.where('r.status', '=', 'open').where('r.review_date', '<', todayOf(this.ctx.clock.now()));
    if (f.q) {
      const needle = f.q;
      q = q.where((eb) => eb.or([containsText('r.title', needle), containsText('r.vulnerability', needle)]));
    }
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    let ordered = selectRiskRows(q);
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
    const views = await this.riskViews.views(this.ctx.db, actor, rows);
    return { items: views.map((v) => v.view), total, page, pageSize };
  }

  async get(actor: Actor, id: string, db: Executor = this.ctx.db) {
    const row = await riskRow(db, actor, id);
    const [v] = await this.riskViews.views(db, actor, [row]);
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
    await riskRow(this.ctx.db, actor, id);
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
}
