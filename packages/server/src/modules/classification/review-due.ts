import { addInterval } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { iso, type Page } from '../../util.js';

/** Why a system is on the reclassification worklist. */
export const DUE_STATUSES = ['unclassified', 'overdue', 'due-soon'] as const;
export type DueStatus = (typeof DUE_STATUSES)[number];

export interface DueQuery {
  /** Days ahead of today that count as "due soon". */
  within: number;
  status?: DueStatus | undefined;
  page: number;
  pageSize: number;
}

export interface DueItem {
  systemId: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  departmentName: string | null;
  status: DueStatus;
  /** Of the newest classification under the organisation's current method; null when there is none. */
  notation: string | null;
  securityLevel: string | null;
  classifiedAt: string | null;
  reviewDue: string | null;
}

export type DueList = Page<DueItem> & { method: string; today: string; horizon: string; within: number };

/**
 * The reclassification worklist: systems never classified (or only under an earlier method, or only
 * partly, so without a security level) and systems whose newest classification is due for review
 * by today + `within` days. Unclassified systems come first (longest registered first), then by due
 * date, oldest first. Paged in SQL, so a register of thousands never travels whole.
 *
 * System owners (no `systems:read-all`) see only their own systems, as in the register's list
 * (`SystemService.list` / `canSee`).
 */
export class ReviewDueService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor, q: DueQuery): Promise<DueList> {
    const { db } = this.ctx;
    const orgId = actor.orgId;
    // Due dates are UTC calendar dates (core/classification/review.ts), so "today" is too.
    const today = iso(this.ctx.clock.now()).slice(0, 10);
    const horizon = addInterval(today, { days: q.within });
    const org = await db.selectFrom('organisations').select('classification_method').where('id', '=', orgId).executeTakeFirstOrThrow();
    const method = org.classification_method;

    const rows = db
      .selectFrom('systems')
      // The newest classification of each system, as the classification service reads it.
      .leftJoin('classifications as c', (join) =>
        join.on((eb) =>
          eb(
            'c.id',
            '=',
            eb
              .selectFrom('classifications as n')
              .select('n.id')
              .whereRef('n.system_id', '=', 'systems.id')
              .where('n.org_id', '=', orgId)
              .orderBy('n.classified_at', 'desc')
              .orderBy('n.id', 'desc')
              .limit(1),
          ),
        ),
      )
      .leftJoin('users', 'users.id', 'systems.owner_id')
      .leftJoin('departments', 'departments.id', 'systems.department_id')
      .where('systems.org_id', '=', orgId)
      .$if(!actor.permissions.has('systems:read-all'), (qb) => qb.where('systems.owner_id', '=', actor.userId))
      .select((eb) => {
        const unclassified = eb.or([eb('c.id', 'is', null), eb('c.method_key', '!=', method), eb('c.review_due', 'is', null)]);
        return [
          'systems.id as system_id',
          'systems.name',
          'systems.name_key',
          'systems.created_at',
          'systems.owner_id',
          'users.name as owner_name',
          'departments.name as department_name',
          'c.method_key',
          'c.notation',
          'c.security_level',
          'c.classified_at',
          'c.review_due',
          eb
            .case()
            .when(unclassified)
            .then(sql.lit('unclassified'))
            .when('c.review_due', '<', today)
            .then(sql.lit('overdue'))
            .when('c.review_due', '<=', horizon)
            .then(sql.lit('due-soon'))
            .else(sql.lit('current'))
            .end()
            .$castTo<DueStatus | 'current'>()
            .as('status'),
        ];
      });

    let list = db.selectFrom(rows.as('w')).where('w.status', '!=', 'current');
    if (q.status) list = list.where('w.status', '=', q.status);
    const [{ total } = { total: 0 }] = await list.select((eb) => eb.fn.countAll<number | string>().as('total')).execute();
    const items = await list
      .selectAll('w')
      .orderBy((eb) => eb.case().when('w.status', '=', 'unclassified').then(sql.lit(0)).else(sql.lit(1)).end())
      // Unclassified: registered longest ago first; the others: due longest ago first.
      .orderBy((eb) => eb.case().when('w.status', '=', 'unclassified').then(eb.ref('w.created_at')).else(eb.ref('w.review_due')).end())
      .orderBy('w.name_key')
      .orderBy('w.system_id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();

    return {
      items: items.map((r) => {
        // A classification under an earlier method says nothing under the current one.
        const current = r.method_key === method;
        return {
          systemId: r.system_id,
          name: r.name,
          ownerId: r.owner_id,
          ownerName: r.owner_name,
          departmentName: r.department_name,
          status: r.status as DueStatus,
          notation: current ? r.notation : null,
          securityLevel: current ? r.security_level : null,
          classifiedAt: current ? r.classified_at : null,
          reviewDue: current ? r.review_due : null,
        };
      }),
      total: Number(total),
      page: q.page,
      pageSize: q.pageSize,
      method,
      today,
      horizon,
      within: q.within,
    };
  }
}
