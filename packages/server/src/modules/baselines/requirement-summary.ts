import { isOpen } from '@cityshield/core';
import { sql } from 'kysely';
import type { Executor } from '../audit/audit.repository.js';

const CHUNK = 400;

const chunks = <T>(xs: readonly T[], n = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
};

export { chunks };

const COLUMN = {
  'not-started': 'not_started',
  planned: 'planned',
  partially: 'partially',
  implemented: 'implemented',
  'not-applicable': 'not_applicable',
} as const;

const COUNTS = ['not_started', 'planned', 'partially', 'implemented', 'not_applicable', 'review_required'] as const;

type Totals = { system_id: string; org_id: string } & Record<(typeof COUNTS)[number], number>;

/**
 * Rewrites the per-system-and-family counts of the given systems from their requirement rows.
 * Called in the same transaction as every change to requirement rows, so the dashboard — which
 * reads only these few thousand rows — is never out of date. The per-system totals
 * (requirement_totals) are the same counts summed over the families.
 */
export async function refreshSummary(db: Executor, orgId: string, systemIds: readonly string[]): Promise<void> {
  for (const ids of chunks([...new Set(systemIds)])) {
    await db.deleteFrom('requirement_summary').where('system_id', 'in', ids).execute();
    const groups = await db
      .selectFrom('system_requirements')
      .select(['system_id', 'family', 'family_title', 'effective_status', 'due_date', 'review_required', sql<number>`count(*)`.as('n')])
      .where('system_id', 'in', ids)
      .where('applies', '=', 1)
      .groupBy(['system_id', 'family', 'family_title', 'effective_status', 'due_date', 'review_required'])
      .execute();
    type Row = {
      org_id: string;
      system_id: string;
      family: string;
      family_title: string;
      not_started: number;
      planned: number;
      partially: number;
      implemented: number;
      not_applicable: number;
      review_required: number;
      openDue: Record<string, number>;
    };
    const rows = new Map<string, Row>();
    for (const g of groups) {
      const key = `${g.system_id}\u0000${g.family}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          org_id: orgId,
          system_id: g.system_id,
          family: g.family,
          family_title: g.family_title,
          not_started: 0,
          planned: 0,
          partially: 0,
          implemented: 0,
          not_applicable: 0,
          review_required: 0,
          openDue: {},
        };
        rows.set(key, row);
      }
      const n = Number(g.n);
      const column = COLUMN[g.effective_status as keyof typeof COLUMN];
      if (column) row[column] += n;
      if (g.review_required) row.review_required += n;
      if (g.due_date && isOpen(g.effective_status)) row.openDue[g.due_date] = (row.openDue[g.due_date] ?? 0) + n;
    }
    const values = [...rows.values()].map(({ openDue, ...r }) => ({ ...r, open_due: JSON.stringify(openDue) }));
    for (const batch of chunks(values, 300)) await db.insertInto('requirement_summary').values(batch).execute();
    await db.deleteFrom('requirement_totals').where('system_id', 'in', ids).execute();
    const totals = new Map<string, Totals>();
    for (const r of values) {
      let t = totals.get(r.system_id);
      if (!t) {
        t = {
          system_id: r.system_id,
          org_id: orgId,
          not_started: 0,
          planned: 0,
          partially: 0,
          implemented: 0,
          not_applicable: 0,
          review_required: 0,
        };
        totals.set(r.system_id, t);
      }
      for (const k of COUNTS) t[k] += r[k];
    }
    for (const batch of chunks([...totals.values()], 300)) await db.insertInto('requirement_totals').values(batch).execute();
  }
}
