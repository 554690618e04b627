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

/**
 * City-wide compliance, aggregated on the server from the per-system-and-family summary (a few
 * rows per system) rather than from the requirement rows themselves. System owners see the
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

  private summary(db: Executor, actor: Actor, f: DashboardFilter) {
    return this.systems(db, actor, f).innerJoin('requirement_summary as rs', 'rs.system_id', 's.id');
  }

  async compliance(actor: Actor, f: DashboardFilter) {
    const db = this.ctx.db;
    const now = this.ctx.clock.now();
    const today = iso(now).slice(0, 10);
    const [cells, families, sectors, systemRows, overdueRows, departments] = await Promise.all([
      this.summary(db, actor, f)
        .select(['s.department_id', 's.security_level', ...sumColumns()])
        .groupBy(['s.department_id', 's.security_level'])
        .execute(),
      this.summary(db, actor, f)
        .select(['rs.family', 'rs.family_title', ...sumColumns(), sql<number>`sum(rs.review_required)`.as('review_required')])
        .groupBy(['rs.family', 'rs.family_title'])
        .execute(),
      this.summary(db, actor, f)
        .select(['s.sector', ...sumColumns()])
        .groupBy('s.sector')
        .execute(),
      this.systems(db, actor, f)
        .select([
          's.department_id',
          sql<number>`count(*)`.as('systems'),
          sql<number>`sum(case when s.security_level is null then 1 else 0 end)`.as('unclassified'),
          sql<number>`sum(case when s.review_due is not null and s.review_due < ${iso(now)} then 1 else 0 end)`.as('review_overdue'),
        ])
        .groupBy('s.department_id')
        .execute(),
      this.overdueByDepartment(db, actor, f, today),
      db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', actor.orgId).execute(),
    ]);
    const deptName = new Map(departments.map((d) => [d.id, d.name]));
    const byDept = new Map<
      string,
      { departmentId: string | null; name: string } & Counts & {
          systems: number;
          unclassified: number;
          reviewOverdue: number;
          overdue: number;
        }
    >();
    const dept = (id: string | null) => {
      const key = id ?? '';
      let d = byDept.get(key);
      if (!d) {
        d = {
          departmentId: id,
          name: id ? (deptName.get(id) ?? '') : '',
          implemented: 0,
          partially: 0,
          planned: 0,
          notStarted: 0,
          notApplicable: 0,
          systems: 0,
          unclassified: 0,
          reviewOverdue: 0,
          overdue: 0,
        };
        byDept.set(key, d);
      }
      return d;
    };
    const total: Counts = { implemented: 0, partially: 0, planned: 0, notStarted: 0, notApplicable: 0 };
    const byLevel = new Map<string, Counts>();
    const heatmap = cells.map((c) => {
      const n = counts(c);
      const d = dept(c.department_id);
      const level = c.security_level ?? '';
      const l = byLevel.get(level) ?? { implemented: 0, partially: 0, planned: 0, notStarted: 0, notApplicable: 0 };
      for (const k of Object.keys(n) as (keyof Counts)[]) {
        d[k] += n[k];
        total[k] += n[k];
        l[k] += n[k];
      }
      byLevel.set(level, l);
      return { departmentId: c.department_id, securityLevel: c.security_level, ...withShare(n) };
    });
    let systems = 0;
    let unclassified = 0;
    let reviewOverdue = 0;
    for (const r of systemRows) {
      const d = dept(r.department_id);
      d.systems = Number(r.systems);
      d.unclassified = Number(r.unclassified ?? 0);
      d.reviewOverdue = Number(r.review_overdue ?? 0);
      systems += d.systems;
      unclassified += d.unclassified;
      reviewOverdue += d.reviewOverdue;
    }
    let overdue = 0;
    for (const r of overdueRows) {
      dept(r.departmentId).overdue = r.overdue;
      overdue += r.overdue;
    }
    return {
      asOf: iso(now),
      totals: { ...withShare(total), systems, unclassified, reviewOverdue, overdue },
      heatmap,
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
      bySector: sectors.map((r) => ({ sector: r.sector, ...withShare(counts(r)) })).sort((a, b) => a.sector.localeCompare(b.sector)),
      trend: await this.trend(actor, total, overdue, today),
    };
  }

  /** Open requirements past their due date, per department, from the summary's due-date histograms. */
  private async overdueByDepartment(db: Executor, actor: Actor, f: DashboardFilter, today: string) {
    const each =
      this.ctx.kind === 'postgres' ? sql`jsonb_each_text(rs.open_due::jsonb) as je(key, value)` : sql`json_each(rs.open_due) as je`;
    let q = sql<{ department_id: string | null; n: number }>`
      select s.department_id, sum(cast(je.value as integer)) as n
      from systems s
      join requirement_summary rs on rs.system_id = s.id
      cross join ${each}
      where s.org_id = ${actor.orgId} and rs.open_due <> '{}' and je.key < ${today}`;
    if (!actor.permissions.has('systems:read-all')) q = sql`${q} and s.owner_id = ${actor.userId}`;
    if (f.departmentId) q = sql`${q} and s.department_id = ${f.departmentId}`;
    if (f.sector) q = sql`${q} and s.sector = ${f.sector}`;
    if (f.securityLevel) q = sql`${q} and s.security_level = ${f.securityLevel}`;
    const rows = await sql<{ department_id: string | null; n: number }>`${q} group by s.department_id`.execute(db);
    return rows.rows.map((r) => ({ departmentId: r.department_id, overdue: Number(r.n ?? 0) }));
  }

  /** Daily snapshots of the whole organisation (a scheduled job writes them) plus today, live. */
  private async trend(actor: Actor, today: Counts, overdue: number, day: string) {
    const since = iso(new Date(this.ctx.clock.now().getTime() - 365 * 86_400_000)).slice(0, 10);
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
    // Only an unfiltered, organisation-wide view has a comparable today point for owners as well.
    points.push({ day, share: share(today), overdue });
    return points;
  }

  /** Writes today's organisation-wide snapshot (the trend's data); idempotent per day. */
  async snapshot(orgId: string) {
    const day = iso(this.ctx.clock.now()).slice(0, 10);
    const r = await this.ctx.db
      .selectFrom('requirement_summary as rs')
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
