import type { Deadline } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import type { IncidentsTable } from '../../db/schema.js';
import { iso, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { INCIDENT_STATUSES, type IncidentStatus, scopedIncidents } from './incident-common.js';
import { incidentDeadlines, nextDeadline, sentReports } from './incident-nis2.js';

export interface IncidentFilter {
  status?: IncidentStatus;
  type?: string;
  severity?: string;
  systemId?: string;
  significant?: boolean;
  open?: boolean;
  q?: string;
}

/** An incident as lists show it, with the next reporting deadline it owes. */
export function listItem(
  r: Pick<
    IncidentsTable,
    | 'id'
    | 'ref'
    | 'title'
    | 'type'
    | 'severity'
    | 'status'
    | 'significant'
    | 'detected_at'
    | 'aware_at'
    | 'report_count'
    | 'handler_id'
    | 'closed_at'
    | 'personal_data'
  >,
  handlerName: string | null,
  deadlines: readonly Deadline[],
) {
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    type: r.type,
    severity: r.severity,
    status: r.status as IncidentStatus,
    significant: r.significant === 1,
    detectedAt: r.detected_at,
    awareAt: r.aware_at,
    reportCount: r.report_count,
    handlerId: r.handler_id,
    handlerName,
    nextDeadline: nextDeadline(deadlines),
  };
}

/** List items for rows read with their handler's name, with the deadlines at `now`. */
async function listItems(db: Executor, rows: ReadonlyArray<Parameters<typeof listItem>[0] & { handler_name: string | null }>, now: Date) {
  const sent = await sentReports(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => listItem(r, r.handler_name ?? null, incidentDeadlines(r, sent.get(r.id) ?? {}, now)));
}

/** The incident list, the board by status and the metrics: what the caller follows. */
export class IncidentLists {
  constructor(private readonly ctx: AppContext) {}

  private now = () => this.ctx.clock.now();

  async list(actor: Actor, f: IncidentFilter, page: number, pageSize: number): Promise<Page<ReturnType<typeof listItem>>> {
    let q = scopedIncidents(this.ctx.db, actor);
    if (f.status) q = q.where('i.status', '=', f.status);
    if (f.open) q = q.where('i.status', '!=', 'closed');
    if (f.type) q = q.where('i.type', '=', f.type);
    if (f.severity) q = q.where('i.severity', '=', f.severity);
    if (f.significant !== undefined) q = q.where('i.significant', '=', f.significant ? 1 : 0);
    if (f.systemId) {
      const systemId = f.systemId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('incident_systems as s')
            .select('s.system_id')
            .whereRef('s.incident_id', '=', 'i.id')
            .where('s.system_id', '=', systemId),
        ),
      );
    }
    if (f.q) {
      const needle = `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      q = q.where((eb) =>
        eb.or([eb(sql`lower(i.title)`, 'like', sql`${needle} escape '\\'`), eb(sql`lower(i.ref)`, 'like', sql`${needle} escape '\\'`)]),
      );
    }
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .leftJoin('users as h', 'h.id', 'i.handler_id')
      .selectAll('i')
      .select('h.name as handler_name')
      .orderBy('i.detected_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: await listItems(this.ctx.db, rows, this.now()), total, page, pageSize };
  }

  /** The board: every status with its count and its newest incidents. */
  async board(actor: Actor) {
    const rows = await scopedIncidents(this.ctx.db, actor)
      .leftJoin('users as h', 'h.id', 'i.handler_id')
      .selectAll('i')
      .select('h.name as handler_name')
      .where((eb) =>
        eb.or([eb('i.status', '!=', 'closed'), eb('i.closed_at', '>=', iso(new Date(this.now().getTime() - 30 * 86_400_000)))]),
      )
      .orderBy('i.detected_at', 'desc')
      .limit(1000)
      .execute();
    const items = await listItems(this.ctx.db, rows, this.now());
    return {
      columns: INCIDENT_STATUSES.map((status) => {
        const column = items.filter((i) => i.status === status);
        return { status, count: column.length, items: column.slice(0, 50) };
      }),
    };
  }

  /** Time to contain, incidents by type and by the sectors of the affected systems. */
  async metrics(actor: Actor, sinceDays: number) {
    const since = iso(new Date(this.now().getTime() - sinceDays * 86_400_000));
    const rows = await scopedIncidents(this.ctx.db, actor).selectAll('i').where('i.detected_at', '>=', since).execute();
    const hours = rows
      .filter((r) => r.contained_at)
      .map((r) => (new Date(r.contained_at as string).getTime() - new Date(r.detected_at).getTime()) / 3_600_000)
      .sort((a, b) => a - b);
    const median =
      hours.length === 0
        ? null
        : hours.length % 2
          ? (hours[(hours.length - 1) / 2] as number)
          : ((hours[hours.length / 2 - 1] as number) + (hours[hours.length / 2] as number)) / 2;
    const byType = new Map<string, number>();
    for (const r of rows) byType.set(r.type ?? '', (byType.get(r.type ?? '') ?? 0) + 1);
    const ids = rows.map((r) => r.id);
    const sectors = ids.length
      ? await this.ctx.db
          .selectFrom('incident_systems as s')
          .innerJoin('systems as y', 'y.id', 's.system_id')
          .select(['y.sector', sql<number>`count(distinct s.incident_id)`.as('n')])
          .where('s.org_id', '=', actor.orgId)
          .where('s.incident_id', 'in', ids.slice(0, 5000))
          .groupBy('y.sector')
          .execute()
      : [];
    return {
      since,
      total: rows.length,
      open: rows.filter((r) => r.status !== 'closed').length,
      significant: rows.filter((r) => r.significant === 1).length,
      medianHoursToContain: median === null ? null : Math.round(median * 10) / 10,
      byType: [...byType].map(([type, count]) => ({ type: type || null, count })).sort((a, b) => b.count - a.count),
      bySector: sectors.map((s) => ({ sector: s.sector, count: Number(s.n) })).sort((a, b) => b.count - a.count),
    };
  }
}
