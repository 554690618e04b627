import { describe, expect, it } from 'vitest';
import { addOneMonthUtc, type ClockInput, reportingDeadlines } from './nis2.js';

const at = (s: string) => new Date(s);
const base = (over: Partial<ClockInput> = {}): ClockInput => ({
  awareAt: at('2026-06-10T08:00:00Z'),
  significant: true,
  personalData: false,
  closedAt: null,
  sent: {},
  ...over,
});
const due = (ds: ReturnType<typeof reportingDeadlines>, stage: string) => ds.find((d) => d.stage === stage)?.due?.toISOString() ?? null;

describe('NIS2 reporting clocks', () => {
  it('counts 24 h, 72 h and one month after the notification', () => {
    const ds = reportingDeadlines(base({ sent: { notification: at('2026-06-12T10:00:00Z') } }), at('2026-06-10T09:00:00Z'));
    expect(due(ds, 'early-warning')).toBe('2026-06-11T08:00:00.000Z');
    expect(due(ds, 'notification')).toBe('2026-06-13T08:00:00.000Z');
    expect(due(ds, 'final-report')).toBe('2026-07-12T10:00:00.000Z');
    expect(ds.find((d) => d.stage === 'early-warning')).toMatchObject({ state: 'pending', remainingMs: 23 * 3_600_000 });
    expect(ds.find((d) => d.stage === 'notification')?.state).toBe('sent');
  });

  it('plans the final report from the notification deadline until the notification is sent', () => {
    expect(due(reportingDeadlines(base(), at('2026-06-10T09:00:00Z')), 'final-report')).toBe('2026-07-13T08:00:00.000Z');
  });

  it('is not moved by daylight-saving changes: deadlines are exact hours in UTC', () => {
    // Europe/Tallinn and Europe/Berlin switch to summer time on 29 March 2026 at 01:00 UTC.
    const spring = reportingDeadlines(base({ awareAt: at('2026-03-28T22:30:00Z') }), at('2026-03-28T23:00:00Z'));
    expect(due(spring, 'early-warning')).toBe('2026-03-29T22:30:00.000Z');
    expect(due(spring, 'notification')).toBe('2026-03-31T22:30:00.000Z');
    // … and back on 25 October 2026 at 01:00 UTC.
    const autumn = reportingDeadlines(base({ awareAt: at('2026-10-24T23:15:00Z') }), at('2026-10-25T00:00:00Z'));
    expect(due(autumn, 'early-warning')).toBe('2026-10-25T23:15:00.000Z');
    expect(new Date(due(autumn, 'early-warning') as string).getTime() - at('2026-10-24T23:15:00Z').getTime()).toBe(24 * 3_600_000);
  });

  it('clamps "one month" to the end of a shorter month, in leap and common years', () => {
    expect(addOneMonthUtc(at('2026-01-31T23:30:00Z')).toISOString()).toBe('2026-02-28T23:30:00.000Z');
    expect(addOneMonthUtc(at('2028-01-31T12:00:00Z')).toISOString()).toBe('2028-02-29T12:00:00.000Z');
    expect(addOneMonthUtc(at('2026-03-31T00:00:00Z')).toISOString()).toBe('2026-04-30T00:00:00.000Z');
    expect(addOneMonthUtc(at('2026-12-15T06:00:00Z')).toISOString()).toBe('2027-01-15T06:00:00.000Z');
    const ds = reportingDeadlines(
      base({ awareAt: at('2026-01-28T23:30:00Z'), sent: { notification: at('2026-01-31T23:30:00Z') } }),
      at('2026-02-01T00:00:00Z'),
    );
    expect(due(ds, 'final-report')).toBe('2026-02-28T23:30:00.000Z');
  });

  it('marks due-soon, overdue and late states', () => {
    const now = at('2026-06-11T03:00:00Z'); // 5 h before the early warning
    expect(reportingDeadlines(base(), now).find((d) => d.stage === 'early-warning')?.state).toBe('due-soon');
    const later = reportingDeadlines(base({ sent: { 'early-warning': at('2026-06-11T09:00:00Z') } }), at('2026-06-14T00:00:00Z'));
    expect(later.find((d) => d.stage === 'early-warning')?.state).toBe('sent-late');
    expect(later.find((d) => d.stage === 'notification')).toMatchObject({ state: 'overdue', remainingMs: -16 * 3_600_000 });
  });

  it('asks for a progress report when the incident is still ongoing a month after the notification', () => {
    const sent = { notification: at('2026-06-12T08:00:00Z') };
    const ongoing = reportingDeadlines(base({ sent }), at('2026-07-13T00:00:00Z'));
    expect(due(ongoing, 'progress-report')).toBe('2026-07-12T08:00:00.000Z');
    expect(ongoing.find((d) => d.stage === 'final-report')).toMatchObject({ due: null, state: 'waiting' });
    const handled = reportingDeadlines(base({ sent, closedAt: at('2026-08-20T10:00:00Z') }), at('2026-08-21T00:00:00Z'));
    expect(due(handled, 'progress-report')).toBe('2026-07-12T08:00:00.000Z');
    expect(due(handled, 'final-report')).toBe('2026-09-20T10:00:00.000Z');
    // Closed in time: no progress report at all.
    const quick = reportingDeadlines(base({ sent, closedAt: at('2026-06-20T10:00:00Z') }), at('2026-06-21T00:00:00Z'));
    expect(quick.map((d) => d.stage)).toEqual(['early-warning', 'notification', 'final-report']);
  });

  it('runs the GDPR 72-hour clock separately when personal data is involved, significant or not', () => {
    const ds = reportingDeadlines(base({ significant: false, personalData: true }), at('2026-06-10T09:00:00Z'));
    expect(ds.map((d) => d.stage)).toEqual(['gdpr-notification']);
    expect(due(ds, 'gdpr-notification')).toBe('2026-06-13T08:00:00.000Z');
    expect(reportingDeadlines(base({ significant: false }), at('2026-06-10T09:00:00Z'))).toEqual([]);
  });
});

import { draftReport, missingFields, REPORT_FIELDS } from './reports.js';

describe('NIS2 report drafts', () => {
  const facts = {
    ref: 'INC-2026-0001',
    title: 'Defacement of the city website',
    description: 'The front page shows a political message.',
    typeName: 'Website defacement',
    severity: 'high',
    status: 'containment',
    awareAt: '2026-06-10T08:00:00Z',
    systems: [{ name: 'City website', securityLevel: 'M' }],
    iocs: ['203.0.113.7'],
    rootCause: null,
    lessonsLearned: null,
    timeline: [{ at: '2026-06-10T08:05:00Z', text: 'Site taken offline' }],
    malicious: true,
    personalData: false,
  };

  it('drafts each stage from the incident with the content Article 23 asks for', () => {
    const early = draftReport('early-warning', facts);
    expect(early).toMatchObject({ suspectedMalicious: 'yes', crossBorder: 'unknown', affectedServices: 'City website (class M)' });
    expect(Object.keys(early).sort()).toEqual(REPORT_FIELDS['early-warning'].map((f) => f.key).sort());
    expect(draftReport('notification', facts).iocs).toBe('203.0.113.7');
    expect(draftReport('notification', facts).update).toContain('Site taken offline');
  });

  it('lists required fields still empty', () => {
    expect(missingFields('final-report', { description: 'x', threatType: ' ', mitigation: 'y' })).toEqual(['threatType']);
    expect(missingFields('notification', { update: 'a', severity: 'b', impact: 'c' })).toEqual([]);
  });
});
