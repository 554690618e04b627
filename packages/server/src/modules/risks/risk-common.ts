import type { ExpressionBuilder } from 'kysely';
import type { Actor } from '../../context.js';
import type { DB, RisksTable } from '../../db/schema.js';
import { AppError, type ErrorDetail, notFound } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { RiskStatus, Treatment } from './risk.schema.js';

/**
 * What the parts of the risk register share: a risk's state as the API takes it, which risks a
 * caller sees and may change, and the row a risk is read as.
 */

export interface Cell {
  likelihood: number;
  impact: number;
}

export interface Acceptance {
  approverId: string;
  expiresOn: string;
  reason: string;
}

/** Everything a risk says, as the API takes it (target apart). */
export interface RiskState {
  title: string;
  threatKey: string;
  vulnerability: string;
  inherent: Cell;
  residual: Cell;
  treatment: Treatment;
  treatmentNote: string;
  controlIds: string[];
  acceptance: Acceptance | null;
  transferTo: string | null;
  ownerId: string | null;
  reviewDate: string | null;
  status: RiskStatus;
}

export type RiskPatch = Partial<RiskState>;

export type RiskRow = RisksTable & { system_name: string | null; system_owner_id: string | null; component_name: string | null };

export const invalid = (message: string, details: ErrorDetail[]) => new AppError('VALIDATION', message, details);

export const todayOf = (d: Date) => iso(d).slice(0, 10);

export const readsAll = (a: Actor) => a.permissions.has('systems:read-all');
export const manages = (a: Actor) => a.permissions.has('risks:manage');

/** Risks the caller may see, with the names of their system or component. */
export function scopedRisks(db: Executor, actor: Actor) {
  let q = db
    .selectFrom('risks as r')
    .leftJoin('systems as s', 's.id', 'r.system_id')
    .leftJoin('components as k', 'k.id', 'r.component_id')
    .where('r.org_id', '=', actor.orgId);
  if (!readsAll(actor)) {
    q = q.where((eb) =>
      eb.or([
        eb('s.owner_id', '=', actor.userId),
        eb('r.owner_id', '=', actor.userId),
        eb.and([
          eb('r.component_id', 'is not', null),
          eb.exists(
            eb
              .selectFrom('system_components as sc')
              .innerJoin('systems as s2', 's2.id', 'sc.system_id')
              .select('sc.system_id')
              .whereRef('sc.component_id', '=', 'r.component_id')
              .where('s2.owner_id', '=', actor.userId),
          ),
        ]),
      ]),
    );
  }
  return q;
}

/** The risk's columns with its system's name and owner or its component's name (a `RiskRow`). */
export function selectRiskRows(q: ReturnType<typeof scopedRisks>) {
  return q.selectAll('r').select(['s.name as system_name', 's.owner_id as system_owner_id', 'k.name as component_name']);
}

/** A linked control that is missing, retired or not implemented leaves the risk unmitigated. */
export function isUnmitigated(eb: ExpressionBuilder<DB & { r: DB['risks'] }, 'r'>) {
  return eb.exists(
    eb
      .selectFrom('risk_controls as rc')
      .select('rc.control_id')
      .whereRef('rc.risk_id', '=', 'r.id')
      .where((e) =>
        e.and([
          e.not(
            e.exists(
              e
                .selectFrom('system_requirements as sr')
                .select('sr.id')
                .whereRef('sr.system_id', '=', 'r.system_id')
                .whereRef('sr.control_id', '=', 'rc.control_id')
                .where('sr.applies', '=', 1)
                .where('sr.effective_status', '=', 'implemented'),
            ),
          ),
          e.not(
            e.exists(
              e
                .selectFrom('component_requirements as cr')
                .select('cr.id')
                .whereRef('cr.component_id', '=', 'r.component_id')
                .whereRef('cr.control_id', '=', 'rc.control_id')
                .where('cr.status', '=', 'implemented'),
            ),
          ),
        ]),
      ),
  );
}

/** Whether the caller may change this risk. */
export function canEdit(actor: Actor, r: Pick<RiskRow, 'system_id' | 'system_owner_id'>): boolean {
  if (manages(actor)) return true;
  if (!r.system_id || !actor.permissions.has('systems:edit')) return false;
  return actor.permissions.has('systems:manage-all') || r.system_owner_id === actor.userId;
}

/** The risk if the caller may see it, else 404. */
export async function riskRow(db: Executor, actor: Actor, id: string): Promise<RiskRow> {
  const r = await selectRiskRows(scopedRisks(db, actor)).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw notFound('The risk');
  return r as RiskRow;
}
