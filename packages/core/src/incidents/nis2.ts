/**
 * NIS2 (Directive (EU) 2022/2555) Article 23 reporting clocks, and the GDPR Art. 33 clock that
 * runs beside them when personal data is involved. Every clock starts when the organisation
 * becomes aware of the incident. Durations are exact (24 h is 24 × 3600 s in UTC), so a
 * daylight-saving change in the organisation's time zone never moves a deadline; "one month" is a
 * calendar month in UTC, clamped to the month's last day (31 January → 28/29 February).
 */

export const REPORT_STAGES = ['early-warning', 'notification', 'progress-report', 'final-report', 'gdpr-notification'] as const;
export type ReportStage = (typeof REPORT_STAGES)[number];

export interface ClockInput {
  /** When the organisation became aware (the start of every clock). */
  awareAt: Date;
  significant: boolean;
  personalData: boolean;
  /** When the incident was closed (handled); null while ongoing. */
  closedAt: Date | null;
  /** When each report was sent to the CSIRT / authority. */
  sent: Partial<Record<ReportStage, Date>>;
}

export type DeadlineState = 'pending' | 'due-soon' | 'overdue' | 'sent' | 'sent-late' | 'waiting';

export interface Deadline {
  stage: ReportStage;
  /** Null when the deadline depends on an event that has not happened yet (the end of handling). */
  due: Date | null;
  sentAt: Date | null;
  state: DeadlineState;
  /** What the deadline is measured from, in words (for the screen and the report). */
  basis: string;
  /** Milliseconds left (negative when overdue); null when sent or not yet known. */
  remainingMs: number | null;
}

const HOUR = 3_600_000;
/** A deadline closer than this is "due soon" (reminders and the amber countdown). */
export const DUE_SOON_MS = 6 * HOUR;

/** The same instant one calendar month later in UTC; the day is clamped to the month's last day. */
export function addOneMonthUtc(d: Date): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return new Date(Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
}

function state(due: Date | null, sentAt: Date | null, now: Date): DeadlineState {
  if (sentAt) return due && sentAt.getTime() > due.getTime() ? 'sent-late' : 'sent';
  if (!due) return 'waiting';
  const left = due.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due-soon' : 'pending';
}

function deadline(stage: ReportStage, due: Date | null, sent: ClockInput['sent'], now: Date, basis: string): Deadline {
  const sentAt = sent[stage] ?? null;
  return { stage, due, sentAt, state: state(due, sentAt, now), basis, remainingMs: sentAt || !due ? null : due.getTime() - now.getTime() };
}

/**
 * The deadlines of an incident at `now`. Not significant → only the GDPR clock (if personal data).
 * Final report: one month after the notification was sent (until then, after its deadline). If the
 * incident is still being handled when that date comes, a progress report is due then instead and
 * the final report one month after handling ends.
 */
export function reportingDeadlines(input: ClockInput, now: Date): Deadline[] {
  const out: Deadline[] = [];
  const aware = input.awareAt.getTime();
  if (input.significant) {
    out.push(deadline('early-warning', new Date(aware + 24 * HOUR), input.sent, now, '24 hours after becoming aware'));
    const notificationDue = new Date(aware + 72 * HOUR);
    out.push(deadline('notification', notificationDue, input.sent, now, '72 hours after becoming aware'));
    const notified = input.sent.notification ?? notificationDue;
    const monthAfterNotification = addOneMonthUtc(notified);
    const handledLate = input.closedAt !== null && input.closedAt.getTime() > monthAfterNotification.getTime();
    const stillOpen = input.closedAt === null && !input.sent['final-report'] && now.getTime() >= monthAfterNotification.getTime();
    if (stillOpen) {
      // Still ongoing a month after the notification: a progress report now, the final report later.
      out.push(
        deadline('progress-report', monthAfterNotification, input.sent, now, 'one month after the notification, incident still ongoing'),
      );
      out.push(deadline('final-report', null, input.sent, now, 'one month after the incident has been handled'));
    } else if (handledLate) {
      out.push(
        deadline('progress-report', monthAfterNotification, input.sent, now, 'one month after the notification, incident still ongoing'),
      );
      out.push(
        deadline('final-report', addOneMonthUtc(input.closedAt as Date), input.sent, now, 'one month after the incident has been handled'),
      );
    } else {
      out.push(
        deadline(
          'final-report',
          monthAfterNotification,
          input.sent,
          now,
          input.sent.notification ? 'one month after the notification was sent' : 'one month after the notification deadline',
        ),
      );
    }
  }
  if (input.personalData) {
    out.push(
      deadline(
        'gdpr-notification',
        new Date(aware + 72 * HOUR),
        input.sent,
        now,
        'GDPR Art. 33: 72 hours after becoming aware of the personal-data breach',
      ),
    );
  }
  return out;
}

/** The criteria an officer ticks to mark an incident significant (Art. 23(3), with the 2024/2690 thresholds as a usable template). */
export const SIGNIFICANCE_CRITERIA = [
  { key: 'severe-disruption', text: 'Caused or can cause severe operational disruption of a service the city provides' },
  { key: 'financial-loss', text: 'Caused or can cause considerable financial loss for the city (e.g. over €500,000)' },
  { key: 'harm-to-others', text: 'Affected or can affect residents, businesses or others by considerable material or non-material damage' },
  { key: 'death-or-health', text: 'Caused or can cause death or considerable damage to a person’s health' },
  { key: 'malicious-access', text: 'Suspected malicious unauthorised access that can cause severe disruption' },
  { key: 'recurring', text: 'Recurring: two or more incidents with the same root cause in six months that together meet a threshold' },
] as const;
export type SignificanceCriterion = (typeof SIGNIFICANCE_CRITERIA)[number]['key'];
