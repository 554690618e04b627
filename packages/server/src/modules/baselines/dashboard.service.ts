import { OPEN_STATUSES } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';

export interface DashboardFilter {
  departmentId?: string;
  sector?: string;
  securityLevel?: string;
}

interface Counts {
  implemented: number;
  partially: number;
  planned: number;
  notStarted: number;
  notApplicable: number;
}

const share = (c: Counts) => {
  const applicable = c.implemented + c.partially + c.planned + c.notStarted;
  return applicable === 0 ? null : (c.implemented + c.partially / 2) / applicable;
};

const sumColumns = () => [
  sql<number>`sum(rs.implemented)`.as('implemented'),
  sql<number>`sum(rs.partially)`.as('partially'),
  sql<number>`sum(rs.planned)`.as('planned'),
  sql<number>`sum(rs.not_started)`.as('not_started'),
  sql<number>`sum(rs.not_applicable)`.as('not_applicable'),
];

const counts = (r: {
  implemented: unknown;
  partially: unknown;
  planned: unknown;
  not_started: unknown;
  not_applicable: unknown;
}): Counts => ({
  implemented: Number(r.implemented ?? 0),
  partially: Number(r.partially ?? 0),
  planned: Number(r.planned ?? 0),
  notStarted: Number(r.not_started ?? 0),
  notApplicable: Number(r.not_applicable ?? 0),
});

const withShare = (c: Counts) => ({ ...c, share: share(c) });

const zero = (): Counts => ({ implemented: 0, partially: 0, planned: 0, notStarted: 0, notApplicable: 0 });

const add = (into: Counts, n: Counts) => {
  into.implemented += n.implemented;
  into.partially += n.partially;
  into.planned += n.planned;
  into.notStarted += n.notStarted;
  into.notApplicable += n.notApplicable;
};

type Department = { departmentId: string | null; name: string } & Counts & {
    systems: number;
    unclassified: number;
    reviewOverdue: number;
    overdue: number;
  };

/**
 * City-wide compliance, aggregated on the server from the per-system totals and the
 * per-system-and-family summary rather than from the requirement rows themselves. System owners see the
 * aggregate of their own systems only.
 */
export class DashboardService {
  constructor(private readonly ctx: AppContext) {}

  private systems(db: Executor, actor: Actor, f: DashboardFilter) {
    let q = db.selectFrom('systems as s').where('s.org_id', '=', actor.orgId);
    if (!actor.permissions.has('systems:read-all')) q = q.where('s.owner_id', '=', actor.userId);
    if (f.departmentId) q = q.where('s.department_id', '=', f.departmentId);
    if (f.sector) q = q.where('s.sector', '=', f.sector);
    if (f.securityLevel) q = q.where('s.security_level', '=', f.securityLevel);
    return q;
  }

  /** The whole organisation as a security officer sees it: no filter, no owner scope. */
  private organisationWide(actor: Actor, f: DashboardFilter) {
    return actor.permissions.has('systems:read-all') && !f.departmentId && !f.sector && !f.securityLevel;
  }

