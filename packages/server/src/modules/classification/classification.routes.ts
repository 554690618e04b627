import { z } from 'zod';
import { errorResponses, ZId, ZIdParams, ZPage, ZPageQuery } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import { ZQuestions } from './custom-methods.js';
import { DUE_STATUSES } from './review-due.js';

const ZKey = z.string().min(1).max(100);
const ZClassifyBody = z.strictObject({
  answers: z.record(ZKey, z.union([ZKey, z.array(ZKey).max(20)])).refine((a) => Object.keys(a).length <= 200, 'too many answers'),
  overrides: z.record(ZKey, z.strictObject({ level: ZKey, reason: z.string().trim().max(2000) })).default({}),
  reason: z.string().trim().max(2000).nullable().default(null),
});

const ZClassification = z.object({
  id: z.string(),
  method: z.string(),
  answers: z.record(z.string(), z.unknown()),
  overrides: z.record(z.string(), z.unknown()),
  levels: z.record(z.string(), z.string()),
  explanation: z.unknown(),
  securityLevel: z.string().nullable(),
  notation: z.string(),
  reason: z.string().nullable(),
  classifiedBy: z.string(),
  classifiedAt: z.string(),
  reviewDue: z.string().nullable(),
});

const ZRef = z.object({ id: z.string(), name: z.string() }).nullable();

