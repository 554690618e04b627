import { Cron } from 'croner';
import type { FastifyBaseLogger } from 'fastify';
import type { JobQueue } from './job-queue.js';

export interface Schedule {
  job: string;
  /** Cron expression, UTC. */
  cron: string;
}

/**
 * Turns cron schedules into queued jobs. Every process may run a scheduler: the job key names
 * the schedule slot (`expire-sessions@2026-11-25T18:05:00.000Z`), so a slot is enqueued once.
 */
export class JobScheduler {
  private crons: Cron[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly schedules: readonly Schedule[],
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    for (const s of this.schedules) {
      const cron = new Cron(s.cron, { timezone: 'UTC', protect: true }, async (self: Cron) => {
        const slot = self.currentRun() ?? new Date();
        try {
          await this.queue.enqueue(s.job, {}, { key: `${s.job}@${slot.toISOString()}`, maxAttempts: 3 });
        } catch (err) {
          this.log.error({ job: s.job, err: err instanceof Error ? err.message : String(err) }, 'schedule failed');
        }
      });
      this.crons.push(cron);
    }
  }

  stop(): void {
    for (const c of this.crons) c.stop();
    this.crons = [];
  }
}
