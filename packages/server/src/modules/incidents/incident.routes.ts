import { REPORT_STAGES } from '@cityshield/core';
import { z } from 'zod';
import { errorResponses, ZFlag, ZId, ZIdParams, ZLine, ZPage, ZPageQuery, ZText } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import { ZEvidence, ZFileQuery } from '../baselines/baseline.schema.js';
import { INCIDENT_STATUSES, SEVERITIES } from './incident.service.js';
import { incidentTypes, reportableSystems } from './incident-reporting.js';

const ZInstant = z.string().datetime({ offset: true }).describe('ISO 8601 with a time zone, e.g. 2026-11-25T08:00:00Z');
const ZStage = z.enum(REPORT_STAGES);

const ZIncidentBody = z.strictObject({
  title: ZLine(300),
  description: ZText(20000).default(''),
  type: z.string().min(1).max(100).nullable().default(null),
  severity: z.enum(SEVERITIES).default('medium'),
  systemIds: z.array(ZId).max(200).default([]),
  personalData: z.boolean().default(false),
  malicious: z.boolean().nullable().default(null),
  detectedAt: ZInstant.nullable().default(null),
  iocs: z.array(ZText(500)).max(500).default([]),
  dedupeKey: z.string().min(1).max(200).nullable().default(null).describe('Repeated reports with the same key fold into the open incident'),
});

const ZPatch = z
  .strictObject({
    title: ZLine(300).optional(),
    description: ZText(20000).optional(),
    type: z.string().min(1).max(100).nullable().optional(),
    severity: z.enum(SEVERITIES).optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    handlerId: ZId.nullable().optional(),
    systemIds: z.array(ZId).max(200).optional(),
    personalData: z.boolean().optional(),
    malicious: z.boolean().nullable().optional(),
    iocs: z.array(ZText(500)).max(500).optional(),
    rootCause: ZText(20000).nullable().optional(),
    lessonsLearned: ZText(20000).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'nothing to change');

const ZSystemRef = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  sector: z.string(),
  securityLevel: z.string().nullable().describe('Null when not classified or not visible to the caller (see levelVisible)'),
  notation: z.string().nullable(),
  levelVisible: z.boolean().describe('Whether the caller may see the level: systems:read-all, or an owner for their own systems'),
});

const ZReportableQuery = z.strictObject({
  q: ZLine(200, 0).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});

const ZListItem = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  type: z.string().nullable(),
  severity: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  significant: z.boolean(),
  detectedAt: z.string(),
  awareAt: z.string().nullable(),
  reportCount: z.number().int(),
  handlerId: z.string().nullable(),
  handlerName: z.string().nullable(),
  nextDeadline: z.object({ stage: ZStage, due: z.string() }).nullable(),
});

const ZDeadline = z.object({
  stage: ZStage,
  due: z.string().nullable(),
  sentAt: z.string().nullable(),
  state: z.enum(['pending', 'due-soon', 'overdue', 'sent', 'sent-late', 'waiting']),
  basis: z.string(),
  remainingMs: z.number().nullable(),
});

const ZIncident = ZListItem.extend({
  typeName: z.string().nullable(),
  description: z.string(),
  personalData: z.boolean(),
  malicious: z.boolean().nullable(),
  criteria: z.array(z.string()),
  iocs: z.array(z.string()),
  rootCause: z.string().nullable(),
  lessonsLearned: z.string().nullable(),
  containedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  source: z.string(),
  timeZone: z.string(),
  deadlines: z.array(ZDeadline),
  systems: z.array(ZSystemRef),
  timeline: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      kind: z.string(),
      text: z.string(),
      evidence: z.object({ id: z.string(), name: z.string() }).nullable(),
      authorName: z.string().nullable(),
    }),
  ),
  reports: z.array(z.object({ stage: ZStage, sentAt: z.string().nullable(), updatedAt: z.string() })),
  actions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      ownerId: z.string().nullable(),
      ownerName: z.string().nullable(),
      dueDate: z.string().nullable(),
      status: z.string(),
      closedAt: z.string().nullable(),
    }),
  ),
  significanceCriteria: z.array(z.object({ key: z.string(), text: z.string() })),
});

const ZReport = z.object({
  incidentId: z.string(),
  ref: z.string(),
  stage: ZStage,
  title: z.string(),
  fields: z.array(z.object({ key: z.string(), label: z.string(), help: z.string(), kind: z.string(), required: z.boolean() })),
  content: z.record(z.string(), z.string()),
  saved: z.boolean(),
  sentAt: z.string().nullable(),
  missing: z.array(z.string()),
  deadline: ZDeadline.nullable(),
  timeZone: z.string(),
});

