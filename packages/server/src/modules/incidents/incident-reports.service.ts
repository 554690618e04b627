import { draftReport, type IncidentFacts, missingFields, REPORT_FIELDS, type ReportStage } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, forbidden } from '../../errors.js';
import { formatDateTime, PdfReport } from '../../reports/pdf.js';
import { iso, newId } from '../../util.js';
import type { IncidentService } from './incident.service.js';

const STAGE_TITLE: Record<ReportStage, string> = {
  'early-warning': 'NIS2 early warning',
  notification: 'NIS2 incident notification',
  'progress-report': 'NIS2 progress report',
  'final-report': 'NIS2 final report',
  'gdpr-notification': 'Personal-data breach notification (GDPR Art. 33)',
};

/**
 * The reports an incident owes: each drafted from the incident's data with the content Article 23
 * (or GDPR Art. 33) requires, completed and saved by the handler, exported as PDF and JSON, and
 * marked as sent with the time — which stops its clock. A sent report is no longer edited.
 */
export class IncidentReportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly incidents: IncidentService,
  ) {}

  private async facts(actor: Actor, id: string): Promise<{ facts: IncidentFacts; detail: Awaited<ReturnType<IncidentService['get']>> }> {
    const d = await this.incidents.get(actor, id);
    return {
      detail: d,
      facts: {
        ref: d.ref,
        title: d.title,
        description: d.description,
        typeName: d.typeName,
        severity: d.severity,
        status: d.status,
        awareAt: d.awareAt ?? d.detectedAt,
        systems: d.systems.map((s) => ({ name: s.name, securityLevel: s.securityLevel })),
        iocs: d.iocs,
        rootCause: d.rootCause,
        lessonsLearned: d.lessonsLearned,
        timeline: d.timeline.map((t) => ({ at: t.at, text: t.text })),
        malicious: d.malicious,
        personalData: d.personalData,
      },
    };
  }

  /** The saved report, or a fresh draft from the incident when nothing was saved yet. */
  async get(actor: Actor, id: string, stage: ReportStage) {
    const { facts, detail } = await this.facts(actor, id);
    const saved = await this.ctx.db
      .selectFrom('incident_reports')
      .selectAll()
      .where('incident_id', '=', id)
      .where('stage', '=', stage)
      .executeTakeFirst();
    const content = saved ? (JSON.parse(saved.content) as Record<string, string>) : draftReport(stage, facts);
    const deadline = detail.deadlines.find((d) => d.stage === stage) ?? null;
    return {
      incidentId: id,
      ref: detail.ref,
      stage,
      title: STAGE_TITLE[stage],
      fields: REPORT_FIELDS[stage].map((f) => ({ ...f })),
      content,
      saved: saved !== undefined,
      sentAt: saved?.sent_at ?? null,
      missing: missingFields(stage, content),
      deadline,
      timeZone: detail.timeZone,
    };
  }

  private assertManage(actor: Actor) {
    if (!actor.permissions.has('incidents:manage')) throw forbidden('Only incident handlers write reports.');
  }

  async save(actor: Actor, id: string, stage: ReportStage, content: Record<string, string>) {
    this.assertManage(actor);
    const known = new Set(REPORT_FIELDS[stage].map((f) => f.key));
    const unknown = Object.keys(content).filter((k) => !known.has(k));
    if (unknown.length > 0)
      throw new AppError(
        'VALIDATION',
        'The report has fields this stage does not have.',
        unknown.map((k) => ({ path: `content.${k}`, message: 'unknown field' })),
      );
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.incidents.row(trx, actor, id);
      const existing = await trx
        .selectFrom('incident_reports')
        .selectAll()
        .where('incident_id', '=', id)
        .where('stage', '=', stage)
        .executeTakeFirst();
      if (existing?.sent_at) throw new AppError('CONFLICT', 'This report was sent; it is kept as sent.');
      const now = iso(this.ctx.clock.now());
      if (existing)
        await trx
          .updateTable('incident_reports')
          .set({ content: JSON.stringify(content), updated_at: now })
          .where('incident_id', '=', id)
          .where('stage', '=', stage)
          .execute();
      else
        await trx
          .insertInto('incident_reports')
          .values({
            incident_id: id,
            org_id: actor.orgId,
            stage,
            content: JSON.stringify(content),
            sent_at: null,
            sent_by: null,
            updated_at: now,
          })
          .execute();
      await audit({ action: 'incident.report_save', entityType: 'incident', entityId: id, after: { stage } });
    });
    return this.get(actor, id, stage);
  }

  /** Marks the report sent at `sentAt` (not in the future, not before awareness); every required field must be filled. */
  async markSent(actor: Actor, id: string, stage: ReportStage, sentAt: string) {
    this.assertManage(actor);
    const now = this.ctx.clock.now();
    if (new Date(sentAt).getTime() > now.getTime() + 60_000)
      throw new AppError('VALIDATION', 'A report cannot be sent in the future.', [{ path: 'sentAt', message: 'in the future' }]);
    const current = await this.get(actor, id, stage);
    if (!current.deadline)
      throw new AppError('VALIDATION', `This incident owes no ${STAGE_TITLE[stage]} (is it marked significant, with personal data?).`);
    if (!current.saved) throw new AppError('VALIDATION', 'Save the completed report before marking it as sent.');
    if (current.missing.length > 0)
      throw new AppError(
        'VALIDATION',
        'Complete the report before marking it as sent.',
        current.missing.map((k) => ({ path: `content.${k}`, message: 'required' })),
      );
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const r = await this.incidents.row(trx, actor, id);
      if (r.aware_at && new Date(sentAt).getTime() < new Date(r.aware_at).getTime())
        throw new AppError('VALIDATION', 'A report cannot be sent before the organisation became aware.', [
          { path: 'sentAt', message: 'before awareness' },
        ]);
      const existing = await trx
        .selectFrom('incident_reports')
        .select('sent_at')
        .where('incident_id', '=', id)
        .where('stage', '=', stage)
        .executeTakeFirst();
      if (existing?.sent_at) throw new AppError('CONFLICT', 'This report is already marked as sent.');
      const at = iso(new Date(sentAt));
      await trx
        .updateTable('incident_reports')
        .set({ sent_at: at, sent_by: actor.userId, updated_at: iso(now) })
        .where('incident_id', '=', id)
        .where('stage', '=', stage)
        .execute();
      await trx
        .insertInto('incident_timeline')
        .values({
          id: newId(),
          org_id: actor.orgId,
          incident_id: id,
          at,
          kind: 'report',
          text: `${STAGE_TITLE[stage]} sent`,
          evidence_id: null,
          author_id: actor.userId,
          created_at: iso(now),
        })
        .execute();
      await audit({ action: 'incident.report_sent', entityType: 'incident', entityId: id, after: { stage, sentAt: at } });
    });
    return this.get(actor, id, stage);
  }

  /** The report as data, for the CSIRT's portal or another tool. */
  async exportJson(actor: Actor, id: string, stage: ReportStage) {
    const r = await this.get(actor, id, stage);
    const org = await this.ctx.db.selectFrom('organisations').select('name').where('id', '=', actor.orgId).executeTakeFirstOrThrow();
    return {
      format: 'cityshield-nis2-report/1',
      organisation: org.name,
      incident: r.ref,
      stage,
      title: r.title,
      deadline: r.deadline?.due ?? null,
      sentAt: r.sentAt,
      fields: Object.fromEntries(r.fields.map((f) => [f.key, r.content[f.key] ?? ''])),
    };
  }

  async exportPdf(actor: Actor, id: string, stage: ReportStage): Promise<Buffer> {
    const r = await this.get(actor, id, stage);
    const { detail } = await this.facts(actor, id);
    const org = await this.ctx.db.selectFrom('organisations').select('name').where('id', '=', actor.orgId).executeTakeFirstOrThrow();
    const tz = detail.timeZone;
    const pdf = new PdfReport({
      orgName: org.name,
      title: r.title,
      subtitle: `${detail.ref} · ${detail.title}`,
      generatedAt: this.ctx.clock.now(),
      timeZone: tz,
    });
    pdf.keyValues([
      ['Incident', `${detail.ref} — ${detail.title}`],
      ['Became aware', detail.awareAt ? formatDateTime(new Date(detail.awareAt), tz) : 'not recorded'],
      ['Deadline', r.deadline?.due ? formatDateTime(new Date(r.deadline.due), tz) : 'not set'],
      ['Status of this report', r.sentAt ? `sent ${formatDateTime(new Date(r.sentAt), tz)}` : 'draft — not sent'],
      ['Severity', detail.severity],
      ['Affected systems', detail.systems.map((s) => `${s.name}${s.securityLevel ? ` (${s.securityLevel})` : ''}`).join(', ') || '—'],
    ]);
    for (const f of r.fields) {
      pdf.heading(f.label, 2);
      pdf.paragraph(f.help, { muted: true, size: 9 });
      pdf.paragraph(r.content[f.key]?.trim() || '—');
    }
    return pdf.toBuffer();
  }
}
