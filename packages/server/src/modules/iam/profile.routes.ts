import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { notFound } from '../../errors.js';
import { errorResponses, ZIdParams } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import * as S from './iam.schema.js';

export function profileRoutes(app: RouteApp, ctx: AppContext, s: Services): void {
  app.post('/api/v1/profile/password', {
    config: { access: 'session' },
    schema: {
      tags: ['profile'],
      summary: 'Change your password (ends your other sessions)',
      body: S.ZChangePasswordBody,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await s.account.changePassword(actorOf(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/profile/sessions', {
    config: { access: 'session' },
    schema: {
      tags: ['profile'],
      summary: 'Your active sessions',
      response: { 200: z.object({ items: z.array(S.ZSession) }), ...errorResponses },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const rows = await s.repos.sessions.listForUser(ctx.db, actor.orgId, actor.userId);
      return {
        items: rows.map((r) => ({
          id: r.public_id,
          createdAt: r.created_at,
          lastSeenAt: r.last_seen_at,
          ip: r.ip,
          userAgent: r.user_agent,
          current: r.id_hash === actor.sessionIdHash,
        })),
      };
    },
  });

  app.delete('/api/v1/profile/sessions/:id', {
    config: { access: 'session' },
    schema: { tags: ['profile'], summary: 'End one of your sessions', params: ZIdParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      await changeWithAudit(ctx, actorIdentity(actor), async (trx, audit) => {
        const n = await s.repos.sessions.deleteByPublicId(trx, actor.orgId, actor.userId, req.params.id);
        if (n === 0) throw notFound('The session');
        await audit({ action: 'session.end', entityType: 'session', entityId: req.params.id });
      });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/tokens', {
    config: { access: 'session' },
    schema: {
      tags: ['tokens'],
      summary: "Your API tokens (and service accounts' for those who manage them)",
      response: { 200: z.object({ items: z.array(S.ZToken) }), ...errorResponses },
    },
    handler: async (req) => ({ items: await s.tokens.list(actorOf(req)) }),
  });

  app.post('/api/v1/tokens', {
    config: { access: 'session' },
    schema: {
      tags: ['tokens'],
      summary: 'Create an API token; the secret is in this response only',
      body: S.ZCreateTokenBody,
      response: { 201: z.object({ token: S.ZToken, secret: z.string() }), ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.tokens.create(actorOf(req), req.body)),
  });

  app.delete('/api/v1/tokens/:id', {
    config: { access: 'session' },
    schema: { tags: ['tokens'], summary: 'Revoke an API token', params: ZIdParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await s.tokens.revoke(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