  /**
   * Four reads, none of which touches more than a row per system or the index of open records: the
   * systems in view with their totals by status (requirement_totals; folded here into the
   * heatmap, departments, levels and sectors), counts by family (requirement_summary, from a
   * covering index when organisation-wide), the overdue records per system (from
   * system_requirements_open_idx alone) and the department names.
   */
  async compliance(actor: Actor, f: DashboardFilter) {
    const db = this.ctx.db;
    const now = this.ctx.clock.now();
    const asOf = iso(now);
    const today = asOf.slice(0, 10);
    const wide = this.organisationWide(actor, f);
    const [systemRows, families, overdueRows, departments] = await Promise.all([
      this.systems(db, actor, f)
        .leftJoin('requirement_totals as rt', 'rt.system_id', 's.id')
        .select([
          's.id',
          's.department_id',
          's.security_level',
          's.sector',
          's.review_due',
          'rt.system_id as with_requirements',
          'rt.implemented',
          'rt.partially',
          'rt.planned',
          'rt.not_started',
          'rt.not_applicable',
        ])
        .execute(),
      (wide
        ? db.selectFrom('requirement_summary as rs').where('rs.org_id', '=', actor.orgId)
        : this.systems(db, actor, f).innerJoin('requirement_summary as rs', 'rs.system_id', 's.id')
      )
        .select(['rs.family', 'rs.family_title', ...sumColumns(), sql<number>`sum(rs.review_required)`.as('review_required')])
        .groupBy(['rs.family', 'rs.family_title'])
        .execute(),
      // Across the organisation, per system; the systems in view pick theirs below (cheaper than
      // joining ~46,000 overdue records to their systems).
      db
        .selectFrom('system_requirements')
        .select(['system_id', sql<number>`count(*)`.as('n')])
        .where('org_id', '=', actor.orgId)
        .where('effective_status', 'in', [...OPEN_STATUSES])
        .where('applies', '=', 1)
        .where('due_date', '<', today)
        .groupBy('system_id')
        .execute(),
      db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', actor.orgId).execute(),
    ]);
    const deptName = new Map(departments.map((d) => [d.id, d.name]));
    const byDept = new Map<string, Department>();
    const dept = (id: string | null) => {
      const key = id ?? '';
      let d = byDept.get(key);
      if (!d) {
        d = {
          departmentId: id,
          name: id ? (deptName.get(id) ?? '') : '',
          ...zero(),
          systems: 0,
          unclassified: 0,
          reviewOverdue: 0,
          overdue: 0,
        };
        byDept.set(key, d);
      }
      return d;
    };
    const total = zero();
    const byLevel = new Map<string, Counts>();
    const bySector = new Map<string, Counts>();
    const heatmap = new Map<string, { departmentId: string | null; securityLevel: string | null } & Counts>();
    const overdueOf = new Map(overdueRows.map((r) => [r.system_id, Number(r.n)]));
    const totals = { systems: 0, unclassified: 0, reviewOverdue: 0, overdue: 0 };
    for (const r of systemRows) {
      const d = dept(r.department_id);
      const unclassified = r.security_level === null ? 1 : 0;
      const reviewOverdue = r.review_due !== null && r.review_due < asOf ? 1 : 0;
      const overdue = overdueOf.get(r.id) ?? 0;
      d.systems += 1;
      d.unclassified += unclassified;
      d.reviewOverdue += reviewOverdue;
      d.overdue += overdue;
      totals.systems += 1;
      totals.unclassified += unclassified;
      totals.reviewOverdue += reviewOverdue;
      totals.overdue += overdue;
      if (r.with_requirements === null) continue; // no requirement list (yet): in no chart
      const n = counts(r);
      const level = r.security_level ?? '';
      const cellKey = `${r.department_id ?? ''}\u0000${level}`;
      const cell = heatmap.get(cellKey) ?? { departmentId: r.department_id, securityLevel: r.security_level, ...zero() };
      heatmap.set(cellKey, cell);
      const l = byLevel.get(level) ?? zero();
      byLevel.set(level, l);
      const sec = bySector.get(r.sector) ?? zero();
      bySector.set(r.sector, sec);
      for (const into of [d, total, l, sec, cell]) add(into, n);
    }
    return {
      asOf,
      totals: { ...withShare(total), ...totals },
      heatmap: [...heatmap.values()].map((c) => ({ ...c, share: share(c) })),
      byDepartment: [...byDept.values()]
        .map((d) => ({ ...d, share: share(d) }))
        .sort((a, b) => (a.name || '\uffff').localeCompare(b.name || '\uffff')),
      byLevel: [...byLevel].map(([level, c]) => ({ securityLevel: level || null, ...withShare(c) })),
      byFamily: families
        .map((r) => ({
          family: r.family,
          familyTitle: r.family_title,
          reviewRequired: Number(r.review_required ?? 0),
          ...withShare(counts(r)),
        }))
        .sort((a, b) => a.family.localeCompare(b.family)),
      bySector: [...bySector].map(([sector, c]) => ({ sector, ...withShare(c) })).sort((a, b) => a.sector.localeCompare(b.sector)),
      // The daily snapshots are organisation-wide: a filtered or owner's view gets today's point only
      // rather than a line that jumps from the organisation to the view at its last point.
      trendScope: wide ? ('organisation' as const) : ('today' as const),
      trend: await this.trend(actor, total, totals.overdue, today, wide),
    };
  }

  /** Daily snapshots of the whole organisation (a scheduled job writes them) plus today, live. */
  private async trend(actor: Actor, today: Counts, overdue: number, day: string, organisationWide: boolean) {
    const since = iso(new Date(this.ctx.clock.now().getTime() - 365 * 86_400_000)).slice(0, 10);
    if (!organisationWide) return [{ day, share: share(today), overdue }];
    const rows = await this.ctx.db
      .selectFrom('compliance_snapshots')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('day', '>=', since)
      .where('day', '<', day)
      .orderBy('day')
      .execute();
    const points = rows.map((r) => ({
      day: r.day,
      share: r.applicable === 0 ? null : (r.implemented + r.partially / 2) / r.applicable,
      overdue: r.overdue,
    }));
    points.push({ day, share: share(today), overdue });
    return points;
  }

  /** Writes today's organisation-wide snapshot (the trend's data); idempotent per day. */
  async snapshot(orgId: string) {
    const day = iso(this.ctx.clock.now()).slice(0, 10);
    const r = await this.ctx.db
      .selectFrom('requirement_totals as rs')
      .select(sumColumns())
      .where('rs.org_id', '=', orgId)
      .executeTakeFirst();
    const c = counts(r ?? { implemented: 0, partially: 0, planned: 0, not_started: 0, not_applicable: 0 });
    const overdueRow = await this.ctx.db
      .selectFrom('system_requirements')
      .select(sql<number>`count(*)`.as('n'))
      .where('org_id', '=', orgId)
      .where('applies', '=', 1)
      .where('effective_status', 'in', [...OPEN_STATUSES])
      .where('due_date', '<', day)
      .executeTakeFirstOrThrow();
    const row = {
      org_id: orgId,
      day,
      applicable: c.implemented + c.partially + c.planned + c.notStarted,
      implemented: c.implemented,
      partially: c.partially,
      overdue: Number(overdueRow.n),
    };
    await this.ctx.db.deleteFrom('compliance_snapshots').where('org_id', '=', orgId).where('day', '=', day).execute();
    await this.ctx.db.insertInto('compliance_snapshots').values(row).execute();
    return row;
  }
}
