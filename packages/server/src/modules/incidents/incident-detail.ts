import { type ReportStage, SIGNIFICANCE_CRITERIA } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { incidentRow, type ThreatLookup } from './incident-common.js';
import { listItem } from './incident-lists.js';
import { incidentDeadlines } from './incident-nis2.js';
import { systemRef } from './incident-reporting.js';

/**
 * The incident as its page shows it: the list item's fields, every reporting deadline, the
 * affected systems, the timeline, the reports and the corrective actions.
 */
export class IncidentDetail {
  constructor(
    private readonly ctx: AppContext,
    private readonly threats: ThreatLookup,
  ) {}

  private now = () => this.ctx.clock.now();

  async get(actor: Actor, id: string) {
    const db = this.ctx.db;
    const r = await incidentRow(db, actor, id);
    const [systems, timeline, reports, actions, handler, org, type] = await Promise.all([
      db
        .selectFrom('incident_systems as s')
        .innerJoin('systems as y', 'y.id', 's.system_id')
        .select(['y.id', 'y.name', 'y.kind', 'y.sector', 'y.security_level', 'y.notation', 'y.owner_id'])
        .where('s.incident_id', '=', id)
        .orderBy('y.name_key')
        .execute(),
      db
        .selectFrom('incident_timeline as t')
        .leftJoin('users as u', 'u.id', 't.author_id')
        .leftJoin('evidence as e', 'e.id', 't.evidence_id')
        .select(['t.id', 't.at', 't.kind', 't.text', 't.evidence_id', 'e.name as evidence_name', 'u.name as author_name'])
        .where('t.incident_id', '=', id)
        .orderBy('t.at')
        .orderBy('t.id')
        .limit(1000)
        .execute(),
      db.selectFrom('incident_reports').select(['stage', 'sent_at', 'updated_at']).where('incident_id', '=', id).execute(),
      db
        .selectFrom('corrective_actions as a')
        .leftJoin('users as u', 'u.id', 'a.owner_id')
        .selectAll('a')
        .select('u.name as owner_name')
        .where('a.source_type', '=', 'incident')
        .where('a.source_id', '=', id)
        .orderBy('a.created_at')
        .execute(),
      r.handler_id ? db.selectFrom('users').select('name').where('id', '=', r.handler_id).executeTakeFirst() : undefined,
      db.selectFrom('organisations').select('time_zone').where('id', '=', actor.orgId).executeTakeFirstOrThrow(),
      r.type ? this.threats(db, actor.orgId, r.type) : undefined,
    ]);
    const sent: Partial<Record<ReportStage, Date>> = {};
    for (const p of reports) if (p.sent_at) sent[p.stage as ReportStage] = new Date(p.sent_at);
    // Once for the list item's next deadline and the full list below.
    const deadlines = incidentDeadlines(r, sent, this.now());
    return {
      ...listItem(r, handler?.name ?? null, deadlines),
      deadlines: deadlines.map((d) => ({
        stage: d.stage,
        due: d.due ? d.due.toISOString() : null,
        sentAt: d.sentAt ? d.sentAt.toISOString() : null,
        state: d.state,
        basis: d.basis,
        remainingMs: d.remainingMs,
      })),
      typeName: type?.name ?? null,
      description: r.description,
      personalData: r.personal_data === 1,
      malicious: r.malicious === null ? null : r.malicious === 1,
      criteria: JSON.parse(r.criteria) as string[],
      iocs: JSON.parse(r.iocs) as string[],
      rootCause: r.root_cause,
      lessonsLearned: r.lessons_learned,
      containedAt: r.contained_at,
      closedAt: r.closed_at,
      source: r.source,
      timeZone: org.time_zone,
      // Levels show which systems matter most: only to those the register shows them to.
      systems: systems.map((s) => systemRef(actor, s)),
      timeline: timeline.map((t) => ({
        id: t.id,
        at: t.at,
        kind: t.kind,
        text: t.text,
        evidence: t.evidence_id ? { id: t.evidence_id, name: t.evidence_name ?? '' } : null,
        authorName: t.author_name ?? null,
      })),
      reports: reports.map((p) => ({ stage: p.stage as ReportStage, sentAt: p.sent_at, updatedAt: p.updated_at })),
      actions: actions.map((a) => ({
        id: a.id,
        title: a.title,
        description: a.description,
        ownerId: a.owner_id,
        ownerName: a.owner_name ?? null,
        dueDate: a.due_date,
        status: a.status,
        closedAt: a.closed_at,
      })),
      significanceCriteria: SIGNIFICANCE_CRITERIA.map((c) => ({ key: c.key, text: c.text })),
    };
  }
}
