import { z } from 'zod';
import { errorResponses, ZPage } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';

const ZAuditEntry = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

const ZAuditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(254).optional(),
  entityType: z.string().trim().max(100).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});

/** Dates from the filter become the UTC ISO strings the log stores; a bare `to` date includes that day. */
function bound(v: string | undefined, endOfDay: boolean): string | undefined {
  if (!v) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z`;
  return new Date(v).toISOString();
}

export function auditRoutes(app: RouteApp, s: Services): void {
  app.get('/api/v1/audit', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'The audit log, newest first, paged and filtered',
      querystring: ZAuditQuery,
      response: { 200: ZPage(ZAuditEntry), ...errorResponses },
    },
    handler: async (req) => {
      const q = req.query;
      const filter = {
        ...(q.action ? { action: q.action } : {}),
        ...(q.actor ? { actor: q.actor } : {}),
        ...(q.entityType ? { entityType: q.entityType } : {}),
        ...(q.from ? { from: bound(q.from, false) } : {}),
        ...(q.to ? { to: bound(q.to, true) } : {}),
      };
      return s.audit.list(actorOf(req).orgId, filter, q.page, q.pageSize);
    },
  });

  app.get('/api/v1/audit/verify', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'Verify the hash chain and report the first broken link',
      response: {
        200: z.object({ ok: z.boolean(), checked: z.number().int(), brokenAt: z.number().int().nullable(), reason: z.string().nullable() }),
        ...errorResponses,
      },
    },
    handler: async (req) => s.audit.verify(actorOf(req).orgId),
  });
}
