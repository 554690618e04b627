import { type ImplementationStatus, isOpen, OPEN_STATUSES } from '@cityshield/core';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { containsText } from '../../db/like.js';
import type { DB } from '../../db/schema.js';
import { iso, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';

export interface RequirementFilter {
  systemId?: string;
  departmentId?: string;
  /** Of systems in this sector / at this (effective) security level: the dashboard's drill-downs. */
  sector?: string;
  securityLevel?: string;
  status?: ImplementationStatus;
  family?: string;
  controlId?: string;
  responsibleId?: string;
  overdue?: boolean;
  reviewRequired?: boolean;
  inherited?: boolean;
  /** Retired requirements (no longer applying) instead of the applying ones. */
  retired?: boolean;
  q?: string;
}

export type RequirementListItem = {
  id: string;
  systemId: string;
  systemName: string;
  controlId: string;
  label: string | null;
  title: string;
  family: string;
  familyTitle: string;
  status: ImplementationStatus;
  effectiveStatus: ImplementationStatus;
  inherited: { componentId: string; componentName: string } | null;
  overridden: boolean;
  responsibleId: string | null;
  responsibleName: string | null;
  dueDate: string | null;
  overdue: boolean;
  reviewRequired: boolean;
  applies: boolean;
  evidenceCount: number;
  updatedAt: string;
};

/**
 * With more matches than this, a page is read by walking system_requirements_due_idx in display
 * order until it is full; with fewer, the matches are sorted. Walking costs about
 * (page end) × (records ÷ matches) index steps, sorting about the number of matches: a rare
 * match (a search for a control no baseline contains) would otherwise walk the whole city.
 */
const WALK_ABOVE = 5_000;

/** Beyond this many (control, catalog version) pairs a text search filters by control id only. */
const MAX_PAIRS = 5_000;

const SUMMARY_COLUMN = {
  'not-started': 'not_started',
  planned: 'planned',
  partially: 'partially',
  implemented: 'implemented',
  'not-applicable': 'not_applicable',
} as const;

type Scoped = SelectQueryBuilder<DB & { r: DB['system_requirements']; s: DB['systems'] }, 'r' | 's', object>;
type Listed = SelectQueryBuilder<DB & { r: DB['system_requirements'] }, 'r', object>;

/** Requirement rows of systems the caller may see. */
export function scopedRequirements(db: Executor, actor: Actor): Scoped {
  let q = db.selectFrom('system_requirements as r').innerJoin('systems as s', 's.id', 'r.system_id').where('r.org_id', '=', actor.orgId);
  if (!actor.permissions.has('systems:read-all')) q = q.where('s.owner_id', '=', actor.userId);
  return q;
}

/**
 * One page of requirement records across the systems the caller sees, filtered, what is due first.
 * In three steps so that no step touches more than it must at city scale: the total (from the
 * per-system summary when the filter allows), the page's ids (from an index where possible), then
 * the details of those ids only.
 */
export async function listRequirements(
  ctx: AppContext,
  actor: Actor,
  f: RequirementFilter,
  page: number,
  pageSize: number,
  /** Tests set this to read the same page both ways. */
  opts: { walkAbove?: number } = {},
): Promise<Page<RequirementListItem>> {
  const walkAbove = opts.walkAbove ?? WALK_ABOVE;
  const db = ctx.db;
  const now = iso(ctx.clock.now()).slice(0, 10);
  const empty = { items: [], total: 0, page, pageSize };
  // The systems only when they narrow the list, and as a sub-select, not a join: joined, SQLite
  // looks every record up in systems (a text search's count took 360 instead of 1 ms).
  let q = db
    .selectFrom('system_requirements as r')
    .where('r.org_id', '=', actor.orgId)
    .where('r.applies', '=', f.retired ? 0 : 1);
  if (narrowsSystems(actor, f)) q = q.where('r.system_id', 'in', systemsInView(db, actor, f));
  if (f.systemId) q = q.where('r.system_id', '=', f.systemId);
  if (f.status) q = q.where('r.effective_status', '=', f.status);
  if (f.family !== undefined) q = q.where('r.family', '=', f.family);
  if (f.controlId) q = q.where('r.control_id', '=', f.controlId);
  if (f.responsibleId) q = q.where('r.responsible_id', '=', f.responsibleId);
  if (f.reviewRequired !== undefined) q = q.where('r.review_required', '=', f.reviewRequired ? 1 : 0);
  if (f.inherited !== undefined) q = q.where('r.component_id', f.inherited ? 'is not' : 'is', null);
  if (f.overdue) q = q.where('r.due_date', '<', now).where('r.effective_status', 'in', [...OPEN_STATUSES]);
  if (f.q) {
    const matches = await matchingControls(db, actor.orgId, f.q);
    if (matches.length === 0) return empty;
    q = q.where('r.control_id', 'in', [...new Set(matches.map((m) => m.control_id))]);
    if (matches.length <= MAX_PAIRS) {
      // Exact: the record's own catalog version has the matching title.
      const pairs = sql.join(matches.map((m) => sql`(${m.control_id}, ${m.version_id})`));
      q = q.where(sql<boolean>`(r.control_id, r.version_id) in (values ${pairs})`);
    }
  }
  const total = onlySummaryFilters(f) ? await totalFromSummary(db, actor, f) : await count(q);
  const offset = (page - 1) * pageSize;
  if (total === 0 || offset >= total) return { ...empty, total };

  // One system: catalog order. Across systems: what is due first (undated last), then by system.
  // Both forms of "undated last" give the same order; only the first can be read from the index.
  const ordered = f.systemId
    ? q.orderBy('r.position').orderBy('r.id')
    : (total > walkAbove ? q.orderBy('r.due_date', (o) => o.asc().nullsLast()) : q.orderBy(sql`coalesce(r.due_date, '9999-12-31')`))
        .orderBy('r.system_id')
        .orderBy('r.position')
        .orderBy('r.id');
  const ids = (await ordered.select('r.id').limit(pageSize).offset(offset).execute()).map((r) => r.id);
  const details = ids.length === 0 ? [] : await detailsOf(db, ids);
  const byId = new Map(details.map((r) => [r.id, r]));
  return {
    items: ids.flatMap((id) => {
      const r = byId.get(id);
      return r ? [toItem(r, now)] : []; // deleted between the two reads
    }),
    total,
    page,
    pageSize,
  };
}

/** The (control, catalog version) pairs of the controls visible to the organisation whose id or title contains the text. */
async function matchingControls(db: Executor, orgId: string, needle: string) {
  return db
    .selectFrom('catalog_controls as t')
    .innerJoin('catalog_versions as v', 'v.id', 't.version_id')
    .innerJoin('catalogs as c', 'c.id', 'v.catalog_id')
    .select(['t.control_id', 't.version_id'])
    .where((eb) => eb.or([eb('c.org_id', '=', orgId), eb('c.org_id', 'is', null)]))
    .where((eb) => eb.or([containsText('t.control_id', needle), containsText('t.title', needle)]))
    .execute();
}

const narrowsSystems = (actor: Actor, f: RequirementFilter) =>
  Boolean(f.departmentId || f.sector || f.securityLevel || !actor.permissions.has('systems:read-all'));

/** The ids of the systems the caller sees (owners: their own), narrowed by the system filters. */
function systemsInView(db: Executor, actor: Actor, f: RequirementFilter) {
  let s = db.selectFrom('systems as s').select('s.id').where('s.org_id', '=', actor.orgId);
  if (f.departmentId) s = s.where('s.department_id', '=', f.departmentId);
  if (f.sector) s = s.where('s.sector', '=', f.sector);
  if (f.securityLevel) s = s.where('s.security_level', '=', f.securityLevel);
  if (!actor.permissions.has('systems:read-all')) s = s.where('s.owner_id', '=', actor.userId);
  return s;
}

async function count(q: Listed) {
  return Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
}

/** Filters the per-system-and-family summary can count (it holds applying records by status). */
const onlySummaryFilters = (f: RequirementFilter) =>
  !f.retired && !f.controlId && !f.responsibleId && !f.overdue && f.reviewRequired === undefined && f.inherited === undefined && !f.q;

/**
 * The number of applying records from requirement_totals or requirement_summary (written in the
 * same transaction as every change to the records): a few thousand rows instead of up to
 * hundreds of thousands.
 */
async function totalFromSummary(db: Executor, actor: Actor, f: RequirementFilter) {
  const columns = f.status ? [SUMMARY_COLUMN[f.status]] : Object.values(SUMMARY_COLUMN);
  const sum = sql.join(
    columns.map((c) => sql.ref(`rs.${c}`)),
    sql` + `,
  );
  // Per system (requirement_totals, a row a system) unless a family is asked for (requirement_summary).
  let q =
    f.family === undefined
      ? db.selectFrom('requirement_totals as rs').select(sql<number>`sum(${sum})`.as('n'))
      : db.selectFrom('requirement_summary as rs').select(sql<number>`sum(${sum})`.as('n')).where('rs.family', '=', f.family);
  if (f.systemId || narrowsSystems(actor, f)) {
    // Through the systems in view (which carry the organisation): SQLite then reads the summary by
    // its primary key (system_id, family) rather than the whole organisation's rows.
    if (f.systemId) q = q.where('rs.system_id', '=', f.systemId);
    q = q.where('rs.system_id', 'in', systemsInView(db, actor, f));
  } else {
    q = q.where('rs.org_id', '=', actor.orgId);
  }
  return Number((await q.executeTakeFirstOrThrow()).n ?? 0);
}

function detailsOf(db: Executor, ids: readonly string[]) {
  return db
    .selectFrom('system_requirements as r')
    .innerJoin('systems as s', 's.id', 'r.system_id')
    .leftJoin('catalog_controls as c', (j) => j.onRef('c.version_id', '=', 'r.version_id').onRef('c.control_id', '=', 'r.control_id'))
    .leftJoin('users as u', 'u.id', 'r.responsible_id')
    .leftJoin('components as k', 'k.id', 'r.component_id')
    .select((eb) => [
      'r.id',
      'r.system_id',
      's.name as system_name',
      'r.control_id',
      'c.label',
      'c.title',
      'r.family',
      'r.family_title',
      'r.status',
      'r.effective_status',
      'r.component_id',
      'k.name as component_name',
      'r.override',
      'r.responsible_id',
      'u.name as responsible_name',
      'r.due_date',
      'r.review_required',
      'r.applies',
      'r.updated_at',
      eb
        .selectFrom('evidence as e')
        .select(sql<number>`count(*)`.as('n'))
        .where('e.target_type', '=', 'requirement')
        .whereRef('e.target_id', '=', 'r.id')
        .as('evidence_count'),
    ])
    .where('r.id', 'in', ids)
    .execute();
}

type Detail = Awaited<ReturnType<typeof detailsOf>>[number];

function toItem(r: Detail, now: string): RequirementListItem {
  return {
    id: r.id,
    systemId: r.system_id,
    systemName: r.system_name,
    controlId: r.control_id,
    label: r.label ?? null,
    title: r.title ?? r.control_id,
    family: r.family,
    familyTitle: r.family_title,
    status: r.status as ImplementationStatus,
    effectiveStatus: r.effective_status as ImplementationStatus,
    inherited: r.component_id ? { componentId: r.component_id, componentName: r.component_name ?? '' } : null,
    overridden: r.override === 1,
    responsibleId: r.responsible_id,
    responsibleName: r.responsible_name ?? null,
    dueDate: r.due_date,
    overdue: r.due_date !== null && r.due_date < now && isOpen(r.effective_status),
    reviewRequired: r.review_required === 1,
    applies: r.applies === 1,
    evidenceCount: Number(r.evidence_count ?? 0),
    updatedAt: r.updated_at,
  };
}