const ZStageParams = z.strictObject({ id: ZId, stage: ZStage });

export function incidentRoutes(app: RouteApp, s: Services): void {
  app.post('/api/v1/incidents', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['incidents'],
      summary:
        'Record an incident (web app or a tool with an API token); a repeated report with the same dedupe key is counted on the open incident',
      body: ZIncidentBody,
      response: {
        200: z.object({ id: z.string(), ref: z.string(), deduplicated: z.literal(true) }),
        201: z.object({ id: z.string(), ref: z.string(), deduplicated: z.literal(false) }),
        ...errorResponses,
      },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const r = await s.incidents.report(actor, req.body, actor.via === 'token' ? 'api' : 'web');
      return reply.status(r.deduplicated ? 200 : 201).send(r as never);
    },
  });

  app.get('/api/v1/incidents', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['incidents'],
      summary: 'Incidents, filtered and paged (without incidents:read: those you reported or handle)',
      querystring: ZPageQuery.extend({
        status: z.enum(INCIDENT_STATUSES).optional(),
        open: ZFlag.optional(),
        type: z.string().max(100).optional(),
        severity: z.enum(SEVERITIES).optional(),
        systemId: ZId.optional(),
        significant: ZFlag.optional(),
        q: z.string().trim().max(200).optional(),
      }).strict(),
      response: { 200: ZPage(ZListItem), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.incidents.list(actorOf(req), f, page, pageSize);
    },
  });

  app.get('/api/v1/incidents/reportable-systems', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['incidents'],
      summary:
        "The organisation's systems (not retired) a reporter can name as affected, by name; security level and notation only for those who may see them",
      querystring: ZReportableQuery,
      response: { 200: ZPage(ZSystemRef), ...errorResponses },
    },
    handler: async (req) => reportableSystems(s.incidents.db, actorOf(req), req.query),
  });

  app.get('/api/v1/incidents/types', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['incidents'],
      summary: 'The incident types: the threat catalogue (built-in threats and the organisation’s own), keys and names',
      response: {
        200: z.object({ items: z.array(z.object({ key: z.string(), name: z.string(), builtIn: z.boolean() })) }),
        ...errorResponses,
      },
    },
    handler: async (req) => incidentTypes(s.riskThreats, s.incidents.db, actorOf(req)),
  });

  app.get('/api/v1/incidents/board', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['incidents'],
      summary: 'Incidents by status (closed: the last 30 days)',
      response: {
        200: z.object({
          columns: z.array(z.object({ status: z.enum(INCIDENT_STATUSES), count: z.number().int(), items: z.array(ZListItem) })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.incidents.board(actorOf(req)),
  });

  app.get('/api/v1/incidents/metrics', {
    config: { access: 'incidents:read' },
    schema: {
      tags: ['incidents'],
      summary: 'Median time to contain, incidents by type and by sector',
      querystring: z.strictObject({ days: z.coerce.number().int().min(1).max(3650).default(365) }),
      response: {
        200: z.object({
          since: z.string(),
          total: z.number().int(),
          open: z.number().int(),
          significant: z.number().int(),
          medianHoursToContain: z.number().nullable(),
          byType: z.array(z.object({ type: z.string().nullable(), count: z.number().int() })),
          bySector: z.array(z.object({ sector: z.string(), count: z.number().int() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.incidents.metrics(actorOf(req), req.query.days),
  });

  app.get('/api/v1/incidents/:id', {
    config: { access: 'incidents:report' },
    schema: {
      tags: ['incidents'],
      summary: 'An incident with its systems, timeline, deadlines, reports and actions',
      params: ZIdParams,
      response: { 200: ZIncident, ...errorResponses },
    },
    handler: async (req) => s.incidents.get(actorOf(req), req.params.id),
  });

  app.patch('/api/v1/incidents/:id', {
    config: { access: 'incidents:manage' },
    schema: {
      tags: ['incidents'],
      summary: 'Change an incident; closing needs root cause and lessons learned',
      params: ZIdParams,
      body: ZPatch,
      response: { 200: ZIncident, ...errorResponses },
    },
    handler: async (req) => s.incidents.update(actorOf(req), req.params.id, req.body),
  });

  app.put('/api/v1/incidents/:id/significance', {
    config: { access: 'incidents:manage' },
    schema: {
      tags: ['incidents'],
      summary:
        'Mark significant under NIS2 with the criteria and the moment of awareness (starts the clocks; deadlines are computed, never set)',
      params: ZIdParams,
      body: z.strictObject({ significant: z.boolean(), criteria: z.array(z.string().max(100)).max(20), awareAt: ZInstant }),
      response: { 200: ZIncident, ...errorResponses },
    },
    handler: async (req) => s.incidents.significance(actorOf(req), req.params.id, req.body),
  });

  app.post('/api/v1/incidents/:id/timeline', {
    config: { access: 'incidents:manage' },
    schema: {
      tags: ['incidents'],
      summary: 'Add a dated entry to the timeline (who did what)',
      params: ZIdParams,
      body: z.strictObject({ at: ZInstant.nullable().default(null), text: ZText(10000).trim().min(1) }),
      response: { 200: ZIncident, ...errorResponses },
    },
    handler: async (req) => s.incidents.addEntry(actorOf(req), req.params.id, req.body),
  });

  app.post('/api/v1/incidents/:id/actions', {
    config: { access: 'incidents:manage' },
    schema: {
      tags: ['incidents'],
      summary: 'Plan a corrective action from the incident',
      params: ZIdParams,
      body: z.strictObject({
        title: ZLine(300),
        description: ZText(10000).default(''),
        ownerId: ZId.nullable().default(null),
        dueDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .nullable()
          .default(null),
      }),
      response: { 200: ZIncident, ...errorResponses },
    },
    handler: async (req) => s.incidents.addAction(actorOf(req), req.params.id, req.body),
  });

  // The NIS2 reports are the handlers' documents to the authority (with their analysis and the
  // affected systems' classes): those who see every incident read them, not every reporter.
  app.get('/api/v1/incidents/:id/reports/:stage', {
    config: { access: 'incidents:read' },
    schema: {
      tags: ['incidents'],
      summary: 'A report: the saved text, or a draft from the incident with what Article 23 requires',
      params: ZStageParams,
      response: { 200: ZReport, ...errorResponses },
    },
    handler: async (req) => s.incidentReports.get(actorOf(req), req.params.id, req.params.stage),
  });

  app.put('/api/v1/incidents/:id/reports/:stage', {
    config: { access: 'incidents:manage' },
    schema: {
      tags: ['incidents'],
      summary: 'Save the completed report (until it is sent)',
      params: ZStageParams,
      body: z.strictObject({ content: z.record(z.string().max(100), ZText(20000)) }),
      response: { 200: ZReport, ...errorResponses },
    },
    handler: async (req) => s.incidentReports.save(actorOf(req), req.params.id, req.params.stage, req.body.content),
  });

  app.post('/api/v1/incidents/:id/reports/:stage/sent', {
    config: { access: 'incidents:manage' },
    schema: {
      tags: ['incidents'],
      summary: 'Mark the report as sent at the given time (stops its clock)',
      params: ZStageParams,
      body: z.strictObject({ sentAt: ZInstant }),
      response: { 200: ZReport, ...errorResponses },
    },
    handler: async (req) => s.incidentReports.markSent(actorOf(req), req.params.id, req.params.stage, req.body.sentAt),
  });

  app.get('/api/v1/incidents/:id/reports/:stage/export', {
    config: { access: 'incidents:read' },
    schema: {
      tags: ['incidents'],
      summary: 'The report as PDF or JSON (attachment)',
      params: ZStageParams,
      querystring: z.strictObject({ format: z.enum(['pdf', 'json']).default('pdf') }),
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const { id, stage } = req.params;
      const name = `${stage}-${id}`;
      if (req.query.format === 'json') {
        const json = await s.incidentReports.exportJson(actor, id, stage);
        return reply
          .header('content-disposition', `attachment; filename="${name}.json"`)
          .type('application/json')
          .send(JSON.stringify(json, null, 2));
      }
      const pdf = await s.incidentReports.exportPdf(actor, id, stage);
      return reply.header('content-disposition', `attachment; filename="${name}.pdf"`).type('application/pdf').send(pdf);
    },
  });
}

/** File evidence on the incident timeline: raw bodies, registered in the upload scope. */
export function incidentUploadRoutes(app: RouteApp, s: Services, limits: { evidenceMaxBytes: number }): void {
  app.post('/api/v1/incidents/:id/evidence', {
    config: { access: 'incidents:manage' },
    bodyLimit: limits.evidenceMaxBytes,
    schema: {
      tags: ['incidents'],
      summary: 'Attach a file to the incident timeline (same types and limits as requirement evidence)',
      params: ZIdParams,
      querystring: ZFileQuery,
      response: { 201: ZEvidence, ...errorResponses },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      await s.incidents.row(s.incidents.db, actor, req.params.id);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const e = await s.evidence.addFile(actor, { type: 'incident', id: req.params.id }, req.query.name, body);
      await s.incidents.attachEvidence(actor, req.params.id, e.id, e.name);
      return reply.status(201).send(e);
    },
  });
}
