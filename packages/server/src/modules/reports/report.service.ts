import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { ReportFilesTable } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { visibleAudit } from '../../reports/common.js';
import {
  generateReport,
  REPORT_MEDIA_TYPE,
  type ReportDeps,
  type ReportFormat,
  type ReportKind,
  reportDeps,
  reportFileName,
} from '../../reports/index.js';
import { iso, newId, type Page } from '../../util.js';
import { openEvidenceFile, removeStoredFile, storeEvidenceFile } from '../baselines/evidence-files.js';
import { chunks } from '../baselines/requirement-summary.js';
import { RoleRepository } from '../iam/role.repository.js';

export const REPORT_JOB = 'generate-report';

/** Generated reports live beside the evidence, content-addressed by SHA-256: DATA_DIR/reports/. */
export const reportsDir = (ctx: AppContext) => join(dirname(ctx.config.evidenceDir), 'reports');

export interface ReportView {
  id: string;
  kind: ReportKind;
  format: ReportFormat;
  subjectId: string | null;
  subjectName: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  size: number | null;
  sha256: string | null;
  error: string | null;
  fileName: string;
  requestedAt: string;
  finishedAt: string | null;
}

/**
 * Reports generated in the background: a request stores a `report_files` row (queued) and the
 * `report.generate` audit entry and enqueues the job in the same transaction; the job renders the
 * report with what the requester may see at that moment, records its progress as it goes, stores
 * the file content-addressed and marks the row done (or failed, with the reason). Each person
 * sees and downloads the reports they requested.
 */
export class ReportService {
  private readonly deps: ReportDeps;
  private readonly roles = new RoleRepository();

  constructor(private readonly ctx: AppContext) {
    this.deps = reportDeps(ctx);
  }

  /** The system or audit name, after checking the caller may see it (404 otherwise). */
  private async subject(actor: Actor, kind: ReportKind, subjectId: string | undefined | null): Promise<string | null> {
    if (kind === 'council' || kind === 'poam') {
      if (subjectId)
        throw new AppError('VALIDATION', `A ${kind} report covers the whole organisation.`, [
          { path: 'subjectId', message: 'not allowed' },
        ]);
      return null;
    }
    if (!subjectId) throw new AppError('VALIDATION', `Name the ${kind} the report is about.`, [{ path: 'subjectId', message: 'required' }]);
    if (kind === 'system') return (await this.deps.systems.get(actor, subjectId)).name;
    const a = await this.ctx.db
      .selectFrom('audits as a')
      .select(['a.ref', 'a.title'])
      .where('a.org_id', '=', actor.orgId)
      .where('a.id', '=', subjectId)
      .where(visibleAudit(actor))
      .executeTakeFirst();
    if (!a) throw notFound('The audit');
    return `${a.ref} ${a.title}`;
  }

