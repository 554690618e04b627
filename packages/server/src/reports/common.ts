import type { ClassificationMethod } from '@cityshield/core';
import type { Actor, AppContext } from '../context.js';
import type { Executor } from '../modules/audit/audit.repository.js';
import { readsAll, visibleAction, visibleAudit, visibleFinding } from '../modules/audits/visibility.js';
import { DashboardService } from '../modules/baselines/dashboard.service.js';
import { ClassificationService } from '../modules/classification/classification.service.js';
import { SystemService } from '../modules/registry/system.service.js';
import { iso } from '../util.js';

export { readsAll, visibleAction, visibleAudit, visibleFinding };

import type { ReportBranding, ReportWriter, Tone } from './document.js';
import { HtmlReport } from './html.js';
import { PdfReport } from './pdf.js';

/**
 * What the reports share: the services they read through (built from the context alone, so the
 * background job and the CLI need no HTTP app), the organisation's branding, who may see which
 * findings and actions, and the wording of statuses, dates and shares.
 */

export const REPORT_KINDS = ['council', 'system', 'audit', 'poam'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportDeps {
  ctx: AppContext;
  systems: SystemService;
  classification: ClassificationService;
  dashboard: DashboardService;
}

export function reportDeps(ctx: AppContext): ReportDeps {
  const systems = new SystemService(ctx);
  return { ctx, systems, classification: new ClassificationService(ctx, systems), dashboard: new DashboardService(ctx) };
}

/** Called as a report is built, with 0..1; the job stores it as the report's progress. */
export type Progress = (fraction: number) => Promise<void> | void;

export interface Organisation {
  id: string;
  name: string;
  timeZone: string;
}

export async function organisation(db: Executor, orgId: string): Promise<Organisation> {
  const o = await db.selectFrom('organisations').select(['id', 'name', 'time_zone']).where('id', '=', orgId).executeTakeFirstOrThrow();
  return { id: o.id, name: o.name, timeZone: o.time_zone };
}

export function writerFor(format: ReportFormat, branding: ReportBranding): ReportWriter {
  return format === 'pdf' ? new PdfReport(branding) : new HtmlReport(branding);
}

export const today = (ctx: AppContext) => iso(ctx.clock.now()).slice(0, 10);

// ── visibility: modules/audits/visibility.ts ────────────────────────────────────

// ── corrective actions (shared by the council report, the plan and the audit report) ────────

export interface ActionInfo {
  id: string;
  title: string;
  description: string;
  status: string;
  ownerName: string | null;
  dueDate: string | null;
  overdue: boolean;
  daysOverdue: number;
  source: { type: string; id: string; ref: string; title: string; severity: string | null };
  milestones: { title: string; dueDate: string; doneAt: string | null }[];
  riskAcceptance: { approverName: string | null; until: string | null; reason: string | null } | null;
  verification: { byName: string | null; at: string | null; note: string | null } | null;
  createdAt: string;
  closedAt: string | null;
}

const OPEN_ACTION = ['open', 'in-progress'];

export async function loadActions(
  deps: ReportDeps,
  actor: Actor,
  f: {
    sourceIds?: string[];
    overdueOnly?: boolean;
    /** Not closed: neither verified nor risk-accepted. */
    openOnly?: boolean;
    status?: string;
    ownerId?: string;
    sourceType?: 'finding' | 'incident';
  } = {},
): Promise<ActionInfo[]> {
  const db = deps.ctx.db;
  const now = today(deps.ctx);
  if (f.sourceIds && f.sourceIds.length === 0) return [];
  let q = db.selectFrom('corrective_actions as c').where('c.org_id', '=', actor.orgId).where(visibleAction(actor));
  // A long list of sources is filtered after reading rather than bound as thousands of parameters.
  const wanted = f.sourceIds && f.sourceIds.length > 500 ? new Set(f.sourceIds) : null;
  if (f.sourceIds && !wanted) q = q.where('c.source_id', 'in', f.sourceIds);
  if (f.overdueOnly) q = q.where('c.due_date', '<', now).where('c.status', 'in', OPEN_ACTION);
  if (f.openOnly) q = q.where('c.status', 'not in', ['verified', 'risk-accepted']);
  if (f.status) q = q.where('c.status', '=', f.status);
  if (f.ownerId) q = q.where('c.owner_id', '=', f.ownerId);
  if (f.sourceType) q = q.where('c.source_type', '=', f.sourceType);
  const all = await q
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .leftJoin('users as r', 'r.id', 'c.risk_accepted_by')
    .leftJoin('users as v', 'v.id', 'c.verified_by')
    .selectAll('c')
    .select(['o.name as owner_name', 'r.name as approver_name', 'v.name as verifier_name'])
    .orderBy('c.due_date')
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
  const rows = wanted ? all.filter((r) => wanted.has(r.source_id)) : all;
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const milestones: { action_id: string; title: string; due_date: string; done_at: string | null }[] = [];
  for (const part of chunk(ids, 500))
    milestones.push(
      ...(await db
        .selectFrom('action_milestones')
        .select(['action_id', 'title', 'due_date', 'done_at'])
        .where('action_id', 'in', part)
        .orderBy('due_date')
        .execute()),
    );
  const sources = new Map<string, { ref: string; title: string; severity: string | null }>();
  const findingIds = [...new Set(rows.filter((r) => r.source_type === 'finding').map((r) => r.source_id))];
  const incidentIds = [...new Set(rows.filter((r) => r.source_type === 'incident').map((r) => r.source_id))];
  for (const part of chunk(findingIds, 500))
    for (const s of await db.selectFrom('findings').select(['id', 'ref', 'title', 'severity']).where('id', 'in', part).execute())
      sources.set(s.id, s);
  for (const part of chunk(incidentIds, 500))
    for (const s of await db.selectFrom('incidents').select(['id', 'ref', 'title', 'severity']).where('id', 'in', part).execute())
      sources.set(s.id, s);
  return rows
    .map((r) => {
      const src = sources.get(r.source_id);
      const overdue = r.due_date !== null && r.due_date < now && OPEN_ACTION.includes(r.status);
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        status: r.status,
        ownerName: r.owner_name ?? null,
        dueDate: r.due_date,
        overdue,
        daysOverdue: overdue && r.due_date ? daysBetween(r.due_date, now) : 0,
        source: { type: r.source_type, id: r.source_id, ref: src?.ref ?? '', title: src?.title ?? '', severity: src?.severity ?? null },
        milestones: milestones.filter((m) => m.action_id === r.id).map((m) => ({ title: m.title, dueDate: m.due_date, doneAt: m.done_at })),
        riskAcceptance: r.risk_accepted_by
          ? { approverName: r.approver_name ?? null, until: r.risk_accepted_until, reason: r.risk_acceptance_reason }
          : null,
        verification: r.verified_by ? { byName: r.verifier_name ?? null, at: r.verified_at, note: r.verification_note } : null,
        createdAt: r.created_at,
        closedAt: r.closed_at,
      };
    })
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.createdAt.localeCompare(b.createdAt));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay.slice(0, 10)}T00:00:00Z`) - Date.parse(`${fromDay.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

// ── wording ────────────────────────────────────────────────────────────────

export const STATUS_LABEL: Record<string, string> = {
  'not-started': 'Not started',
  planned: 'Planned',
  partially: 'Partially',
  implemented: 'Implemented',
  'not-applicable': 'Not applicable',
};

export const ACTION_STATUS_LABEL: Record<string, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done, awaiting verification',
  verified: 'Verified',
  'risk-accepted': 'Risk accepted',
};

