import type { ReportStage } from '@cityshield/core';
import type { AppContext } from '../../context.js';
import { formatDateTime } from '../../reports/pdf.js';
import { iso } from '../../util.js';
import { incidentDeadlines } from './incident-nis2.js';

const STAGE_NAME: Record<ReportStage, string> = {
  'early-warning': 'NIS2 early warning (24 h)',
  notification: 'NIS2 incident notification (72 h)',
  'progress-report': 'NIS2 progress report',
  'final-report': 'NIS2 final report',
  'gdpr-notification': 'GDPR breach notification (72 h)',
};

/**
 * The scheduled reminder: for every open reporting deadline that is due soon or overdue, one
 * e-mail to the incident's handler and the organisation's security officers — once per deadline
 * (`incident_reminders` remembers it), however often the job runs and on however many workers.
 */
export async function sendDeadlineReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const incidents = await ctx.db
    .selectFrom('incidents')
    .innerJoin('organisations as o', 'o.id', 'incidents.org_id')
    .select([
      'incidents.id',
      'incidents.org_id',
      'incidents.ref',
      'incidents.title',
      'incidents.handler_id',
      'incidents.aware_at',
      'incidents.significant',
      'incidents.personal_data',
      'incidents.closed_at',
      'incidents.detected_at',
      'o.time_zone',
      'o.name as org_name',
    ])
    .where('incidents.aware_at', 'is not', null)
    .where((eb) => eb.or([eb('incidents.significant', '=', 1), eb('incidents.personal_data', '=', 1)]))
    .execute();
  let sent = 0;
  for (const i of incidents) {
    const reports = await ctx.db
      .selectFrom('incident_reports')
      .select(['stage', 'sent_at'])
      .where('incident_id', '=', i.id)
      .where('sent_at', 'is not', null)
      .execute();
    const done: Partial<Record<ReportStage, Date>> = {};
    for (const r of reports) done[r.stage as ReportStage] = new Date(r.sent_at as string);
    const due = incidentDeadlines(i, done, now).filter((d) => d.due && (d.state === 'due-soon' || d.state === 'overdue'));
    if (due.length === 0) continue;
    const recipients = await ctx.db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('org_id', '=', i.org_id)
      .where('disabled', '=', 0)
      .where('kind', '=', 'person')
      .where((eb) => eb.or([eb('role', '=', 'security_officer'), ...(i.handler_id ? [eb('id', '=', i.handler_id)] : [])]))
      .execute();
    for (const d of due) {
      const dueIso = (d.due as Date).toISOString();
      // The reminder row is the lock: inserted first, so a second worker's insert fails and it skips.
      const claimed = await ctx.db
        .insertInto('incident_reminders')
        .values({ incident_id: i.id, stage: d.stage, due: dueIso, sent_at: iso(now) })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      const when = formatDateTime(d.due as Date, i.time_zone);
      for (const r of recipients) {
        if (!ctx.mailer.enabled) break;
        await ctx.jobs.enqueue(
          'send-email',
          {
            to: r.email,
            subject: `${d.state === 'overdue' ? 'Overdue' : 'Due soon'}: ${STAGE_NAME[d.stage]} for ${i.ref}`,
            text: `${i.org_name} — incident ${i.ref} "${i.title}".\n\nThe ${STAGE_NAME[d.stage]} is ${d.state === 'overdue' ? 'overdue since' : 'due by'} ${when}.\nOpen the incident in CityShield, complete the drafted report and mark it as sent.\n`,
          },
          { key: `nis2-reminder:${i.id}:${d.stage}:${dueIso}:${r.id}`, orgId: i.org_id },
        );
        sent++;
      }
    }
  }
  return sent;
}
