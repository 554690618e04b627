import { z } from 'zod';
import { errorResponses, ZId, ZIdParams, ZPage } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import * as S from './baseline.schema.js';

/** Baseline mapping, requirement lists and implementation tracking, the dashboard and "my work". */
export function baselineRoutes(app: RouteApp, s: Services): void {
  app.get('/api/v1/baselines/mapping', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['baselines'],
      summary: 'Which catalog or profile each security level maps to, and the versions to choose from',
      response: { 200: S.ZMapping, ...errorResponses },
    },
    handler: async (req) => s.baselineMapping.get(actorOf(req)),
  });

  app.put('/api/v1/baselines/mapping', {
    config: { access: 'components:manage' },
    schema: {
      tags: ['baselines'],
      summary: 'Map security levels to profiles (null = City Baseline default); recomputes every requirement list',
      body: S.ZMappingBody,
      response: { 200: S.ZMapping, ...errorResponses },
    },
    handler: async (req) => s.baselineMapping.set(actorOf(req), req.body),
  });

  const ZVersionRef = z.object({
    id: z.string(),
    version: z.string(),
    title: z.string(),
    name: z.string(),
    kind: z.string(),
    importedAt: z.string(),
  });
  const ZControlRef = z.object({ id: z.string(), title: z.string() });

  app.get('/api/v1/baselines/upgrades', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['baselines'],
      summary: 'Catalog versions still used by requirement records although a newer version is in the library',
      response: {
        200: z.object({ items: z.array(z.object({ from: ZVersionRef, to: ZVersionRef, systems: z.number().int() })) }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.catalogUpgrade.pending(actorOf(req)),
  });

  app.get('/api/v1/catalog-versions/:id/upgrade-plan', {
    config: { access: 'catalogs:read' },
    schema: {
      tags: ['baselines'],
      summary: "Upgrade plan from an older version: the diff and what it does to the organisation's requirement records",
      params: ZIdParams,
      querystring: z.strictObject({ from: ZId }),
      response: {
        200: z.object({
          from: ZVersionRef,
          to: ZVersionRef,
          systems: z.number().int(),
          records: z.object({ kept: z.number().int(), review: z.number().int(), retired: z.number().int() }),
          newControls: z.number().int(),
          diff: z.object({
            added: z.array(ZControlRef),
            removed: z.array(ZControlRef),
            changed: z.array(ZControlRef.extend({ aspects: z.array(z.string()) })),
            unchanged: z.number().int(),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.catalogUpgrade.plan(actorOf(req), req.params.id, req.query.from),
  });

  app.post('/api/v1/catalog-versions/:id/upgrade', {
    config: { access: 'catalogs:manage' },
    schema: {
      tags: ['baselines'],
      summary: 'Apply the upgrade: keep unchanged, flag changed for review, add new, retire removed; one transaction',
      params: ZIdParams,
      body: z.strictObject({ from: ZId }),
      response: {
        200: z.object({
          from: ZVersionRef,
          to: ZVersionRef,
          result: z.object({
            systems: z.number().int(),
            kept: z.number().int(),
            flaggedForReview: z.number().int(),
            added: z.number().int(),
            retired: z.number().int(),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.catalogUpgrade.apply(actorOf(req), req.params.id, req.body.from),
  });

  app.get('/api/v1/requirements', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['baselines'],
      summary: 'Requirement records across the systems the caller sees, filtered and paged',
      querystring: S.ZRequirementQuery,
      response: { 200: ZPage(S.ZRequirementItem), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.requirements.list(actorOf(req), f, page, pageSize);
    },
  });

  app.get('/api/v1/requirements/:id', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['baselines'],
      summary: "One requirement of a system with the control's text, inheritance, evidence and comments",
      params: ZIdParams,
      response: { 200: S.ZRequirement, ...errorResponses },
    },
    handler: async (req) => s.requirements.get(actorOf(req), req.params.id),
  });

  app.patch('/api/v1/requirements/:id', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['baselines'],
      summary: 'Change status, responsible person, due date, statement or justification (not applicable needs one)',
      params: ZIdParams,
      body: S.ZRequirementPatch,
      response: { 200: S.ZRequirement, ...errorResponses },
    },
    handler: async (req) => s.requirements.update(actorOf(req), req.params.id, req.body),
  });

  app.post('/api/v1/requirements/bulk', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['baselines'],
      summary: 'The same change to up to 5,000 requirements, across systems; all or nothing',
      body: S.ZBulkBody,
      response: { 200: z.object({ updated: z.number().int(), systems: z.number().int() }), ...errorResponses },
    },
    handler: async (req) => s.requirements.bulkUpdate(actorOf(req), req.body.ids, req.body.set),
  });

  app.post('/api/v1/requirements/:id/comments', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['baselines'],
      summary: 'Comment on a requirement',
      params: ZIdParams,
      body: z.strictObject({ body: z.string().trim().min(1).max(10000) }),
      response: { 201: S.ZComment, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.requirements.comment(actorOf(req), req.params.id, req.body.body)),
  });

  app.get('/api/v1/systems/:id/requirements/progress', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['baselines'],
      summary: "A system's requirement counts by status and family, and its latest list change",
      params: ZIdParams,
      response: { 200: S.ZProgress, ...errorResponses },
    },
    handler: async (req) => s.requirements.systemProgress(actorOf(req), req.params.id),
  });

  app.get('/api/v1/systems/:id/baseline/changes', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['baselines'],
      summary: "How a system's requirement list changed (added, retired, flagged for review), newest first",
      params: ZIdParams,
      response: { 200: S.ZBaselineChanges, ...errorResponses },
    },
    handler: async (req) => s.requirements.changes(actorOf(req), req.params.id),
  });

  app.get('/api/v1/dashboard/compliance', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['baselines'],
      summary: 'City-wide compliance by department, level, family and sector, with trend (owners: their systems)',
      querystring: S.ZDashboardQuery,
      response: { 200: S.ZDashboard, ...errorResponses },
    },
    handler: async (req) => s.dashboard.compliance(actorOf(req), req.query),
  });

  app.get('/api/v1/my/work', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['baselines'],
      summary: 'Open requirements assigned to me (overdue first) and my systems waiting for (re)classification',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: S.ZMyWork, ...errorResponses },
    },
    handler: async (req) => s.myWork.get(actorOf(req), req.query.limit),
  });

  app.get('/api/v1/components', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['components'],
      summary: 'Common components with how many systems use them and what they implement',
      response: {
        200: z.object({
          items: z.array(S.ZComponent.extend({ systems: z.number().int(), requirements: z.number().int(), implemented: z.number().int() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.components.list(actorOf(req)),
  });

  app.post('/api/v1/components', {
    config: { access: 'components:manage' },
    schema: {
      tags: ['components'],
      summary: 'Create a common component',
      body: S.ZComponentBody,
      response: { 201: S.ZComponent, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.components.create(actorOf(req), req.body)),
  });

  app.get('/api/v1/components/:id', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['components'],
      summary: 'A component with its implementations and the systems that use it',
      params: ZIdParams,
      response: { 200: S.ZComponentDetail, ...errorResponses },
    },
    handler: async (req) => s.components.get(actorOf(req), req.params.id),
  });

  app.patch('/api/v1/components/:id', {
    config: { access: 'components:manage' },
    schema: {
      tags: ['components'],
      summary: 'Change a component',
      params: ZIdParams,
      body: S.ZComponentBody.partial(),
      response: { 200: S.ZComponent, ...errorResponses },
    },
    handler: async (req) => s.components.update(actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/v1/components/:id', {
    config: { access: 'components:manage' },
    schema: { tags: ['components'], summary: 'Delete a component; systems fall back to their own statuses', params: ZIdParams },
    handler: async (req, reply) => {
      await s.components.remove(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  app.put('/api/v1/components/:id/requirements/:controlId', {
    config: { access: 'components:manage' },
    schema: {
      tags: ['components'],
      summary: 'How the component implements a control; systems using it inherit this',
      params: S.ZControlParams,
      body: S.ZComponentRequirementBody,
      response: { 200: z.object({ controlId: z.string(), status: S.ZStatus, systemsAffected: z.number().int() }), ...errorResponses },
    },
    handler: async (req) => s.components.setRequirement(actorOf(req), req.params.id, req.params.controlId, req.body),
  });

  app.get('/api/v1/component-requirements/:id/evidence', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['evidence'],
      summary: "The files and links that show a component's implementation (every system using it shows them as inherited)",
      params: ZIdParams,
      response: { 200: z.object({ items: z.array(S.ZEvidence) }), ...errorResponses },
    },
    handler: async (req) => ({ items: await s.evidence.ofComponentRequirement(actorOf(req), req.params.id) }),
  });

  app.delete('/api/v1/components/:id/requirements/:controlId', {
    config: { access: 'components:manage' },
    schema: { tags: ['components'], summary: 'Stop implementing a control in the component', params: S.ZControlParams },
    handler: async (req, reply) => {
      await s.components.removeRequirement(actorOf(req), req.params.id, req.params.controlId);
      return reply.status(204).send();
    },
  });

  app.get('/api/v1/systems/:id/components', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['components'],
      summary: 'The common components a system uses',
      params: ZIdParams,
      response: { 200: z.object({ items: z.array(S.ZComponent) }), ...errorResponses },
    },
    handler: async (req) => s.components.usedBy(actorOf(req), req.params.id),
  });

  app.post('/api/v1/systems/:id/components', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['components'],
      summary: 'Declare that a system uses a component (it inherits its implementations)',
      params: ZIdParams,
      body: z.strictObject({ componentId: ZId }),
    },
    handler: async (req, reply) => {
      await s.components.use(actorOf(req), req.params.id, req.body.componentId, true);
      return reply.status(204).send();
    },
  });

  app.delete('/api/v1/systems/:id/components/:componentId', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['components'],
      summary: 'A system stops using a component',
      params: z.strictObject({ id: ZId, componentId: ZId }),
    },
    handler: async (req, reply) => {
      await s.components.use(actorOf(req), req.params.id, req.params.componentId, false);
      return reply.status(204).send();
    },
  });
}

