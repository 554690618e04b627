import { z } from 'zod';
import { errorResponses, ZIdParams, ZPage } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import * as S from './risk.schema.js';

/**
 * The risk register. Reading needs `risks:read` (system owners: the risks of their own systems);
 * recording and editing a risk needs `risks:manage` for any system or component, or `systems:edit`
 * and ownership of the system (checked in the service); the matrix and own threats need
 * `risks:manage`.
 */
export function riskRoutes(app: RouteApp, s: Services): void {
  const tags = ['risks'];

  app.get('/api/v1/risks/matrix', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: "The organisation's risk matrix (the default 5×5 until it sets its own)",
      response: { 200: S.ZMatrix, ...errorResponses },
    },
    handler: async (req) => s.riskMatrix.get(actorOf(req)),
  });

  app.put('/api/v1/risks/matrix', {
    config: { access: 'risks:manage' },
    schema: {
      tags,
      summary: 'Set the risk matrix (3–5 steps per axis, labels, rating bands or a cell table); re-rates every risk',
      body: S.ZMatrixBody,
      response: { 200: S.ZMatrixResult, ...errorResponses },
    },
    handler: async (req) => s.riskMatrix.set(actorOf(req), req.body),
  });

  app.get('/api/v1/risks/threats', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'The threat catalogue: built-in threats and the organisation’s own, with how many risks use each',
      response: { 200: z.object({ items: z.array(S.ZThreat) }), ...errorResponses },
    },
    handler: async (req) => s.riskThreats.list(actorOf(req)),
  });

  app.post('/api/v1/risks/threats', {
    config: { access: 'risks:manage' },
    schema: { tags, summary: 'Add an own threat to the catalogue', body: S.ZThreatBody, response: { 201: S.ZThreat, ...errorResponses } },
    handler: async (req, reply) => reply.status(201).send(await s.riskThreats.create(actorOf(req), req.body)),
  });

  app.patch('/api/v1/risks/threats/:key', {
    config: { access: 'risks:manage' },
    schema: {
      tags,
      summary: 'Change an own threat (built-in threats are read-only)',
      params: S.ZThreatParams,
      body: S.ZThreatPatch,
      response: { 200: S.ZThreat, ...errorResponses },
    },
    handler: async (req) => s.riskThreats.update(actorOf(req), req.params.key, req.body),
  });

  app.delete('/api/v1/risks/threats/:key', {
    config: { access: 'risks:manage' },
    schema: { tags, summary: 'Delete an own threat no risk or incident uses', params: S.ZThreatParams },
    handler: async (req, reply) => {
      await s.riskThreats.remove(actorOf(req), req.params.key);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/risks', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'Risks the caller may see, filtered, sorted (residual score first by default) and paged',
      querystring: S.ZRiskQuery,
      response: { 200: ZPage(S.ZRiskItem), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.risks.list(actorOf(req), f, page, pageSize);
    },
  });

  app.post('/api/v1/risks', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'Record a risk of a system or component (system owners: of their own systems)',
      body: S.ZRiskBody,
      response: { 201: S.ZRisk, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.risks.create(actorOf(req), req.body)),
  });

  app.get('/api/v1/risks/heatmap', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'Open risks per matrix cell, inherent beside residual',
      querystring: z.strictObject({ systemId: z.string().uuid().optional() }),
      response: { 200: S.ZHeatmap, ...errorResponses },
    },
    handler: async (req) => s.riskOverview.heatmap(actorOf(req), req.query.systemId),
  });

  app.get('/api/v1/risks/top', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'The open risks with the highest residual score',
      querystring: S.ZScopeQuery,
      response: { 200: z.object({ items: z.array(S.ZRiskItem) }), ...errorResponses },
    },
    handler: async (req) => s.riskOverview.top(actorOf(req), req.query.limit, req.query.systemId),
  });

  app.get('/api/v1/risks/unmitigated', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'Open "reduce" risks whose linked requirements are not implemented, with those requirements',
      querystring: S.ZScopeQuery,
      response: { 200: z.object({ items: z.array(S.ZUnmitigatedItem) }), ...errorResponses },
    },
    handler: async (req) => s.riskOverview.unmitigated(actorOf(req), req.query.limit, req.query.systemId),
  });

  app.get('/api/v1/risks/acceptances/expiring', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'Accepted risks whose acceptance ends within N days (or has ended)',
      querystring: S.ZExpiringQuery,
      response: { 200: z.object({ items: z.array(S.ZRiskItem), until: z.string() }), ...errorResponses },
    },
    handler: async (req) => s.riskOverview.expiring(actorOf(req), req.query.days, req.query.limit),
  });

  app.get('/api/v1/risks/report.pdf', {
    config: { access: 'risks:read' },
    schema: { tags, summary: 'The council-ready "Risks" section as PDF (heatmaps, top risks, gaps, expiring acceptances)' },
    handler: async (req, reply) => {
      const pdf = await s.riskOverview.reportPdf(actorOf(req));
      return reply.header('content-disposition', 'attachment; filename="risks.pdf"').type('application/pdf').send(pdf);
    },
  });

  app.get('/api/v1/risks/:id', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'A risk with the live implementation status of its linked requirements',
      params: ZIdParams,
      response: { 200: S.ZRisk, ...errorResponses },
    },
    handler: async (req) => s.risks.get(actorOf(req), req.params.id),
  });

  app.patch('/api/v1/risks/:id', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'Change a risk: ratings, treatment (accept needs approver, expiry and reason), owner, review date, status',
      params: ZIdParams,
      body: S.ZRiskPatch,
      response: { 200: S.ZRisk, ...errorResponses },
    },
    handler: async (req) => s.risks.update(actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/v1/risks/:id', {
    config: { access: 'risks:manage' },
    schema: { tags, summary: 'Delete a risk (closing keeps it; deletion is for mistakes)', params: ZIdParams },
    handler: async (req, reply) => {
      await s.risks.remove(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/risks/:id/history', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: "The risk's history from the audit log, newest first",
      params: ZIdParams,
      response: { 200: S.ZHistory, ...errorResponses },
    },
    handler: async (req) => s.risks.history(actorOf(req), req.params.id),
  });

  app.get('/api/v1/systems/:id/risks/suggestions', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'Threats that matter for the system (from its class, kind, sector, personal data and hosting) not yet covered by its risks',
      params: ZIdParams,
      response: { 200: S.ZSuggestions, ...errorResponses },
    },
    handler: async (req) => s.risks.suggestions(actorOf(req), req.params.id),
  });

  app.post('/api/v1/systems/:id/risks/suggestions', {
    config: { access: 'risks:read' },
    schema: {
      tags,
      summary: 'Record chosen suggestions as risks (treatment reduce, linked to the mitigating requirements the system has)',
      params: ZIdParams,
      body: S.ZAcceptSuggestions,
      response: { 201: z.object({ items: z.array(S.ZRiskItem) }), ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await s.risks.acceptSuggestions(actorOf(req), req.params.id, req.body.threatKeys)),
  });
}
