import { z } from 'zod';
import { errorResponses, ZId, ZIdParams, ZName } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';

const ZOrganisation = z.object({ id: z.string(), name: z.string(), timeZone: z.string(), createdAt: z.string() });
const ZDepartment = z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() });

export function organisationRoutes(app: RouteApp, s: Services): void {
  app.get('/api/v1/organisation', {
    config: { access: 'org:read' },
    schema: { tags: ['organisation'], summary: "The caller's organisation", response: { 200: ZOrganisation, ...errorResponses } },
    handler: async (req) => s.organisation.get(actorOf(req)),
  });

  app.patch('/api/v1/organisation', {
    config: { access: 'org:update' },
    schema: {
      tags: ['organisation'],
      summary: 'Rename the organisation or change its time zone',
      body: z.strictObject({ name: ZName.optional(), timeZone: z.string().min(1).max(64).optional() }),
      response: { 200: ZOrganisation, ...errorResponses },
    },
    handler: async (req) => s.organisation.update(actorOf(req), req.body),
  });

  app.get('/api/v1/departments', {
    config: { access: 'org:read' },
    schema: {
      tags: ['organisation'],
      summary: 'All departments (a tree through parentId)',
      response: { 200: z.object({ items: z.array(ZDepartment) }), ...errorResponses },
    },
    handler: async (req) => s.organisation.departments(actorOf(req)),
  });

  app.post('/api/v1/departments', {
    config: { access: 'departments:manage' },
    schema: {
      tags: ['organisation'],
      summary: 'Create a department',
      body: z.strictObject({ name: ZName, parentId: ZId.nullable().optional() }),
      response: { 201: ZDepartment, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.organisation.createDepartment(actorOf(req), req.body)),
  });

  app.patch('/api/v1/departments/:id', {
    config: { access: 'departments:manage' },
    schema: {
      tags: ['organisation'],
      summary: 'Rename or move a department',
      params: ZIdParams,
      body: z.strictObject({ name: ZName.optional(), parentId: ZId.nullable().optional() }),
      response: { 200: ZDepartment, ...errorResponses },
    },
    handler: async (req) => s.organisation.updateDepartment(actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/v1/departments/:id', {
    config: { access: 'departments:manage' },
    schema: {
      tags: ['organisation'],
      summary: 'Delete an empty department',
      params: ZIdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await s.organisation.deleteDepartment(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
