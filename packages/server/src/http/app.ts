import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { auditsRoutes } from '../modules/audits/audit.routes.js';
import { baselineRoutes, baselineUploadRoutes } from '../modules/baselines/baseline.routes.js';
import { catalogRoutes } from '../modules/catalogs/catalog.routes.js';
import { classificationRoutes } from '../modules/classification/classification.routes.js';
import { authRoutes } from '../modules/iam/auth.routes.js';
import { profileRoutes } from '../modules/iam/profile.routes.js';
import { userRoutes } from '../modules/iam/users.routes.js';
import { incidentRoutes, incidentUploadRoutes } from '../modules/incidents/incident.routes.js';
import { jobRoutes } from '../modules/jobs/jobs.routes.js';
import { organisationRoutes } from '../modules/organisation/organisation.routes.js';
import { oscalExportRoutes } from '../modules/oscal-exports/oscal-export.routes.js';
import { systemRoutes } from '../modules/registry/system.routes.js';
import { systemImportRoutes } from '../modules/registry/system-import.routes.js';
import { reportRoutes } from '../modules/reports/report.routes.js';
import { riskRoutes } from '../modules/risks/risk.routes.js';
import type { Services } from '../services.js';
import { VERSION } from '../version.js';
import { type RegisteredRoute, registerAccessControl } from './access.js';
import { registerErrorHandler } from './error-handler.js';
import type { RouteApp } from './route-app.js';
import { registerSecurityHeaders } from './security-headers.js';

export interface BuiltApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
}

const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** A hop count becomes "trust the nearest N proxies"; addresses are passed through. */
function trustProxy(setting: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

/** Assembles the HTTP server: plugins, hooks, every module's routes and the web app. */
export async function buildApp(ctx: AppContext, s: Services): Promise<BuiltApp> {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: trustProxy(ctx.config.TRUST_PROXY),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: RegisteredRoute[] = [];

  registerErrorHandler(app);
  registerSecurityHeaders(app, { hsts: ctx.config.secureCookies });
  await app.register(fastifyCookie);
  registerAccessControl(app, { sessions: s.sessions, tokens: s.tokens }, routes);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'CityShield API', version: VERSION, description: 'Security management for city administrations.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (cst_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'cs_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const api = app.withTypeProvider() as unknown as RouteApp;
  api.get('/api/v1/health', {
    config: { access: 'public' },
    schema: {
      tags: ['system'],
      summary: 'Liveness and database kind',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() }) },
    },
    handler: async () => {
      await ctx.db.selectFrom('organisations').select('id').limit(1).execute();
      return { status: 'ok' as const, database: ctx.kind, version: VERSION };
    },
  });
  api.get('/api/v1/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });
  authRoutes(api, ctx, s);
  profileRoutes(api, ctx, s);
  userRoutes(api, ctx, s);
  organisationRoutes(api, s);
  auditRoutes(api, s);
  jobRoutes(api, ctx);
  catalogRoutes(api, s, { oscalMaxBytes: ctx.config.OSCAL_MAX_BYTES });
  systemRoutes(api, s);
  systemImportRoutes(api, s, { maxBytes: ctx.config.REGISTER_IMPORT_MAX_BYTES });
  classificationRoutes(api, s);
  baselineRoutes(api, s);
  incidentRoutes(api, s);
  reportRoutes(api, s);
  auditsRoutes(api, s);
  oscalExportRoutes(api, s, { oscalMaxBytes: ctx.config.OSCAL_MAX_BYTES });
  riskRoutes(api, s);
  // Evidence files arrive as raw bodies of any type (checked by content in the service); the
  // catch-all parser lives in this child scope only, so every other route still takes JSON alone.
  await app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const upload = scope.withTypeProvider() as unknown as RouteApp;
    baselineUploadRoutes(upload, s, {
      oscalMaxBytes: ctx.config.OSCAL_MAX_BYTES,
      evidenceMaxBytes: ctx.config.EVIDENCE_MAX_BYTES,
    });
    incidentUploadRoutes(upload, s, { evidenceMaxBytes: ctx.config.EVIDENCE_MAX_BYTES });
  });

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
    // The SPA owns every non-API path; unknown /api paths stay JSON 404s.
    app.get('/*', { config: {} }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      // Built assets are registered one by one above; a missing one is a 404, not the app.
      // Other paths (including ids with dots such as /controls/ac-2.1) belong to the app.
      if (req.url.startsWith('/assets/')) return reply.callNotFound();
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return { app, routes };
}
