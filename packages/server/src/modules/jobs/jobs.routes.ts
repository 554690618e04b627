import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { errorResponses, ZPage } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';

const ZJob = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  key: z.string().nullable(),
});

export function jobRoutes(app: RouteApp, ctx: AppContext): void {
  app.get('/api/v1/jobs', {
    config: { access: 'jobs:read' },
    schema: {
      tags: ['jobs'],
      summary: 'Background jobs of the organisation and the system',
      querystring: z.strictObject({
        page: z.coerce.number().int().min(1).max(100000).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(25),
        status: z.enum(['queued', 'running', 'succeeded', 'failed']).optional(),
      }),
      response: { 200: ZPage(ZJob), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, status } = req.query;
      const { items, total } = await ctx.jobs.list(actorOf(req).orgId, status, page, pageSize);
      return {
        items: items.map((j) => ({
          id: j.id,
          name: j.name,
          status: j.status,
          attempts: Number(j.attempts),
          maxAttempts: Number(j.max_attempts),
          runAt: j.run_at,
          startedAt: j.started_at,
          finishedAt: j.finished_at,
          lastError: j.last_error,
          key: j.key,
        })),
        total,
        page,
        pageSize,
      };
    },
  });
}