export function classificationRoutes(app: RouteApp, s: Services): void {
  app.get('/api/v1/classification/method', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['classification'],
      summary: "The organisation's classification method with its questionnaire, and the methods to choose from",
      response: {
        200: z.object({
          method: z.unknown(),
          questions: z.array(z.unknown()),
          available: z.array(z.object({ key: z.string(), name: z.string() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.classification.methodWithQuestions(actorOf(req)),
  });

  app.put('/api/v1/classification/method', {
    config: { access: 'systems:manage-all' },
    schema: {
      tags: ['classification'],
      summary: 'Choose the classification method of the organisation',
      body: z.strictObject({ method: ZKey }),
      response: {
        200: z.object({
          method: z.unknown(),
          questions: z.array(z.unknown()),
          available: z.array(z.object({ key: z.string(), name: z.string() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.classification.chooseMethod(actorOf(req), req.body.method),
  });

  app.get('/api/v1/systems/:id/classification', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['classification'],
      summary: "A system's own classification and its effective protection need after inheritance",
      params: ZIdParams,
      response: {
        200: z.object({
          method: z.string(),
          latest: ZClassification.nullable(),
          effective: z
            .object({
              levels: z.record(z.string(), z.string().optional()),
              securityLevel: z.string().nullable(),
              provenance: z.array(z.object({ dimension: z.string(), source: z.string(), from: ZRef, origin: ZRef })),
            })
            .nullable(),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.classification.current(actorOf(req), req.params.id),
  });

  app.post('/api/v1/systems/:id/classification', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['classification'],
      summary: 'Classify a system from questionnaire answers (overrides need a written reason)',
      params: ZIdParams,
      body: ZClassifyBody,
      response: {
        201: z.object({
          classification: ZClassification,
          changes: z.array(
            z.object({ systemId: z.string(), name: z.string(), dimensions: z.array(z.unknown()), securityLevel: z.unknown() }),
          ),
          baseline: z
            .array(z.object({ systemId: z.string(), added: z.number().int(), removed: z.number().int() }))
            .describe('Requirement lists that changed: requirements added and retired per system'),
        }),
        ...errorResponses,
      },
    },
    handler: async (req, reply) => reply.status(201).send(await s.classification.classifySystem(actorOf(req), req.params.id, req.body)),
  });

  app.get('/api/v1/systems/:id/classification/history', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['classification'],
      summary: 'Every classification of a system, newest first: who, when, why',
      params: ZIdParams,
      response: {
        200: z.object({ items: z.array(ZClassification.extend({ classifiedByName: z.string().nullable() })) }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.classification.history(actorOf(req), req.params.id),
  });

  app.get('/api/v1/classification/due', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['classification'],
      summary: 'Reclassification worklist: systems never classified, or whose review is overdue or due within N days, oldest first',
      querystring: z.strictObject({
        ...ZPageQuery.shape,
        within: z.coerce.number().int().min(0).max(3650).default(30),
        status: z.enum(DUE_STATUSES).optional(),
      }),
      response: {
        200: ZPage(
          z.object({
            systemId: z.string(),
            name: z.string(),
            ownerId: z.string().nullable(),
            ownerName: z.string().nullable(),
            departmentName: z.string().nullable(),
            status: z.enum(DUE_STATUSES),
            notation: z.string().nullable(),
            securityLevel: z.string().nullable(),
            classifiedAt: z.string().nullable(),
            reviewDue: z.string().nullable(),
          }),
        ).extend({ method: z.string(), today: z.string(), horizon: z.string(), within: z.number().int() }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.reviewDue.list(actorOf(req), req.query),
  });

  app.get('/api/v1/classification/methods', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['classification'],
      summary: "The built-in methods and the organisation's own, with the one in use",
      response: {
        200: z.object({
          current: z.string(),
          builtIn: z.array(
            z.object({ key: z.string(), name: z.string(), description: z.string(), method: z.unknown(), questions: z.array(z.unknown()) }),
          ),
          custom: z.array(z.object({ key: z.string(), method: z.unknown(), questions: z.array(z.unknown()), updatedAt: z.string() })),
        }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.customMethods.list(actorOf(req)),
  });

  app.put('/api/v1/classification/methods/:key', {
    config: { access: 'systems:manage-all' },
    schema: {
      tags: ['classification'],
      summary: 'Define or change an own method (dimensions, level names, mapping rule, optional questionnaire)',
      params: z.strictObject({ key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes') }),
      body: z.strictObject({ method: z.record(z.string(), z.unknown()), questions: ZQuestions.default([]) }),
      response: {
        200: z.object({ key: z.string(), method: z.unknown(), questions: z.array(z.unknown()), updatedAt: z.string() }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.customMethods.put(actorOf(req), req.params.key, req.body.method, req.body.questions),
  });

  app.delete('/api/v1/classification/methods/:key', {
    config: { access: 'systems:manage-all' },
    schema: { tags: ['classification'], summary: 'Delete an own method that nothing uses', params: z.strictObject({ key: ZKey }) },
    handler: async (req, reply) => {
      await s.customMethods.remove(actorOf(req), req.params.key);
      return reply.status(204).send();
    },
  });

  const ZDeviation = z.object({
    dimension: z.string(),
    kind: z.enum(['cumulation', 'distribution']),
    justification: z.string(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
  });

  app.get('/api/v1/systems/:id/deviations', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['classification'],
      summary: "Justified deviations from the maximum principle recorded for the system's dimensions",
      params: ZIdParams,
      response: { 200: z.object({ items: z.array(ZDeviation) }), ...errorResponses },
    },
    handler: async (req) => s.deviations.list(actorOf(req), req.params.id),
  });

  const ZDeviationResult = z.object({
    systemsAffected: z.array(z.string()),
    baseline: z.array(z.object({ systemId: z.string(), added: z.number().int(), removed: z.number().int() })),
  });

  app.put('/api/v1/systems/:id/deviations/:dimension', {
    config: { access: 'systems:manage-all' },
    schema: {
      tags: ['classification'],
      summary: 'Record cumulation (one step up) or distribution (one step down) with a written justification',
      params: z.strictObject({ id: ZId, dimension: ZKey }),
      body: z.strictObject({ kind: z.enum(['cumulation', 'distribution']), justification: z.string().trim().max(5000) }),
      response: { 200: ZDeviationResult, ...errorResponses },
    },
    handler: async (req) => s.deviations.set(actorOf(req), req.params.id, req.params.dimension, req.body),
  });

  app.delete('/api/v1/systems/:id/deviations/:dimension', {
    config: { access: 'systems:manage-all' },
    schema: {
      tags: ['classification'],
      summary: 'Remove a deviation: the plain maximum applies again',
      params: z.strictObject({ id: ZId, dimension: ZKey }),
      response: { 200: ZDeviationResult, ...errorResponses },
    },
    handler: async (req) => s.deviations.set(actorOf(req), req.params.id, req.params.dimension, null),
  });
}