  async request(actor: Actor, input: { kind: ReportKind; format: ReportFormat; subjectId?: string | undefined }): Promise<ReportView> {
    const subjectName = await this.subject(actor, input.kind, input.subjectId);
    const id = newId();
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await trx
        .insertInto('report_files')
        .values({
          id,
          org_id: actor.orgId,
          kind: input.kind,
          format: input.format,
          subject_id: input.subjectId ?? null,
          status: 'queued',
          progress: 0,
          file_sha256: null,
          size: null,
          error: null,
          requested_by: actor.userId,
          requested_at: iso(this.ctx.clock.now()),
          finished_at: null,
        })
        .execute();
      await audit({
        action: 'report.generate',
        entityType: 'report',
        entityId: id,
        after: { kind: input.kind, format: input.format, subjectId: input.subjectId ?? null, subject: subjectName },
      });
      await this.ctx.jobs.enqueue(REPORT_JOB, { reportId: id }, { key: `report:${id}`, maxAttempts: 1, orgId: actor.orgId }, trx);
    });
    return this.get(actor, id);
  }

  private own(actor: Actor) {
    return this.ctx.db.selectFrom('report_files').where('org_id', '=', actor.orgId).where('requested_by', '=', actor.userId);
  }

  async list(actor: Actor, f: { kind?: ReportKind }, page: number, pageSize: number): Promise<Page<ReportView>> {
    let q = this.own(actor);
    if (f.kind) q = q.where('kind', '=', f.kind);
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .selectAll()
      .orderBy('requested_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: await this.views(rows), total, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<ReportView> {
    const row = await this.own(actor).selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('The report');
    return (await this.views([row]))[0] as ReportView;
  }

  async download(actor: Actor, id: string) {
    const r = await this.get(actor, id);
    if (r.status !== 'done' || !r.sha256) {
      throw new AppError(
        'CONFLICT',
        r.status === 'failed'
          ? `The report could not be generated: ${r.error ?? 'unknown error'}`
          : `The report is not ready yet (${r.status}, ${r.progress} %).`,
      );
    }
    return {
      name: r.fileName,
      mediaType: REPORT_MEDIA_TYPE[r.format],
      size: r.size ?? 0,
      stream: openEvidenceFile(reportsDir(this.ctx), r.sha256),
    };
  }

  private async views(rows: ReportFilesTable[]): Promise<ReportView[]> {
    const systemIds = rows.filter((r) => r.kind === 'system' && r.subject_id).map((r) => r.subject_id as string);
    const auditIds = rows.filter((r) => r.kind === 'audit' && r.subject_id).map((r) => r.subject_id as string);
    const names = new Map<string, string>();
    if (systemIds.length)
      for (const s of await this.ctx.db.selectFrom('systems').select(['id', 'name']).where('id', 'in', systemIds).execute())
        names.set(s.id, s.name);
    if (auditIds.length)
      for (const a of await this.ctx.db.selectFrom('audits').select(['id', 'ref', 'title']).where('id', 'in', auditIds).execute())
        names.set(a.id, `${a.ref} ${a.title}`);
    return rows.map((r) => {
      const subjectName = r.subject_id ? (names.get(r.subject_id) ?? null) : null;
      return {
        id: r.id,
        kind: r.kind as ReportKind,
        format: r.format as ReportFormat,
        subjectId: r.subject_id,
        subjectName,
        status: r.status as ReportView['status'],
        progress: r.progress,
        size: r.size,
        sha256: r.file_sha256,
        error: r.error,
        fileName: reportFileName(r.kind as ReportKind, r.format as ReportFormat, r.requested_at.slice(0, 10), subjectName),
        requestedAt: r.requested_at,
        finishedAt: r.finished_at,
      };
    });
  }

  /** The requester as they are now: a disabled account or a lost permission stops the report. */
  private async requester(orgId: string, userId: string | null): Promise<Actor> {
    const u = userId
      ? await this.ctx.db
          .selectFrom('users')
          .select(['id', 'email', 'name', 'role', 'disabled'])
          .where('org_id', '=', orgId)
          .where('id', '=', userId)
          .executeTakeFirst()
      : undefined;
    if (!u || u.disabled === 1) throw new AppError('FORBIDDEN', 'The person who asked for the report can no longer sign in.');
    const permissions = new Set(await this.roles.permissionsOf(this.ctx.db, orgId, u.role));
    if (!permissions.has('reports:generate'))
      throw new AppError('FORBIDDEN', 'The person who asked for the report may no longer generate reports.');
    return { userId: u.id, orgId, email: u.email, name: u.name, role: u.role, permissions, via: 'session', ip: null };
  }

  /**
   * Removes reports requested before `before` and the stored files no other report shares (files
   * are kept once per SHA-256). The audit log keeps who generated what; the report can be made again.
   */
  async expire(before: string): Promise<{ reports: number; files: number }> {
    const db = this.ctx.db;
    const old = await db.selectFrom('report_files').select(['id', 'file_sha256']).where('requested_at', '<', before).execute();
    if (old.length === 0) return { reports: 0, files: 0 };
    for (const ids of chunks(
      old.map((r) => r.id),
      500,
    ))
      await db.deleteFrom('report_files').where('id', 'in', ids).execute();
    let files = 0;
    for (const sha of new Set(old.flatMap((r) => (r.file_sha256 ? [r.file_sha256] : [])))) {
      const shared = await db.selectFrom('report_files').select('id').where('file_sha256', '=', sha).limit(1).executeTakeFirst();
      if (!shared && (await removeStoredFile(reportsDir(this.ctx), sha))) files++;
    }
    return { reports: old.length, files };
  }

  /** The background job: renders, records progress, stores the file and marks the row done or failed. */
  async run(reportId: string): Promise<void> {
    const db = this.ctx.db;
    const row = await db.selectFrom('report_files').selectAll().where('id', '=', reportId).executeTakeFirst();
    if (!row || row.status === 'done') return;
    await db.updateTable('report_files').set({ status: 'running', progress: 1, error: null }).where('id', '=', reportId).execute();
    let shown = 1;
    const progress = async (fraction: number) => {
      const p = Math.max(1, Math.min(99, Math.round(fraction * 100)));
      if (p < shown + 5) return;
      shown = p;
      await db.updateTable('report_files').set({ progress: p }).where('id', '=', reportId).execute();
    };
    try {
      const actor = await this.requester(row.org_id, row.requested_by);
      const { bytes } = await generateReport(
        this.deps,
        actor,
        { kind: row.kind as ReportKind, format: row.format as ReportFormat, subjectId: row.subject_id },
        progress,
      );
      const sha = await storeEvidenceFile(reportsDir(this.ctx), bytes);
      await db
        .updateTable('report_files')
        .set({ status: 'done', progress: 100, file_sha256: sha, size: bytes.length, finished_at: iso(this.ctx.clock.now()) })
        .where('id', '=', reportId)
        .execute();
    } catch (err) {
      const message = err instanceof AppError ? err.message : 'An internal error stopped the report; the server log has the details.';
      this.ctx.log.warn({ reportId, err: err instanceof Error ? err.message : String(err) }, 'report generation failed');
      await db
        .updateTable('report_files')
        .set({ status: 'failed', error: message, finished_at: iso(this.ctx.clock.now()) })
        .where('id', '=', reportId)
        .execute();
    }
  }
}
