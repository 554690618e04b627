import { DEFAULT_ROLES, PERMISSIONS } from '@cityshield/core';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { errorResponses, ZIdParams, ZPage } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import { buildMe, meta, setSessionCookie } from './auth.routes.js';
import * as S from './iam.schema.js';
import { assertMayGrant } from './user.service.js';

export function userRoutes(app: RouteApp, ctx: AppContext, s: Services): void {
  app.get('/api/v1/users', {
    config: { access: 'users:read' },
    schema: {
      tags: ['users'],
      summary: 'Users of the organisation, paged and searchable',
      querystring: S.ZUserListQuery,
      response: { 200: ZPage(S.ZUser), ...errorResponses },
    },
    handler: async (req) => {
      const { page, pageSize, ...filter } = req.query;
      return s.users.list(actorOf(req), filter, page, pageSize);
    },
  });

  app.get('/api/v1/users/:id', {
    config: { access: 'users:read' },
    schema: { tags: ['users'], summary: 'One user', params: ZIdParams, response: { 200: S.ZUser, ...errorResponses } },
    handler: async (req) => s.users.get(actorOf(req), req.params.id),
  });

  app.patch('/api/v1/users/:id', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: "Change a user's name, role, department or disable them",
      params: ZIdParams,
      body: S.ZUserPatch,
      response: { 200: S.ZUser, ...errorResponses },
    },
    handler: async (req) => s.users.update(actorOf(req), req.params.id, req.body),
  });

  app.post('/api/v1/users/:id/end-sessions', {
    config: { access: 'users:manage' },
    schema: { tags: ['users'], summary: 'Log a user out everywhere', params: ZIdParams, response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      await s.users.endSessions(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/users/:id/unlock', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: 'Lift a temporary lockout after failed log-ins',
      params: ZIdParams,
      response: { 200: S.ZUser, ...errorResponses },
    },
    handler: async (req) => s.users.unlock(actorOf(req), req.params.id),
  });

  app.post('/api/v1/users/:id/reset-link', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: 'Create a password-reset link for a user to pass on (when there is no e-mail)',
      params: ZIdParams,
      response: { 201: z.object({ link: z.string() }), ...errorResponses },
    },
    handler: async (req, reply) => {
      const actor = actorOf(req);
      const user = await s.users.get(actor, req.params.id);
      await assertMayGrant(ctx.db, s.repos, actor, user.role);
      const link = await s.account.createResetLink(user.id, actor.orgId, {
        orgId: actor.orgId,
        userId: actor.userId,
        email: actor.email,
        ip: meta(req).ip,
      });
      return reply.status(201).send({ link });
    },
  });

  app.post('/api/v1/service-accounts', {
    config: { access: 'tokens:manage-service' },
    schema: {
      tags: ['users'],
      summary: 'Create a service account for an integration',
      body: S.ZServiceAccountBody,
      response: { 201: S.ZUser, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.users.createServiceAccount(actorOf(req), req.body.name, req.body.role)),
  });

  app.get('/api/v1/invitations', {
    config: { access: 'users:read' },
    schema: {
      tags: ['invitations'],
      summary: 'Invitations, paged',
      querystring: S.ZInvitationListQuery,
      response: { 200: ZPage(S.ZInvitation), ...errorResponses },
    },
    handler: async (req) => s.invitations.list(actorOf(req), req.query.status, req.query.page, req.query.pageSize),
  });

  app.post('/api/v1/invitations', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['invitations'],
      summary: 'Invite a colleague by e-mail with a role',
      body: S.ZInviteBody,
      response: { 201: S.ZInviteResponse, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await s.invitations.invite(actorOf(req), req.body)),
  });

  app.delete('/api/v1/invitations/:id', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['invitations'],
      summary: 'Revoke a pending invitation',
      params: ZIdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await s.invitations.revoke(actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/invitations/lookup', {
    config: { access: 'public' },
    schema: {
      tags: ['invitations'],
      summary: 'What an invitation link is for',
      querystring: S.ZTokenQuery,
      response: { 200: S.ZInvitationLookup, ...errorResponses },
    },
    handler: async (req) => s.invitations.lookup(req.query.token),
  });

  app.post('/api/v1/invitations/accept', {
    config: { access: 'public' },
    schema: {
      tags: ['invitations'],
      summary: 'Accept an invitation: create the account and log in',
      body: S.ZAcceptInvitationBody,
      response: { 201: S.ZMeResponse, ...errorResponses },
    },
    handler: async (req, reply) => {
      const r = await s.invitations.accept(req.body.token, req.body.name, req.body.password, meta(req));
      setSessionCookie(ctx, reply, r.cookie);
      return reply.status(201).send({ user: await buildMe(ctx, s, r.user), csrfToken: r.csrfToken });
    },
  });

  app.get('/api/v1/roles', {
    config: { access: 'roles:read' },
    schema: {
      tags: ['roles'],
      summary: 'Roles and their permissions in this organisation',
      response: { 200: z.object({ items: z.array(S.ZRole) }), ...errorResponses },
    },
    handler: async (req) => {
      const map = await s.repos.roles.all(ctx.db, actorOf(req).orgId);
      return {
        items: DEFAULT_ROLES.map((r) => ({
          key: r.key,
          name: r.name,
          description: r.description,
          permissions: (map.get(r.key) ?? []).sort(),
        })),
      };
    },
  });

  app.get('/api/v1/permissions', {
    config: { access: 'roles:read' },
    schema: {
      tags: ['roles'],
      summary: 'Every permission and what it allows',
      response: { 200: z.object({ items: z.array(z.object({ key: z.string(), description: z.string() })) }), ...errorResponses },
    },
    handler: async () => ({ items: Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description })) }),
  });
}
