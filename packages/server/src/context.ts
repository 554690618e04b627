import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { TConfig } from './config.js';
import type { Database } from './db/database.js';
import type { DB } from './db/schema.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { Mailer } from './mail/mailer.js';
import type { AuditInput, AuditRepository } from './modules/audit/audit.repository.js';
import type { Clock } from './util.js';

/** Who is calling: resolved once per request from a session cookie or a bearer token. */
export interface Actor {
  userId: string;
  orgId: string;
  email: string;
  name: string;
  role: string;
  permissions: ReadonlySet<string>;
  via: 'session' | 'token';
  sessionIdHash?: string;
  tokenId?: string;
  ip: string | null;
}

/** What a use case needs from the outside world; built once per process. */
export interface AppContext {
  config: TConfig;
  db: Database;
  kind: 'sqlite' | 'postgres';
  clock: Clock;
  mailer: Mailer;
  jobs: JobQueue;
  audit: AuditRepository;
  log: FastifyBaseLogger;
}

export type Trx = Transaction<DB>;

export type AuditEvent = Omit<AuditInput, 'orgId' | 'actorId' | 'actorEmail' | 'ip'> & {
  orgId?: string;
};

export type AuditWriter = (event: AuditEvent) => Promise<void>;

/**
 * Runs a change and its audit entries in one transaction: either both are stored or neither.
 * `by` is the actor (or a system identity such as the CLI) named in every entry.
 */
export async function changeWithAudit<T>(
  ctx: AppContext,
  by: { orgId: string; userId: string | null; email: string | null; ip: string | null },
  fn: (trx: Trx, audit: AuditWriter) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    const audit: AuditWriter = (e) =>
      ctx.audit.append(
        trx,
        {
          ...e,
          orgId: e.orgId ?? by.orgId,
          actorId: by.userId,
          actorEmail: by.email,
          ip: by.ip,
        },
        at,
      );
    return fn(trx, audit);
  });
}

export const actorIdentity = (a: Actor) => ({
  orgId: a.orgId,
  userId: a.userId,
  email: a.email,
  ip: a.ip,
});
