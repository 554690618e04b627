import { DEFAULT_ROLES } from '@cityshield/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { UserRow } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { SESSION_COOKIE } from '../../http/access.js';
import { errorResponses } from '../../http/common.schema.js';
import { actorOf, type RouteApp } from '../../http/route-app.js';
import type { Services } from '../../services.js';
import * as S from './iam.schema.js';

export function meta(req: FastifyRequest) {
  return { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null };
}

export async function buildMe(
  ctx: AppContext,
  s: Services,
  user: Pick<UserRow, 'id' | 'org_id' | 'email' | 'name' | 'role' | 'department_id'>,
): Promise<S.TMe> {
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['name', 'time_zone'])
    .where('id', '=', user.org_id)
    .executeTakeFirstOrThrow();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    roleName: DEFAULT_ROLES.find((r) => r.key === user.role)?.name ?? user.role,
    orgId: user.org_id,
    orgName: org.name,
    orgTimeZone: org.time_zone,
    departmentId: user.department_id,
    permissions: (await s.repos.roles.permissionsOf(ctx.db, user.org_id, user.role)).sort(),
  };
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    maxAge: ctx.config.SESSION_ABSOLUTE_HOURS * 3600,
  });
}

const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

export function authRoutes(app: RouteApp, ctx: AppContext, s: Services): void {
  app.get('/api/v1/setup/status', {
    config: { access: 'public' },
    schema: {
      tags: ['setup'],
      summary: 'Whether the first organisation still has to be created',
      response: { 200: z.object({ needsSetup: z.boolean() }) },
    },
    handler: async () => ({ needsSetup: await s.account.needsSetup() }),
  });

  app.post('/api/v1/setup', {
    config: { access: 'public' },
    schema: {
      tags: ['setup'],
      summary: 'Create the first organisation and administrator with the one-time set-up link',
      body: S.ZSetupBody,
      response: { 201: S.ZMeResponse, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { token, ...input } = req.body;
      const r = await s.account.createOrganisationWithAdmin(input, meta(req), { setupToken: token, startSession: true });
      setSessionCookie(ctx, reply, r.cookie ?? '');
      return reply.status(201).send({ user: await buildMe(ctx, s, r.user), csrfToken: r.csrfToken ?? '' });
    },
  });

  app.post('/api/v1/auth/login', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Log in with e-mail and password',
      body: S.ZLoginBody,
      response: { 200: S.ZMeResponse, ...errorResponses },
    },
    handler: async (req, reply) => {
      const r = await s.auth.login(req.body.email, req.body.password, meta(req));
      setSessionCookie(ctx, reply, r.cookie);
      return { user: await buildMe(ctx, s, r.user), csrfToken: r.csrfToken };
    },
  });

  app.post('/api/v1/auth/logout', {
    config: { access: 'session' },
    schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      if (req.actor) await s.auth.logout(req.actor);
      clearCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/auth/logout-all', {
    config: { access: 'session' },
    schema: { tags: ['auth'], summary: 'End every session of the current user', response: { 204: z.null(), ...errorResponses } },
    handler: async (req, reply) => {
      if (req.actor) await s.auth.logoutEverywhere(req.actor);
      clearCookie(reply);
      return reply.status(204).send(null);
    },
  });

  app.get('/api/v1/auth/me', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'],
      summary: 'The current user, their permissions and the CSRF token',
      response: { 200: S.ZMeResponse, ...errorResponses },
    },
    handler: async (req) => {
      const actor = actorOf(req);
      const user = await s.repos.users.find(ctx.db, actor.orgId, actor.userId);
      if (!user) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
      const me = await buildMe(ctx, s, user);
      // A token's scope can be narrower than its owner's role: report what this caller may do.
      return { user: { ...me, permissions: [...actor.permissions].sort() }, csrfToken: req.csrfToken ?? '' };
    },
  });

  app.post('/api/v1/auth/password-reset/request', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'E-mail a password-reset link (always 202)',
      body: S.ZResetRequestBody,
      response: { 202: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await s.account.requestReset(req.body.email, meta(req));
      return reply.status(202).send(null);
    },
  });

  app.post('/api/v1/auth/password-reset/complete', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with a reset link',
      body: S.ZResetCompleteBody,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (req, reply) => {
      await s.account.completeReset(req.body.token, req.body.password, meta(req));
      return reply.status(204).send(null);
    },
  });
}
