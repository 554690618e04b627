import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { newId } from '../util.js';
import type { JobQueue } from './job-queue.js';

/** A typed job: its payload schema is checked when the job runs, not only when it is queued. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payload: S;
  maxAttempts: number;
  /** The payload holds secrets (e.g. an e-mail with a one-time link): erased once the job is done. */
  sensitive?: boolean;
  run(payload: z.infer<S>): Promise<void>;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export class JobRunner {
  private readonly workerId = `${hostname()}:${process.pid}:${newId().slice(-6)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly byName = new Map<string, JobDefinition>();

  constructor(
    private readonly queue: JobQueue,
    definitions: readonly JobDefinition[],
    private readonly log: FastifyBaseLogger,
    private readonly pollMs: number,
  ) {
    for (const d of definitions) this.byName.set(d.name, d);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Runs queued jobs until none is due; used by the poll loop and by tests. */
  async drain(): Promise<number> {
    let done = 0;
    for (;;) {
      const job = await this.queue.claim(this.workerId, [...this.byName.keys()]);
      if (!job) return done;
      const def = this.byName.get(job.name);
      try {
        if (!def) throw new Error(`no handler for job ${job.name}`);
        await def.run(def.payload.parse(JSON.parse(job.payload)));
        await this.queue.succeed(job.id, def.sensitive === true);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.log.warn({ job: job.name, jobId: job.id, attempt: job.attempts, err: message }, 'job failed');
        await this.queue.fail(job, message, def?.sensitive === true);
      }
      done += 1;
    }
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule(this.pollMs));
    }, delay);
  }

  private async tick(): Promise<void> {
    try {
      await this.queue.requeueStale(10 * 60_000);
      await this.drain();
    } catch (err) {
      this.log.error({ err: err instanceof Error ? err.message : String(err) }, 'job poll failed');
    }
  }
}
