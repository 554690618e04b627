import { type Deadline, type ReportStage, reportingDeadlines, SIGNIFICANCE_CRITERIA } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { IncidentsTable } from '../../db/schema.js';
import { AppError, forbidden } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { assertPast, badRequest, incidentRow, manages } from './incident-common.js';
import type { IncidentTimeline } from './incident-timeline.js';

/** The reporting deadlines of a stored incident at `now`. */
export function incidentDeadlines(
  r: Pick<IncidentsTable, 'aware_at' | 'significant' | 'personal_data' | 'closed_at' | 'detected_at'>,
  sent: Partial<Record<ReportStage, Date>>,
  now: Date,
) {
  if (!r.aware_at) return [];
  return reportingDeadlines(
    {
      awareAt: new Date(r.aware_at),
      significant: r.significant === 1,
      personalData: r.personal_data === 1,
      closedAt: r.closed_at ? new Date(r.closed_at) : null,
      sent,
    },
    now,
  );
}

/** The earliest deadline still owed: what a list shows beside the incident. */
export function nextDeadline(deadlines: readonly Deadline[]) {
  const next = deadlines
    .filter((d) => d.due && d.state !== 'sent' && d.state !== 'sent-late')
    .sort((a, b) => (a.due as Date).getTime() - (b.due as Date).getTime())[0];
  return next ? { stage: next.stage, due: (next.due as Date).toISOString() } : null;
}

/** Sent reports per incident, for the deadlines shown in lists. */
export async function sentReports(db: Executor, ids: readonly string[]) {
  const out = new Map<string, Partial<Record<ReportStage, Date>>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('incident_reports')
    .select(['incident_id', 'stage', 'sent_at'])
    .where('incident_id', 'in', [...ids])
    .where('sent_at', 'is not', null)
    .execute();
  for (const r of rows) {
    const m = out.get(r.incident_id) ?? {};
    m[r.stage as ReportStage] = new Date(r.sent_at as string);
    out.set(r.incident_id, m);
  }
  return out;
}

export interface SignificanceInput {
  significant: boolean;
  criteria: string[];
  awareAt: string;
}

/** Significance under NIS2, decided by the incident handlers. Returns nothing: read the incident back after the commit. */
export class IncidentSignificance {
  constructor(
    private readonly ctx: AppContext,
    private readonly timeline: IncidentTimeline,
  ) {}

  private now = () => this.ctx.clock.now();

  /**
   * Marks the incident significant (or not) with the criteria that make it so and the moment the
   * organisation became aware — the start of every NIS2 clock. The deadlines themselves are never
   * stored or edited: they are computed from this moment.
   */
  async significance(actor: Actor, id: string, input: SignificanceInput) {
    assertPast(this.now(), 'awareAt', input.awareAt, 'The moment of awareness cannot be in the future.');
    const known = new Set<string>(SIGNIFICANCE_CRITERIA.map((c) => c.key));
    const unknown = input.criteria.filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw badRequest('criteria', `unknown criterion ${unknown.join(', ')}`, 'An unknown significance criterion was given.');
    if (input.significant && input.criteria.length === 0)
      throw badRequest('criteria', 'tick at least one criterion', 'Say which criterion makes the incident significant.');
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!manages(actor)) throw forbidden('Only incident handlers decide significance.');
      const before = await incidentRow(trx, actor, id);
      const awareAt = iso(new Date(input.awareAt));
      if (new Date(awareAt).getTime() < new Date(before.detected_at).getTime() - 365 * 86_400_000)
        throw badRequest('awareAt', 'more than a year before detection', 'The moment of awareness is implausibly early.');
      const sent = await trx
        .selectFrom('incident_reports')
        .select('stage')
        .where('incident_id', '=', id)
        .where('sent_at', 'is not', null)
        .executeTakeFirst();
      if (sent && before.aware_at && before.aware_at !== awareAt)
        throw new AppError(
          'CONFLICT',
          'Reports were already sent on the basis of the recorded moment of awareness; it can no longer change.',
        );
      await trx
        .updateTable('incidents')
        .set({
          significant: input.significant ? 1 : 0,
          criteria: JSON.stringify(input.criteria),
          aware_at: awareAt,
          updated_at: iso(this.now()),
        })
        .where('id', '=', id)
        .execute();
      await this.timeline.entry(
        trx,
        actor.orgId,
        id,
        iso(this.now()),
        'significance',
        input.significant
          ? `Marked significant under NIS2 (aware since ${awareAt.slice(0, 16).replace('T', ' ')} UTC)`
          : 'Marked not significant under NIS2',
        actor.userId,
      );
      await audit({
        action: 'incident.significance',
        entityType: 'incident',
        entityId: id,
        before: { significant: before.significant === 1, awareAt: before.aware_at },
        after: { significant: input.significant, criteria: input.criteria, awareAt },
      });
    });
  }
}
