import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { TConfig } from './config.js';
import type { AppContext } from './context.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { type BuiltApp, buildApp } from './http/app.js';
import { jobDefinitions, SCHEDULES } from './jobs/definitions.js';
import { JobQueue } from './jobs/job-queue.js';
import { JobRunner } from './jobs/job-runner.js';
import { JobScheduler } from './jobs/job-scheduler.js';
import { createMailer } from './mail/mailer.js';
import { AuditRepository } from './modules/audit/audit.repository.js';
import { installBuiltInCatalogs } from './modules/catalogs/built-in.js';
import { createServices, type Services } from './services.js';
import { type Clock, systemClock } from './util.js';

export interface Runtime {
  ctx: AppContext;
  services: Services;
  handle: DatabaseHandle;
  runner: JobRunner;
  close(): Promise<void>;
}

export function createLogger(config: Pick<TConfig, 'LOG_LEVEL'>): FastifyBaseLogger {
  // Secrets never reach the log: cookies, bearer tokens and password fields are redacted.
  return pino({
    level: config.LOG_LEVEL,
    // Query strings can carry one-time tokens (invitation look-ups): log the path only.
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, path: req.url?.split('?')[0], ip: req.ip }),
    },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.secret'],
      censor: '[redacted]',
    },
  }) as unknown as FastifyBaseLogger;
}

/** Opens the database, migrates it and wires every service; shared by the server, CLI and tests. */
export async function createRuntime(config: TConfig, opts: { clock?: Clock; log?: FastifyBaseLogger } = {}): Promise<Runtime> {
  const log = opts.log ?? createLogger(config);
  const handle = await openDatabase(config);
  await migrateToLatest(handle.db);
  const clock = opts.clock ?? systemClock;
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  const ctx: AppContext = {
    config,
    db: handle.db,
    kind: handle.kind,
    clock,
    mailer,
    jobs: new JobQueue(handle.db, handle.kind, clock),
    audit: new AuditRepository(handle.kind),
    log,
  };
  const services = createServices(ctx);
  await installBuiltInCatalogs(ctx, services.catalogs);
  const runner = new JobRunner(ctx.jobs, jobDefinitions(ctx), log, config.JOB_POLL_MS);
  return {
    ctx,
    services,
    handle,
    runner,
    async close() {
      await runner.stop();
      mailer.close();
      await handle.close();
    },
  };
}

export interface RunningServer {
  runtime: Runtime;
  built: BuiltApp | null;
  url: string | null;
  stop(): Promise<void>;
}

/** `cityshield serve`: web answers HTTP, worker runs jobs and schedules, all does both. */
export async function startServer(config: TConfig, role: 'web' | 'worker' | 'all' = config.ROLE): Promise<RunningServer> {
  const runtime = await createRuntime(config);
  const { ctx, services } = runtime;
  let built: BuiltApp | null = null;
  let url: string | null = null;
  const scheduler = new JobScheduler(ctx.jobs, SCHEDULES, ctx.log);
  if (role === 'web' || role === 'all') {
    built = await buildApp(ctx, services);
    url = await built.app.listen({ host: config.HOST, port: config.PORT });
    const link = await services.account.issueSetupLink();
    if (link) {
      // Printed, not logged as JSON: the person installing CityShield reads this line.
      process.stdout.write(
        `\nCityShield is not set up yet. Open this one-time link within 1 hour to create the first organisation and administrator:\n\n  ${link}\n\n`,
      );
    }
  }
  if (role === 'worker' || role === 'all') {
    runtime.runner.start();
    scheduler.start();
  }
  return {
    runtime,
    built,
    url,
    async stop() {
      scheduler.stop();
      if (built) await built.app.close();
      await runtime.close();
    },
  };
}
