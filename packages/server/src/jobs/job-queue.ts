import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB, JobRow } from '../db/schema.js';
import type { Clock } from '../util.js';
import { newId } from '../util.js';

export type JobExecutor = Database | Transaction<DB>;

export interface EnqueueOptions {
  /** Jobs with the same key are enqueued once; a second enqueue is a no-op. */
  key?: string;
  runAt?: Date;
  maxAttempts?: number;
  /** The organisation the job works for; null for system housekeeping. */
  orgId?: string;
}

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/**
 * Jobs live in the database so that they survive restarts and are shared by every process.
 * Claiming uses FOR UPDATE SKIP LOCKED on PostgreSQL, so two workers never take the same job;
 * on SQLite the single writer lock gives the same guarantee inside one process.
 */
export class JobQueue {
  constructor(
    private readonly db: Database,
    private readonly kind: 'sqlite' | 'postgres',
    private readonly clock: Clock,
  ) {}

  async enqueue(name: string, payload: unknown, opts: EnqueueOptions = {}, executor: JobExecutor = this.db): Promise<void> {
    const now = this.clock.now();
    await executor
      .insertInto('jobs')
      .values({
        id: newId(),
        org_id: opts.orgId ?? null,
        name,
        payload: JSON.stringify(payload ?? null),
        key: opts.key ?? null,
        status: 'queued',
        attempts: 0,
        max_attempts: opts.maxAttempts ?? 5,
        run_at: (opts.runAt ?? now).toISOString(),
        created_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }

  async claim(workerId: string, names: readonly string[]): Promise<JobRow | undefined> {
    if (names.length === 0) return undefined;
    const now = this.clock.now().toISOString();
    const lock = this.kind === 'postgres' ? sql`for update skip locked` : sql``;
    const result = await sql<JobRow>`
      update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
        locked_at = ${now}, started_at = ${now}
      where id = (
        select id from jobs
        where status = 'queued' and run_at <= ${now} and name in (${sql.join(names)})
        order by run_at, id limit 1 ${lock}
      )
      returning *`.execute(this.db);
    return result.rows[0];
  }

  async succeed(id: string, erasePayload = false): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({
        status: 'succeeded',
        finished_at: this.clock.now().toISOString(),
        last_error: null,
        locked_by: null,
        ...(erasePayload ? { payload: '{"erased":true}' } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  /** Exponential backoff: 2 s, 4 s, 8 s … capped at one hour; failed for good after max attempts. */
  async fail(job: JobRow, error: string, erasePayloadWhenFinal = false): Promise<void> {
    const now = this.clock.now();
    const attempts = Number(job.attempts);
    const final = attempts >= Number(job.max_attempts);
    const delayMs = Math.min(3_600_000, 2 ** attempts * 1000);
    await this.db
      .updateTable('jobs')
      .set({
        status: final ? 'failed' : 'queued',
        run_at: final ? job.run_at : new Date(now.getTime() + delayMs).toISOString(),
        finished_at: final ? now.toISOString() : null,
        last_error: error.slice(0, 2000),
        locked_by: null,
        ...(final && erasePayloadWhenFinal ? { payload: '{"erased":true}' } : {}),
      })
      .where('id', '=', job.id)
      .execute();
  }

  /** A worker that died mid-job leaves it running; after the timeout it is queued again. */
  async requeueStale(olderThanMs: number): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - olderThanMs).toISOString();
    const res = await this.db
      .updateTable('jobs')
      .set({ status: 'queued', locked_by: null, last_error: 'worker stopped before finishing' })
      .where('status', '=', 'running')
      .where('locked_at', '<', cutoff)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  /** An organisation sees its own jobs and the system's housekeeping, never another city's. */
  async list(orgId: string, status: JobStatus | undefined, page: number, pageSize: number) {
    let q = this.db.selectFrom('jobs').where((eb) => eb.or([eb('org_id', '=', orgId), eb('org_id', 'is', null)]));
    if (status) q = q.where('status', '=', status);
    const [{ total } = { total: 0 }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items, total: Number(total) };
  }
}
