import { OPEN_STATUSES } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { iso } from '../../util.js';

/**
 * "My work": what is assigned to the caller and still open — overdue first, then by due date —
 * and the systems they own that wait for a classification or a reclassification.
 */
export class MyWorkService {
  constructor(private readonly ctx: AppContext) {}

  async get(actor: Actor, limit: number) {
    const db = this.ctx.db;
    const now = this.ctx.clock.now();
    const today = iso(now).slice(0, 10);
    const open = db
      .selectFrom('system_requirements as r')
      .innerJoin('systems as s', 's.id', 'r.system_id')
      .where('r.org_id', '=', actor.orgId)
      .where('r.responsible_id', '=', actor.userId)
      .where('r.applies', '=', 1)
      .where('r.effective_status', 'in', [...OPEN_STATUSES]);
    const counts = await open
      .select([
        sql<number>`count(*)`.as('open'),
        sql<number>`sum(case when r.due_date is not null and r.due_date < ${today} then 1 else 0 end)`.as('overdue'),
      ])
      .executeTakeFirstOrThrow();
    const items = await open
      .leftJoin('catalog_controls as c', (j) => j.onRef('c.version_id', '=', 'r.version_id').onRef('c.control_id', '=', 'r.control_id'))
      .select(['r.id', 'r.system_id', 's.name as system_name', 'r.control_id', 'c.title', 'c.label', 'r.effective_status', 'r.due_date'])
      .orderBy(sql`case when r.due_date is null then 1 else 0 end`)
      .orderBy('r.due_date')
      .orderBy('s.name_key')
      .orderBy('r.position')
      .limit(limit)
      .execute();
    const systems = await db
      .selectFrom('systems')
      .select(['id', 'name', 'security_level', 'review_due'])
      .where('org_id', '=', actor.orgId)
      .where('owner_id', '=', actor.userId)
      .where((eb) => eb.or([eb('security_level', 'is', null), eb('review_due', '<', iso(now))]))
      .orderBy('name_key')
      .limit(limit)
      .execute();
    return {
      open: Number(counts.open ?? 0),
      overdue: Number(counts.overdue ?? 0),
      requirements: items.map((r) => ({
        id: r.id,
        systemId: r.system_id,
        systemName: r.system_name,
        controlId: r.control_id,
        label: r.label ?? null,
        title: r.title ?? r.control_id,
        status: r.effective_status,
        dueDate: r.due_date,
        overdue: r.due_date !== null && r.due_date < today,
      })),
      systems: systems.map((s) => ({
        id: s.id,
        name: s.name,
        reason: s.security_level === null ? ('unclassified' as const) : ('review-overdue' as const),
        reviewDue: s.review_due,
      })),
    };
  }
}