export const RESULT_LABEL: Record<string, string> = {
  satisfied: 'Satisfied',
  partially: 'Partially satisfied',
  'not-satisfied': 'Not satisfied',
  'not-applicable': 'Not applicable',
};

export const SEVERITY_RANK: Record<string, number> = { critical: 4, high: 3, moderate: 2, low: 1 };
export const cap = (s: string) => (s ? s[0]?.toUpperCase() + s.slice(1) : s);

export const pct = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`);
export const ratio = (n: number, of: number) => (of === 0 ? null : n / of);
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "25 Nov 2026" for a day or a timestamp, in the organisation's time zone. */
export function day(value: string | null | undefined, timeZone = 'UTC'): string {
  if (!value) return '–';
  const d = value.length === 10 ? new Date(`${value}T12:00:00Z`) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: value.length === 10 ? 'UTC' : timeZone }).format(d);
  } catch {
    return value.slice(0, 10);
  }
}

/** The security levels of the method, lowest first, with their names. */
export function levelsOf(method: ClassificationMethod) {
  return [...method.securityLevels].sort((a, b) => a.rank - b.rank);
}

export function levelName(method: ClassificationMethod, key: string | null | undefined): string {
  if (!key) return 'Not classified';
  const l = method.securityLevels.find((x) => x.key === key);
  if (!l) return key;
  return l.name.includes(`(${l.key})`) ? l.name : `${l.key} (${l.name})`;
}

/** A heading for a level column: "High (H)" as the method names it, or "H · High". */
export function levelLabel(level: { key: string; name: string }): string {
  return level.name.includes(level.key) ? level.name : `${level.key} · ${level.name}`;
}

/** Colours for statuses in tables: done green, under way amber, late red. */
export function statusTone(label: string): Tone | undefined {
  if (/overdue|expired|not satisfied/i.test(label)) return 'bad';
  if (/^(implemented|satisfied|verified)/i.test(label)) return 'good';
  if (/^(partially|planned|in progress|risk accepted|done, awaiting)/i.test(label)) return 'warn';
  return undefined;
}

export function severityTone(label: string): Tone | undefined {
  if (/^(critical|high)/i.test(label)) return 'bad';
  if (/^moderate|^medium/i.test(label)) return 'warn';
  return undefined;
}

/** Cuts a long text for a table cell; the full text is in the application. */
export function clip(text: string, max = 300): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Requirement (control) titles of the controls a set of rows refers to. */
export async function controlTitles(db: Executor, rows: readonly { version_id: string; control_id: string }[]) {
  const titles = new Map<string, { title: string; label: string | null }>();
  const byVersion = new Map<string, Set<string>>();
  for (const r of rows) {
    const s = byVersion.get(r.version_id) ?? new Set<string>();
    s.add(r.control_id);
    byVersion.set(r.version_id, s);
  }
  for (const [versionId, ids] of byVersion)
    for (const part of chunk([...ids], 500))
      for (const c of await db
        .selectFrom('catalog_controls')
        .select(['control_id', 'title', 'label'])
        .where('version_id', '=', versionId)
        .where('control_id', 'in', part)
        .execute())
        titles.set(`${versionId}|${c.control_id}`, { title: c.title, label: c.label });
  return (versionId: string, controlId: string) => titles.get(`${versionId}|${controlId}`);
}
