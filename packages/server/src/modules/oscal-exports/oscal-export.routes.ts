import { z } from 'zod';
import { errorResponses, ZId, ZIdParams, ZName } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import { ZSystem } from '../registry/system.schema.js';

const ZOscalDocument = z.record(z.string(), z.unknown()).describe('An OSCAL document in JSON');

const ZImportResult = z.object({
  system: ZSystem,
  classification: z.object({
    classified: z.boolean(),
    method: z.string(),
    levels: z.record(z.string(), z.string()).nullable(),
    securityLevel: z.string().nullable(),
    notation: z.string().nullable(),
    note: z.string(),
  }),
  imported: z.object({
    documentUuid: z.string(),
    title: z.string(),
    securitySensitivityLevel: z.string().nullable(),
    impacts: z.object({ confidentiality: z.string().nullable(), integrity: z.string().nullable(), availability: z.string().nullable() }),
  }),
  requirements: z.object({ inSsp: z.number().int(), matched: z.number().int(), unmatched: z.array(z.string()) }),
  components: z.object({ linked: z.array(z.object({ id: z.string(), name: z.string() })), unmatched: z.array(z.string()) }),
  defaults: z.array(z.string()),
  warnings: z.array(z.string()),
});

/** OSCAL exports (SSP, assessment results, POA&M) and the SSP import. */
export function oscalExportRoutes(app: RouteApp, s: Services, limits: { oscalMaxBytes: number }): void {
  app.get('/api/v1/systems/:id/oscal/ssp', {
    config: { access: 'reports:generate' },
    schema: {
      tags: ['oscal'],
      summary: "The system's OSCAL system security plan (1.1.2; validated before it is sent; audited)",
      params: ZIdParams,
      response: { 200: ZOscalDocument, ...errorResponses },
    },
    handler: async (req, reply) => {
      const r = await s.oscalExports.exportSsp(actorOf(req), req.params.id);
      reply.header('content-disposition', `attachment; filename="${r.fileName}"`);
      return r.document;
    },
  });

  app.get('/api/v1/audits/:id/oscal/assessment-results', {
    config: { access: 'reports:generate' },
    schema: {
      tags: ['oscal'],
      summary: "The audit's OSCAL assessment results: observations per recorded result, findings (validated; audited)",
      params: ZIdParams,
      response: { 200: ZOscalDocument, ...errorResponses },
    },
    handler: async (req, reply) => {
      const r = await s.oscalExports.exportAssessmentResults(actorOf(req), req.params.id);
      reply.header('content-disposition', `attachment; filename="${r.fileName}"`);
      return r.document;
    },
  });

  app.get('/api/v1/oscal/poam', {
    config: { access: 'reports:generate' },
    schema: {
      tags: ['oscal'],
      summary: "The organisation's OSCAL plan of action and milestones from its corrective actions (validated; audited)",
      response: { 200: ZOscalDocument, ...errorResponses },
    },
    handler: async (req, reply) => {
      const r = await s.oscalExports.exportPoam(actorOf(req));
      reply.header('content-disposition', `attachment; filename="${r.fileName}"`);
      return r.document;
    },
  });

  app.post('/api/v1/oscal/ssp/import', {
    config: { access: 'systems:manage-all' },
    bodyLimit: limits.oscalMaxBytes,
    schema: {
      tags: ['oscal'],
      summary: 'Import an OSCAL system security plan as a new system with its implementation statements (validated first; all or nothing)',
      querystring: z.strictObject({ name: ZName.optional(), departmentId: ZId.optional() }),
      body: ZOscalDocument,
      response: { 201: ZImportResult, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(
        await s.oscalExports.importSsp(actorOf(req), req.body, {
          ...(req.query.name !== undefined ? { name: req.query.name } : {}),
          ...(req.query.departmentId !== undefined ? { departmentId: req.query.departmentId } : {}),
        }),
      ),
  });
}
