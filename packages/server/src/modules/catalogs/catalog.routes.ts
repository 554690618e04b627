import { validateOscal } from '@cityshield/core';
import { z } from 'zod';
import { errorResponses, ZId, ZIdParams, ZPage } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import * as S from './catalog.schema.js';

const ZOscalBody = z.record(z.string(), z.unknown()).describe('An OSCAL document in JSON');

export function catalogRoutes(app: RouteApp, s: Services, limits: { oscalMaxBytes: number }): void {
  app.get('/api/v1/catalogs', {
    config: { access: 'catalogs:read' },
    schema: {
      tags: ['catalogs'],
      summary: 'The catalog library: built-in and imported catalogs and profiles',
      response: { 200: z.object({ items: z.array(S.ZCatalogSummary) }), ...errorResponses },
    },
    handler: async (req) => s.catalogs.list(actorOf(req)),
  });

  app.get('/api/v1/catalogs/:id', {
    config: { access: 'catalogs:read' },
    schema: {
      tags: ['catalogs'],
      summary: 'A catalog or profile with its versions, newest first',
      params: ZIdParams,
      response: { 200: S.ZCatalog, ...errorResponses },
    },
    handler: async (req) => s.catalogs.get(actorOf(req), req.params.id),
  });

  app.post('/api/v1/catalogs/import', {
    config: { access: 'catalogs:manage' },
    bodyLimit: limits.oscalMaxBytes,
    schema: {
      tags: ['catalogs'],
      summary: 'Import an OSCAL catalog or profile (validated and, for a profile, resolved first; all or nothing)',
      querystring: S.ZImportQuery,
      body: ZOscalBody,
      response: { 201: S.ZImportResult, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(
        await s.catalogs.import(actorOf(req), req.body, {
          source: req.query.source,
          ...(req.query.using ? { using: req.query.using } : {}),
        }),
      ),
  });

  app.post('/api/v1/oscal/validate', {
    config: { access: 'catalogs:read' },
    bodyLimit: limits.oscalMaxBytes,
    schema: {
      tags: ['catalogs'],
      summary: 'Validate any OSCAL document against the official schema of its version; stores nothing',
      body: ZOscalBody,
      response: { 200: S.ZValidation, ...errorResponses },
    },
    handler: async (req) => {
      const r = validateOscal(req.body);
      return {
        valid: r.valid,
        model: r.model ?? null,
        declaredVersion: r.declaredVersion ?? null,
        schemaVersion: r.schemaVersion ?? null,
        notes: r.notes,
        errors: r.errors.map((e) => ({ pointer: e.pointer, message: e.message })),
        truncated: r.truncated,
      };
    },
  });

  app.get('/api/v1/catalog-versions/:id', {
    config: { access: 'catalogs:read' },
    schema: {
      tags: ['catalogs'],
      summary: 'One version: metadata and its groups with control counts',
      params: ZIdParams,
      response: { 200: S.ZVersionInfo, ...errorResponses },
    },
    handler: async (req) => s.catalogs.versionInfo(actorOf(req), req.params.id),
  });

  app.get('/api/v1/catalog-versions/:id/controls', {
    config: { access: 'catalogs:read' },
    schema: {
      tags: ['catalogs'],
      summary: 'Controls of a version in document order, paged; search across titles and statements',
      params: ZIdParams,
      querystring: S.ZControlsQuery,
      response: { 200: ZPage(S.ZControlRow), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.catalogs.controls(actorOf(req), req.params.id, f, page, pageSize);
    },
  });

  app.get('/api/v1/catalog-versions/:id/controls/:controlId', {
    config: { access: 'catalogs:read' },
    schema: {
      tags: ['catalogs'],
      summary: 'One control with its parameters, parts, props, links and enhancements',
      params: z.strictObject({ id: ZId, controlId: z.string().min(1).max(200) }),
      response: { 200: S.ZControlDetail, ...errorResponses },
    },
    handler: async (req) => s.catalogs.control(actorOf(req), req.params.id, req.params.controlId),
  });

  app.get('/api/v1/catalog-versions/:id/oscal', {
    config: { access: 'catalogs:read' },
    schema: {
      tags: ['catalogs'],
      summary: 'The OSCAL document of a version; for a profile `resolved=true` gives its resolved catalog',
      params: ZIdParams,
      querystring: z.strictObject({
        resolved: z
          .enum(['true', 'false'])
          .optional()
          .transform((v) => v === 'true'),
      }),
      response: { 200: ZOscalBody, ...errorResponses },
    },
    handler: async (req, reply) => {
      const doc = await s.catalogs.export(actorOf(req), req.params.id, req.query.resolved);
      reply.header('content-disposition', `attachment; filename="${req.params.id}${req.query.resolved ? '-resolved' : ''}.json"`);
      return doc;
    },
  });

  app.get('/api/v1/catalog-versions/:id/diff', {
    config: { access: 'catalogs:read' },
    schema: {
      tags: ['catalogs'],
      summary: 'What changed from another version: added, removed and changed controls',
      params: ZIdParams,
      querystring: z.strictObject({ from: ZId }),
      response: { 200: S.ZDiff, ...errorResponses },
    },
    handler: async (req) => s.catalogs.diff(actorOf(req), req.query.from, req.params.id),
  });
}
