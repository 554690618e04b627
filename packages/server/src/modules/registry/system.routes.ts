import { z } from 'zod';
import { errorResponses, ZId, ZIdParams, ZPage } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import * as S from './system.schema.js';

const ZEdgeParams = z.strictObject({ id: ZId, dependsOnId: ZId });

export function systemRoutes(app: RouteApp, s: Services): void {
  app.get('/api/v1/systems', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['register'],
      summary: 'Information systems, paged and filtered (system owners see their own)',
      querystring: S.ZSystemQuery,
      response: { 200: ZPage(S.ZSystem), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, ...f } = req.query;
      return s.systems.list(actorOf(req), f, page, pageSize);
    },
  });

  app.post('/api/v1/systems', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['register'],
      summary: 'Register a system (a system owner registers their own)',
      body: S.ZSystemBody,
      response: { 201: S.ZSystem, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.systems.create(actorOf(req), req.body)),
  });

  app.get('/api/v1/systems/:id', {
    config: { access: 'systems:read' },
    schema: { tags: ['register'], summary: 'One system', params: ZIdParams, response: { 200: S.ZSystem, ...errorResponses } },
    handler: async (req) => s.systems.get(actorOf(req), req.params.id),
  });

  app.patch('/api/v1/systems/:id', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['register'],
      summary: 'Change a system',
      params: ZIdParams,
      body: S.ZSystemPatch,
      response: { 200: S.ZSystem, ...errorResponses },
    },
    handler: async (req) => s.systems.update(actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/v1/systems/:id', {
    config: { access: 'systems:manage-all' },
    schema: {
      tags: ['register'],
      summary: 'Delete a system and its dependencies',
      params: ZIdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await s.systems.remove(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/systems/:id/graph', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['register'],
      summary: 'The dependency neighbourhood of a system (edges point from a system to what it depends on)',
      params: ZIdParams,
      querystring: z.strictObject({ depth: z.coerce.number().int().min(1).max(5).default(2) }),
      response: { 200: S.ZGraph, ...errorResponses },
    },
    handler: async (req) => s.systems.graph(actorOf(req), req.params.id, req.query.depth),
  });

  app.post('/api/v1/systems/:id/dependencies', {
    config: { access: 'systems:edit' },
    schema: {
      tags: ['register'],
      summary: 'Record that this system depends on another (cycles are refused)',
      params: ZIdParams,
      body: S.ZDependencyBody,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await s.systems.addDependency(actorOf(req), req.params.id, req.body.dependsOnId);
      return reply.status(204).send(null);
    },
  });

  app.delete('/api/v1/systems/:id/dependencies/:dependsOnId', {
    config: { access: 'systems:edit' },
    schema: { tags: ['register'], summary: 'Remove a dependency', params: ZEdgeParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await s.systems.removeDependency(actorOf(req), req.params.id, req.params.dependsOnId);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/sectors', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['register'],
      summary: "Sectors: the built-in list and the organisation's own",
      response: { 200: z.object({ items: z.array(S.ZSector) }), ...errorResponses },
    },
    handler: async (req) => s.systems.sectors(actorOf(req)),
  });

  app.post('/api/v1/sectors', {
    config: { access: 'systems:manage-all' },
    schema: {
      tags: ['register'],
      summary: "Add a sector to the organisation's list",
      body: S.ZSectorBody,
      response: { 201: S.ZSector, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.systems.addSector(actorOf(req), req.body.key, req.body.name)),
  });
}
