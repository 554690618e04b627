import type { Permission } from '@cityshield/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../context.js';
import { AppError } from '../errors.js';
import type { SessionService } from '../modules/iam/session.service.js';
import type { TokenService } from '../modules/iam/token.service.js';

/**
 * What a route needs: a permission key, any logged-in caller ('authenticated'), a person logged
 * in with a browser session and never an API token ('session': their own password, sessions and
 * tokens), or nobody ('public'). Every route under /api must declare one; the server refuses to
 * start otherwise.
 */
export type Access = Permission | 'authenticated' | 'session' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
}

export const SESSION_COOKIE = 'cs_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAccessControl(
  app: FastifyInstance,
  deps: { sessions: SessionService; tokens: TokenService },
  registry: RegisteredRoute[],
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access (permission or 'public').`);
    // Public routes say so in the OpenAPI document too: no credentials needed.
    if (access === 'public' && route.schema) route.schema = { ...route.schema, security: [] };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') registry.push({ method, url: route.url, access });
    }
  });

  // onRequest: callers are refused before their body is read or validated, so schemas cannot be probed anonymously.
  app.addHook('onRequest', async (req: FastifyRequest, _reply: FastifyReply) => {
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    await authenticate(req, deps);
    const actor = req.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Log in to continue.');
    if (actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      // Cookie-authenticated changes must echo the session's CSRF token in a header, which a
      // cross-site form or image cannot do. Bearer tokens are not sent by browsers on their own.
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.csrfToken) {
        throw new AppError('CSRF', 'The request is missing its CSRF token. Reload the page and try again.');
      }
    }
    if (access === 'session') {
      if (actor.via !== 'session')
        throw new AppError('FORBIDDEN', 'API tokens cannot manage passwords, sessions or tokens. Use the web app.');
      return;
    }
    if (access !== 'authenticated' && !actor.permissions.has(access)) {
      throw new AppError('FORBIDDEN', 'You do not have permission to do this.', [{ path: '', message: `requires ${access}` }]);
    }
  });
}

async function authenticate(req: FastifyRequest, deps: { sessions: SessionService; tokens: TokenService }): Promise<void> {
  const header = req.headers.authorization;
  if (header) {
    const [scheme, secret] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !secret) {
      throw new AppError('UNAUTHENTICATED', 'Use "Authorization: Bearer <token>".');
    }
    const actor = await deps.tokens.resolve(secret, req.ip);
    if (!actor) throw new AppError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked.');
    req.actor = actor;
    return;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const resolved = await deps.sessions.resolve(cookie, req.ip);
  if (resolved) {
    req.actor = resolved.actor;
    req.csrfToken = resolved.session.csrf_token;
  }
}
