import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorResponses, ZFlag, ZId, ZIdParams, ZPage, ZPageQuery } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import { REPORT_FORMATS, REPORT_KINDS } from '../../reports/index.js';
import { ACTION_STATUSES } from '../audits/action.service.js';
import { AUDIT_STATUSES, FINDING_SEVERITIES } from '../audits/audit-common.js';
import { ZRequirementQuery } from '../baselines/baseline.schema.js';
import { INCIDENT_STATUSES, SEVERITIES } from '../incidents/incident.service.js';
import type { ExportTable } from '../registry/system-export.js';
import { type ExportFormat, type ExportList, type ExportService, exportMime, exportStream } from './exports.js';
import type { ReportService } from './report.service.js';

const ZFormat = z.enum(['csv', 'xlsx']).default('csv');

const ZReport = z.object({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  format: z.enum(REPORT_FORMATS),
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().int(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  error: z.string().nullable(),
  fileName: z.string(),
  requestedAt: z.string(),
  finishedAt: z.string().nullable(),
});

/** Reports (PDF/HTML, generated in the background) and the CSV/XLSX exports of every list. */
export function reportRoutes(app: RouteApp, s: { reports: ReportService; exports: ExportService }): void {
  app.post('/api/v1/reports', {
    config: { access: 'reports:generate' },
    schema: {
      tags: ['reports'],
      summary: 'Ask for a report; it is generated in the background (poll GET /reports/{id} for its progress)',
      description:
        'council: the city compliance report; system: the system security plan (subjectId = system); audit: the audit report (subjectId = audit); poam: the corrective-action plan.',
      body: z.strictObject({
        kind: z.enum(REPORT_KINDS),
        format: z.enum(REPORT_FORMATS).default('pdf'),
        subjectId: ZId.optional(),
      }),
      response: { 202: ZReport, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(202).send(await s.reports.request(actorOf(req), req.body)),
  });

  app.get('/api/v1/reports', {
    config: { access: 'reports:generate' },
    schema: {
      tags: ['reports'],
      summary: 'The reports you asked for, newest first',
      querystring: ZPageQuery.extend({ kind: z.enum(REPORT_KINDS).optional() }).strict(),
      response: { 200: ZPage(ZReport), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.reports.list(actorOf(req), f, page, pageSize);
    },
  });

  app.get('/api/v1/reports/:id', {
    config: { access: 'reports:generate' },
    schema: {
      tags: ['reports'],
      summary: "A report's status and progress (0–100)",
      params: ZIdParams,
      response: { 200: ZReport, ...errorResponses },
    },
    handler: async (req) => s.reports.get(actorOf(req), req.params.id),
  });

  app.get('/api/v1/reports/:id/file', {
    config: { access: 'reports:generate' },
    schema: { tags: ['reports'], summary: 'Download a generated report (PDF or HTML, as an attachment)', params: ZIdParams },
    handler: async (req, reply) => {
      const file = await s.reports.download(actorOf(req), req.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
        .send(file.stream);
    },
  });

  // ── exports: the list routes' filters plus ?format=csv|xlsx ──────────────
  const send = (reply: FastifyReply, list: ExportList, format: ExportFormat, sheet: string, table: ExportTable) =>
    reply
      .header('content-type', exportMime(format))
      .header('content-disposition', `attachment; filename="${s.exports.fileName(list, format)}"`)
      .header('cache-control', 'no-store')
      .send(exportStream(table, format, sheet));
  const file = z.any().describe('The spreadsheet, as an attachment');

  app.get('/api/v1/requirements/export', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['exports'],
      summary: 'Requirement records as CSV or XLSX, with the filters of the list',
      querystring: ZRequirementQuery.omit({ page: true, pageSize: true }).extend({ format: ZFormat }),
      response: { 200: file, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { format, ...f } = req.query;
      return send(reply, 'requirements', format, 'Requirements', await s.exports.requirements(actorOf(req), f));
    },
  });

  app.get('/api/v1/incidents/export', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['exports'],
      summary: 'Incidents as CSV or XLSX, with the filters of the list (without incidents:read: those you reported or handle)',
      querystring: z.strictObject({
        format: ZFormat,
        status: z.enum(INCIDENT_STATUSES).optional(),
        open: ZFlag.optional(),
        type: z.string().max(100).optional(),
        severity: z.enum(SEVERITIES).optional(),
        systemId: ZId.optional(),
        significant: ZFlag.optional(),
        q: z.string().trim().max(200).optional(),
      }),
      response: { 200: file, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { format, ...f } = req.query;
      return send(reply, 'incidents', format, 'Incidents', await s.exports.incidents(actorOf(req), f));
    },
  });

  app.get('/api/v1/corrective-actions/export', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['exports'],
      summary: 'The plan of action and milestones as CSV or XLSX, with the filters of the list',
      querystring: z.strictObject({
        format: ZFormat,
        status: z.enum(ACTION_STATUSES).optional(),
        open: ZFlag.optional(),
        ownerId: ZId.optional(),
        overdue: ZFlag.optional(),
        source: z.enum(['finding', 'incident']).optional(),
      }),
      response: { 200: file, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { format, ...f } = req.query;
      return send(reply, 'corrective-actions', format, 'Corrective actions', await s.exports.actions(actorOf(req), f));
    },
  });

  app.get('/api/v1/findings/export', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['exports'],
      summary: 'Audit findings as CSV or XLSX, with the filters of the list',
      querystring: z.strictObject({
        format: ZFormat,
        auditId: ZId.optional(),
        status: z.enum(['open', 'closed']).optional(),
        severity: z.enum(FINDING_SEVERITIES).optional(),
      }),
      response: { 200: file, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { format, ...f } = req.query;
      return send(reply, 'findings', format, 'Findings', await s.exports.findings(actorOf(req), f));
    },
  });

  app.get('/api/v1/audits/export', {
    config: { access: 'audits:read' },
    schema: {
      tags: ['exports'],
      summary: 'Audits as CSV or XLSX, with the filter of the list',
      querystring: z.strictObject({ format: ZFormat, status: z.enum(AUDIT_STATUSES).optional() }),
      response: { 200: file, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { format, ...f } = req.query;
      return send(reply, 'audits', format, 'Audits', await s.exports.audits(actorOf(req), f));
    },
  });

  app.get('/api/v1/components/export', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['exports'],
      summary: 'Common components as CSV or XLSX',
      querystring: z.strictObject({ format: ZFormat }),
      response: { 200: file, ...errorResponses },
    },
    handler: async (req, reply) => send(reply, 'components', req.query.format, 'Components', await s.exports.components(actorOf(req))),
  });
}
