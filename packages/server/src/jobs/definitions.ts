import { z } from 'zod';
import type { AppContext } from '../context.js';
import { ActionService } from '../modules/audits/action.service.js';
import { DashboardService } from '../modules/baselines/dashboard.service.js';
import { CredentialRepository } from '../modules/iam/credential.repository.js';
import { SessionRepository } from '../modules/iam/session.repository.js';
import { TokenRepository } from '../modules/iam/token.repository.js';
import { sendDeadlineReminders } from '../modules/incidents/incident-reminders.js';
import { REPORT_JOB, ReportService } from '../modules/reports/report.service.js';
import { iso } from '../util.js';
import { defineJob, type JobDefinition } from './job-runner.js';
import type { Schedule } from './job-scheduler.js';

const DAY = 24 * 60 * 60_000;

export function jobDefinitions(ctx: AppContext): JobDefinition[] {
  const sessions = new SessionRepository();
  const tokens = new TokenRepository();
  const credentials = new CredentialRepository();
  return [
    defineJob({
      name: 'send-email',
      maxAttempts: 6,
      sensitive: true,
      payload: z.object({ to: z.string().email(), subject: z.string(), text: z.string(), html: z.string().optional() }),
      run: (p) => ctx.mailer.send(p),
    }),
    defineJob({
      name: 'expire-sessions',
      maxAttempts: 3,
      payload: z.unknown(),
      run: async () => {
        const now = ctx.clock.now();
        await sessions.deleteExpired(ctx.db, iso(now));
        // Expired one-time links and login attempts are kept a day for investigation, then removed.
        await credentials.deleteExpiredOneTime(ctx.db, iso(new Date(now.getTime() - DAY)));
        await credentials.deleteAttemptsBefore(ctx.db, iso(new Date(now.getTime() - DAY)));
      },
    }),
    defineJob({
      name: 'expire-tokens',
      maxAttempts: 3,
      payload: z.unknown(),
      run: async () => {
        // Expired and revoked API tokens stay visible for 90 days so their use can be traced.
        await tokens.deleteExpired(ctx.db, iso(new Date(ctx.clock.now().getTime() - 90 * DAY)));
      },
    }),
    defineJob({
      name: 'compliance-snapshot',
      maxAttempts: 3,
      payload: z.unknown(),
      run: async () => {
        // One point per organisation and day for the dashboard's trend line.
        const dashboard = new DashboardService(ctx);
        const orgs = await ctx.db.selectFrom('organisations').select('id').execute();
        for (const o of orgs) await dashboard.snapshot(o.id);
      },
    }),
    defineJob({
      name: 'overdue-actions',
      maxAttempts: 3,
      payload: z.unknown(),
      run: async () => {
        await new ActionService(ctx).remindOverdue();
      },
    }),
    defineJob({
      name: REPORT_JOB,
      maxAttempts: 1,
      payload: z.object({ reportId: z.string() }),
      run: async (p) => {
        // Renders a requested report (PDF or HTML), recording its progress; failures end up on the report row.
        await new ReportService(ctx).run(p.reportId);
      },
    }),
    defineJob({
      name: 'expire-reports',
      maxAttempts: 3,
      payload: z.unknown(),
      run: async () => {
        const before = iso(new Date(ctx.clock.now().getTime() - ctx.config.REPORT_RETENTION_DAYS * DAY));
        const gone = await new ReportService(ctx).expire(before);
        if (gone.reports > 0) ctx.log.info(gone, 'expired generated reports');
      },
    }),
    defineJob({
      name: 'nis2-reminders',
      maxAttempts: 3,
      payload: z.unknown(),
      run: async () => {
        await sendDeadlineReminders(ctx);
      },
    }),
  ];
}

export const SCHEDULES: readonly Schedule[] = [
  { job: 'expire-sessions', cron: '*/5 * * * *' },
  { job: 'expire-tokens', cron: '17 3 * * *' },
  { job: 'compliance-snapshot', cron: '45 23 * * *' },
  { job: 'nis2-reminders', cron: '*/5 * * * *' },
  { job: 'overdue-actions', cron: '0 7 * * *' },
  { job: 'expire-reports', cron: '31 3 * * *' },
];
