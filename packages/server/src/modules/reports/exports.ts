import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { ACTION_STATUS_LABEL, loadActions, reportDeps, STATUS_LABEL, visibleAudit, visibleFinding } from '../../reports/common.js';
import { iso } from '../../util.js';
import type { ComponentService } from '../baselines/component.service.js';
import type { RequirementFilter, RequirementService } from '../baselines/requirement.service.js';
import type { IncidentFilter, IncidentService } from '../incidents/incident.service.js';
import { csvStream, EXPORT_MIME, type ExportTable, neutralise } from '../registry/system-export.js';

/**
 * CSV and XLSX downloads of every list, with the list's own filters and visibility (each export
 * pages through the same service or rules as the list route). Cells a spreadsheet would run as a
 * formula are neutralised as in the register export.
 */

export type ExportFormat = 'csv' | 'xlsx';
export const EXPORT_LISTS = ['requirements', 'incidents', 'corrective-actions', 'findings', 'audits', 'components'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const PAGE = 1000;
const cell = (v: string | number | boolean | null | undefined) =>
  neutralise(v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v));
const table = (header: string[], rows: (string | number | boolean | null | undefined)[][]): ExportTable => ({
  header,
  rows: rows.map((r) => r.map(cell)),
});

export const exportMime = (format: ExportFormat) => EXPORT_MIME[format];

export function exportStream(t: ExportTable, format: ExportFormat, sheet: string): Readable {
  return format === 'csv' ? csvStream(t) : sheetStream(t, sheet);
}

