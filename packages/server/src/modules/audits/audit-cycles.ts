import { defaultAuditCycle, nextAudit } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { ClassificationService } from '../classification/classification.service.js';
import { bad, readsAll, today } from './audit-common.js';

/**
 * The cycle each security level demands (ISKE H 2, M 3, L 4 years; editable per organisation) and
 * the calendar that follows from it: each system is next due a cycle after the end of the last
 * closed audit covering it.
 */
export class AuditCyclesService {
  constructor(
    private readonly ctx: AppContext,
    private readonly classification: ClassificationService,
  ) {}

  async get(orgId: string) {
    const db = this.ctx.db;
    const method = await this.classification.method(db, orgId);
    const levels = [...method.securityLevels].sort((a, b) => a.rank - b.rank);
    const defaults = defaultAuditCycle(
      method.key,
      levels.map((l) => l.key),
    );
    const own = await db.selectFrom('audit_cycles').selectAll().where('org_id', '=', orgId).where('method_key', '=', method.key).execute();
    const byLevel = new Map(own.map((o) => [o.level_key, o.years]));
    return {
      method: method.key,
      levels: levels.map((l) => ({
        level: l.key,
        levelName: l.name,
        years: byLevel.get(l.key) ?? (defaults[l.key] as number),
        isDefault: !byLevel.has(l.key),
      })),
    };
  }

  async set(actor: Actor, levels: Record<string, number | null>) {
    const method = await this.classification.method(this.ctx.db, actor.orgId);
    const known = new Set(method.securityLevels.map((l) => l.key));
    const unknown = Object.keys(levels).filter((k) => !known.has(k));
    if (unknown.length > 0) throw bad(`levels.${unknown[0]}`, 'unknown level', `The method ${method.name} has no level "${unknown[0]}".`);
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      for (const [level, years] of Object.entries(levels)) {
        await trx
          .deleteFrom('audit_cycles')
          .where('org_id', '=', actor.orgId)
          .where('method_key', '=', method.key)
          .where('level_key', '=', level)
          .execute();
        if (years !== null)
          await trx.insertInto('audit_cycles').values({ org_id: actor.orgId, method_key: method.key, level_key: level, years }).execute();
      }
      await audit({
        action: 'audit.cycles_change',
        entityType: 'organisation',
        entityId: actor.orgId,
        after: { method: method.key, levels },
      });
    });
    return this.get(actor.orgId);
  }

  /** Every system with the date its next audit is due, overdue first. */
  async calendar(actor: Actor, state: string | undefined, page: number, pageSize: number) {
    const db = this.ctx.db;
    const cycles = new Map((await this.get(actor.orgId)).levels.map((l) => [l.level, l.years]));
    let q = db
      .selectFrom('systems as s')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('audit_systems as x')
            .innerJoin('audits as a', 'a.id', 'x.audit_id')
            .select(['x.system_id', sql<string>`max(a.period_end)`.as('last_end')])
            .where('a.status', '=', 'closed')
            .groupBy('x.system_id')
            .as('last'),
        (j) => j.onRef('last.system_id', '=', 's.id'),
      )
      .select(['s.id', 's.name', 's.security_level', 's.owner_id', 'last.last_end'])
      .where('s.org_id', '=', actor.orgId);
    if (!readsAll(actor)) q = q.where('s.owner_id', '=', actor.userId);
    const rows = await q.orderBy('s.name_key').execute();
    const day = today(this.ctx);
    const all = rows.map((r) => {
      const n = nextAudit(
        {
          securityLevel: r.security_level,
          lastAuditEnd: r.last_end ?? null,
          cycleYears: r.security_level ? cycles.get(r.security_level) : undefined,
        },
        day,
      );
      return {
        systemId: r.id,
        name: r.name,
        securityLevel: r.security_level,
        lastAuditEnd: r.last_end ?? null,
        nextDue: n.due,
        state: n.state,
      };
    });
    // The counts are over every visible system, whatever the state filter.
    const counts = { overdue: 0, 'never-audited': 0, 'due-soon': 0, ok: 0, unclassified: 0 };
    for (const i of all) counts[i.state]++;
    const order = { overdue: 0, 'never-audited': 1, 'due-soon': 2, ok: 3, unclassified: 4 } as const;
    const items = all
      .filter((i) => !state || i.state === state)
      .sort(
        (a, b) => order[a.state] - order[b.state] || (a.nextDue ?? '9').localeCompare(b.nextDue ?? '9') || a.name.localeCompare(b.name),
      );
    return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize, counts };
  }
}