/** Routes with bodies that are not JSON objects: OSCAL documents and evidence files. */
export function baselineUploadRoutes(app: RouteApp, s: Services, limits: { oscalMaxBytes: number; evidenceMaxBytes: number }): void {
  app.post('/api/v1/components/import', {
    config: { access: 'components:manage' },
    bodyLimit: limits.oscalMaxBytes,
    schema: {
      tags: ['components'],
      summary: 'Import common components from an OSCAL component definition (validated first; all or nothing)',
      body: z.record(z.string(), z.unknown()),
      response: {
        201: z.object({ created: z.array(z.object({ id: z.string(), name: z.string(), requirements: z.number().int() })) }),
        ...errorResponses,
      },
    },
    handler: async (req, reply) => reply.status(201).send(await s.components.importDefinition(actorOf(req), req.body)),
  });

  const fileRoute = (path: string, type: 'requirement' | 'component-requirement', access: 'systems:edit' | 'components:manage') =>
    app.post(path, {
      config: { access },
      bodyLimit: limits.evidenceMaxBytes,
      schema: {
        tags: ['evidence'],
        summary: `Attach a file as evidence (raw body; allowed types are checked by content; ${Math.round(limits.evidenceMaxBytes / 1048576)} MB at most)`,
        params: ZIdParams,
        querystring: S.ZFileQuery,
        response: { 201: S.ZEvidence, ...errorResponses },
      },
      handler: async (req, reply) => {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return reply.status(201).send(await s.evidence.addFile(actorOf(req), { type, id: req.params.id }, req.query.name, body));
      },
    });
  fileRoute('/api/v1/requirements/:id/evidence', 'requirement', 'systems:edit');
  fileRoute('/api/v1/component-requirements/:id/evidence', 'component-requirement', 'components:manage');

  app.post('/api/v1/requirements/:id/evidence/link', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['evidence'],
      summary: 'Attach a link as evidence',
      params: ZIdParams,
      body: S.ZLinkBody,
      response: { 201: S.ZEvidence, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await s.evidence.addLink(actorOf(req), { type: 'requirement', id: req.params.id }, req.body.name, req.body.url)),
  });

  app.post('/api/v1/component-requirements/:id/evidence/link', {
    config: { access: 'components:manage' },
    schema: {
      tags: ['evidence'],
      summary: "Attach a link as evidence of a component's implementation",
      params: ZIdParams,
      body: S.ZLinkBody,
      response: { 201: S.ZEvidence, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await s.evidence.addLink(actorOf(req), { type: 'component-requirement', id: req.params.id }, req.body.name, req.body.url)),
  });

  app.get('/api/v1/evidence/:id/file', {
    config: { access: 'systems:read' },
    schema: { tags: ['evidence'], summary: 'Download an evidence file', params: ZIdParams },
    handler: async (req, reply) => {
      const file = await s.evidence.download(actorOf(req), req.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.stream);
    },
  });

  app.delete('/api/v1/evidence/:id', {
    config: { access: 'systems:edit' },
    schema: { tags: ['evidence'], summary: 'Remove evidence', params: ZIdParams },
    handler: async (req, reply) => {
      await s.evidence.remove(actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  });
}