/** XLSX written as a stream (one row at a time), header bold and frozen. */
export function sheetStream(t: ExportTable, sheet: string): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.header.map((h, i) => {
    const longest = Math.max(h.length, ...t.rows.slice(0, 200).map((r) => (r[i] ?? '').length));
    return { header: h, key: String(i), width: Math.min(60, Math.max(10, longest + 2)) };
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const row of t.rows) ws.addRow(row).commit();
  ws.commit();
  wb.commit().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

export const exportFileNameOf = (list: ExportList, now: Date, format: ExportFormat) => `${list}-${iso(now).slice(0, 10)}.${format}`;

export class ExportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly requirementService: RequirementService,
    private readonly incidentService: IncidentService,
    private readonly componentService: ComponentService,
  ) {}

  /** `requirements-2026-11-25.xlsx`: the list and today's date. */
  fileName(list: ExportList, format: ExportFormat): string {
    return exportFileNameOf(list, this.ctx.clock.now(), format);
  }

  async requirements(actor: Actor, f: RequirementFilter): Promise<ExportTable> {
    const rows: (string | number | boolean | null)[][] = [];
    for (let page = 1; ; page++) {
      const { items } = await this.requirementService.list(actor, f, page, PAGE);
      for (const r of items)
        rows.push([
          r.systemName,
          r.controlId,
          r.label,
          r.title,
          r.family,
          r.familyTitle,
          STATUS_LABEL[r.effectiveStatus] ?? r.effectiveStatus,
          STATUS_LABEL[r.status] ?? r.status,
          r.inherited?.componentName ?? null,
          r.overridden,
          r.responsibleName,
          r.dueDate,
          r.overdue,
          r.reviewRequired,
          r.evidenceCount,
          r.updatedAt,
        ]);
      if (items.length < PAGE) break;
    }
    return table(
      [
        'System',
        'Control',
        'Label',
        'Title',
        'Family',
        'Family title',
        'Status',
        'Own status',
        'Inherited from',
        'Overrides component',
        'Responsible',
        'Due date',
        'Overdue',
        'Review required',
        'Evidence',
        'Updated',
      ],
      rows,
    );
  }

  async incidents(actor: Actor, f: IncidentFilter): Promise<ExportTable> {
    const rows: (string | number | boolean | null)[][] = [];
    for (let page = 1; ; page++) {
      const { items } = await this.incidentService.list(actor, f, page, PAGE);
      for (const i of items)
        rows.push([
          i.ref,
          i.title,
          i.type,
          i.severity,
          i.status,
          i.significant,
          i.detectedAt,
          i.awareAt,
          i.handlerName,
          i.reportCount,
          i.nextDeadline?.stage ?? null,
          i.nextDeadline?.due ?? null,
        ]);
      if (items.length < PAGE) break;
    }
    return table(
      [
        'Ref',
        'Title',
        'Type',
        'Severity',
        'Status',
        'Significant (NIS2)',
        'Detected',
        'Aware',
        'Handler',
        'Reports',
        'Next deadline',
        'Next deadline due',
      ],
      rows,
    );
  }

  async actions(
    actor: Actor,
    f: { status?: string; open?: boolean; ownerId?: string; overdue?: boolean; source?: 'finding' | 'incident' },
  ): Promise<ExportTable> {
    const list = await loadActions(reportDeps(this.ctx), actor, {
      ...(f.status ? { status: f.status } : {}),
      ...(f.open ? { openOnly: true } : {}),
      ...(f.ownerId ? { ownerId: f.ownerId } : {}),
      ...(f.overdue ? { overdueOnly: true } : {}),
      ...(f.source ? { sourceType: f.source } : {}),
    });
    return table(
      [
        'Action',
        'Description',
        'Source',
        'Source ref',
        'Source title',
        'Severity',
        'Owner',
        'Due date',
        'Status',
        'Overdue',
        'Milestones',
        'Risk accepted by',
        'Risk accepted until',
        'Risk acceptance reason',
        'Verified by',
        'Verified at',
        'Verification note',
        'Created',
        'Closed',
      ],
      list.map((a) => [
        a.title,
        a.description,
        a.source.type,
        a.source.ref,
        a.source.title,
        a.source.severity,
        a.ownerName,
        a.dueDate,
        ACTION_STATUS_LABEL[a.status] ?? a.status,
        a.overdue,
        a.milestones.map((m) => `${m.title} (due ${m.dueDate}${m.doneAt ? `, done ${m.doneAt.slice(0, 10)}` : ''})`).join('; '),
        a.riskAcceptance?.approverName ?? null,
        a.riskAcceptance?.until ?? null,
        a.riskAcceptance?.reason ?? null,
        a.verification?.byName ?? null,
        a.verification?.at ?? null,
        a.verification?.note ?? null,
        a.createdAt,
        a.closedAt,
      ]),
    );
  }

  async findings(actor: Actor, f: { auditId?: string; status?: string; severity?: string }): Promise<ExportTable> {
    let q = this.ctx.db
      .selectFrom('findings as f')
      .innerJoin('audits as a', 'a.id', 'f.audit_id')
      .where('f.org_id', '=', actor.orgId)
      .where(visibleFinding(actor));
    if (f.auditId) q = q.where('f.audit_id', '=', f.auditId);
    if (f.status) q = q.where('f.status', '=', f.status);
    if (f.severity) q = q.where('f.severity', '=', f.severity);
    const rows = await q
      .select([
        'f.id',
        'f.ref',
        'f.title',
        'f.description',
        'f.severity',
        'f.status',
        'f.control_id',
        'f.created_at',
        'a.ref as audit_ref',
        'a.title as audit_title',
      ])
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id', 'desc')
      .execute();
    const names = await this.namesOf(
      actor.orgId,
      'finding_systems',
      rows.map((r) => r.id),
    );
    return table(
      ['Ref', 'Title', 'Description', 'Severity', 'Status', 'Control', 'Audit', 'Audit title', 'Systems', 'Created'],
      rows.map((r) => [
        r.ref,
        r.title,
        r.description,
        r.severity,
        r.status,
        r.control_id,
        r.audit_ref,
        r.audit_title,
        (names.get(r.id) ?? []).join(', '),
        r.created_at,
      ]),
    );
  }

  async audits(actor: Actor, f: { status?: string }): Promise<ExportTable> {
    let q = this.ctx.db.selectFrom('audits as a').where('a.org_id', '=', actor.orgId).where(visibleAudit(actor));
    if (f.status) q = q.where('a.status', '=', f.status);
    const rows = await q
      .selectAll('a')
      .select((eb) => [
        eb.selectFrom('findings as f').select(sql<number>`count(*)`.as('n')).whereRef('f.audit_id', '=', 'a.id').as('findings'),
      ])
      .orderBy('a.period_start', 'desc')
      .orderBy('a.id', 'desc')
      .execute();
    const ids = rows.map((r) => r.id);
    const systems = await this.namesOf(actor.orgId, 'audit_systems', ids);
    const components = new Map<string, string[]>();
    const auditors = new Map<string, string[]>();
    if (ids.length) {
      for (const c of await this.ctx.db
        .selectFrom('audit_components as x')
        .innerJoin('components as k', 'k.id', 'x.component_id')
        .select(['x.audit_id', 'k.name'])
        .where('x.org_id', '=', actor.orgId)
        .orderBy('k.name')
        .execute())
        components.set(c.audit_id, [...(components.get(c.audit_id) ?? []), c.name]);
      for (const u of await this.ctx.db
        .selectFrom('audit_auditors as x')
        .innerJoin('users as u', 'u.id', 'x.user_id')
        .select(['x.audit_id', 'u.name', 'x.lead'])
        .where('x.org_id', '=', actor.orgId)
        .orderBy('x.lead', 'desc')
        .orderBy('u.name')
        .execute())
        auditors.set(u.audit_id, [...(auditors.get(u.audit_id) ?? []), u.lead === 1 ? `${u.name} (lead)` : u.name]);
    }
    return table(
      [
        'Ref',
        'Title',
        'Status',
        'Period start',
        'Period end',
        'Method',
        'Families',
        'Systems',
        'Components',
        'Auditors',
        'Findings',
        'Conclusion',
        'Closed',
      ],
      rows.map((r) => [
        r.ref,
        r.title,
        r.status,
        r.period_start,
        r.period_end,
        r.method,
        (JSON.parse(r.families) as string[]).join(', ') || 'all',
        (systems.get(r.id) ?? []).join(', '),
        (components.get(r.id) ?? []).join(', '),
        (auditors.get(r.id) ?? []).join(', '),
        Number(r.findings ?? 0),
        r.conclusion,
        r.closed_at,
      ]),
    );
  }

  async components(actor: Actor): Promise<ExportTable> {
    const { items } = await this.componentService.list(actor);
    return table(
      ['Name', 'Kind', 'Provider', 'Description', 'Systems using it', 'Requirements', 'Implemented'],
      items.map((k) => [k.name, k.kind, k.provider, k.description, k.systems, k.requirements, k.implemented]),
    );
  }

  /** System names per finding or audit, in name order. */
  private async namesOf(orgId: string, link: 'finding_systems' | 'audit_systems', ids: string[]) {
    const out = new Map<string, string[]>();
    if (ids.length === 0) return out;
    const wanted = new Set(ids);
    const rows =
      link === 'finding_systems'
        ? await this.ctx.db
            .selectFrom('finding_systems as l')
            .innerJoin('systems as s', 's.id', 'l.system_id')
            .select(['l.finding_id as owner', 's.name'])
            .where('l.org_id', '=', orgId)
            .orderBy('s.name_key')
            .execute()
        : await this.ctx.db
            .selectFrom('audit_systems as l')
            .innerJoin('systems as s', 's.id', 'l.system_id')
            .select(['l.audit_id as owner', 's.name'])
            .where('l.org_id', '=', orgId)
            .orderBy('s.name_key')
            .execute();
    for (const r of rows) if (wanted.has(r.owner)) out.set(r.owner, [...(out.get(r.owner) ?? []), r.name]);
    return out;
  }
}
