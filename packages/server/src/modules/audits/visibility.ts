import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../context.js';
import type { DB } from '../../db/schema.js';

/**
 * Who sees which audits, findings and corrective actions — one rule for the lists, the reports
 * and the OSCAL exports: everything with systems:read-all; otherwise what concerns a system the
 * caller owns, plus the audits they audit and the actions they own.
 */
export const readsAll = (a: Actor) => a.permissions.has('systems:read-all');

/** Findings on a system the caller owns. */
export function visibleFinding(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { f: DB['findings'] }, 'f'>) =>
    readsAll(actor)
      ? sql<SqlBool>`1 = 1`
      : eb.exists(
          eb
            .selectFrom('finding_systems as fs')
            .innerJoin('systems as s', 's.id', 'fs.system_id')
            .select('fs.system_id')
            .whereRef('fs.finding_id', '=', 'f.id')
            .where('s.owner_id', '=', actor.userId),
        );
}

/** The caller's own corrective actions and those on findings about their systems. */
export function visibleAction(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { c: DB['corrective_actions'] }, 'c'>) =>
    readsAll(actor)
      ? sql<SqlBool>`1 = 1`
      : eb.or([
          eb('c.owner_id', '=', actor.userId),
          eb.exists(
            eb
              .selectFrom('finding_systems as fs')
              .innerJoin('systems as s', 's.id', 'fs.system_id')
              .select('fs.system_id')
              .whereRef('fs.finding_id', '=', 'c.source_id')
              .where('s.owner_id', '=', actor.userId),
          ),
        ]);
}

/** Audits covering a system the caller owns, or that they audit. */
export function visibleAudit(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { a: DB['audits'] }, 'a'>) =>
    readsAll(actor)
      ? sql<SqlBool>`1 = 1`
      : eb.or([
          eb.exists(
            eb
              .selectFrom('audit_systems as x')
              .innerJoin('systems as s', 's.id', 'x.system_id')
              .select('x.system_id')
              .whereRef('x.audit_id', '=', 'a.id')
              .where('s.owner_id', '=', actor.userId),
          ),
          eb.exists(
            eb
              .selectFrom('audit_auditors as u')
              .select('u.user_id')
              .whereRef('u.audit_id', '=', 'a.id')
              .where('u.user_id', '=', actor.userId),
          ),
        ]);
}
