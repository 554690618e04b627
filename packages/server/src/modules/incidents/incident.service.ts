import { type ReportStage, reportingDeadlines, SIGNIFICANCE_CRITERIA } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { IncidentsTable } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { iso, newId, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { levelVisibleTo } from './incident-reporting.js';

export const INCIDENT_STATUSES = ['new', 'triage', 'containment', 'eradication', 'recovery', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export interface IncidentInput {
  title: string;
  description: string;
  type: string | null;
  severity: (typeof SEVERITIES)[number];
  systemIds: string[];
  personalData: boolean;
  malicious: boolean | null;
  detectedAt: string | null;
  iocs: string[];
  dedupeKey: string | null;
}

export interface IncidentPatch {
  title?: string;
  description?: string;
  type?: string | null;
  severity?: (typeof SEVERITIES)[number];
  status?: IncidentStatus;
  handlerId?: string | null;
  systemIds?: string[];
  personalData?: boolean;
  malicious?: boolean | null;
  iocs?: string[];
  rootCause?: string | null;
  lessonsLearned?: string | null;
}

export interface IncidentFilter {
  status?: IncidentStatus;
  type?: string;
  severity?: string;
  systemId?: string;
  significant?: boolean;
  open?: boolean;
  q?: string;
}

/** Looks a threat key up in the threat catalogue (built in and the organisation's own). */
export type ThreatLookup = (db: Executor, orgId: string, key: string) => Promise<{ key: string; name: string } | undefined>;

const badRequest = (path: string, message: string, text = message) => new AppError('VALIDATION', text, [{ path, message }]);

/**
 * Incidents: recorded from the web app or by tools with an API token (a repeated report of the
 * same event — same dedupe key, still open — is counted on the open incident instead of opening a
 * new one), handled through a dated timeline, marked significant under NIS2 with the moment of
 * awareness that starts the reporting clocks, and closed with root cause and lessons learned.
 */
export class IncidentService {
  threats: ThreatLookup = async (_db, _orgId, key) => ({ key, name: key });

  constructor(private readonly ctx: AppContext) {}

  get db() {
    return this.ctx.db;
  }

  private now = () => this.ctx.clock.now();
  private readAll = (a: Actor) => a.permissions.has('incidents:read');
  private manage = (a: Actor) => a.permissions.has('incidents:manage');

  /** Those without incidents:read follow only what they reported or handle. */
  private scoped(db: Executor, actor: Actor) {
    let q = db.selectFrom('incidents as i').where('i.org_id', '=', actor.orgId);
    if (!this.readAll(actor)) q = q.where((eb) => eb.or([eb('i.created_by', '=', actor.userId), eb('i.handler_id', '=', actor.userId)]));
    return q;
  }

  async row(db: Executor, actor: Actor, id: string) {
    const r = await this.scoped(db, actor).selectAll('i').where('i.id', '=', id).executeTakeFirst();
    if (!r) throw notFound('The incident');
    return r;
  }

  private async checkSystems(db: Executor, orgId: string, ids: readonly string[]) {
    if (ids.length === 0) return;
    const found = await db
      .selectFrom('systems')
      .select('id')
      .where('org_id', '=', orgId)
      .where('id', 'in', [...ids])
      .execute();
    const known = new Set(found.map((f) => f.id));
    const missing = ids.filter((i) => !known.has(i));
    if (missing.length > 0)
      throw badRequest('systemIds', `unknown system ${missing.join(', ')}`, 'An affected system is not in the register.');
  }

  private async checkType(db: Executor, orgId: string, type: string | null | undefined) {
    if (!type) return null;
    const t = await this.threats(db, orgId, type);
    if (!t) throw badRequest('type', `unknown threat "${type}"`, 'The incident type is not in the threat catalogue.');
    return t;
  }

  private assertPast(path: string, value: string, text: string) {
    if (new Date(value).getTime() > this.now().getTime() + 60_000) throw badRequest(path, 'must not be in the future', text);
  }

  private async nextRef(trx: Executor, orgId: string): Promise<string> {
    if (this.ctx.kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`incident-ref:${orgId}`}))`.execute(trx);
    const year = this.now().getUTCFullYear();
    const prefix = `INC-${year}-`;
    const last = await trx
      .selectFrom('incidents')
      .select('ref')
      .where('org_id', '=', orgId)
      .where('ref', 'like', `${prefix}%`)
      .orderBy('ref', 'desc')
      .limit(1)
      .executeTakeFirst();
    const n = last ? Number(last.ref.slice(prefix.length)) + 1 : 1;
    return `${prefix}${String(n).padStart(4, '0')}`;
  }

  async report(actor: Actor, input: IncidentInput, source: 'web' | 'api') {
    if (input.detectedAt) this.assertPast('detectedAt', input.detectedAt, 'The detection time is in the future.');
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.checkSystems(trx, actor.orgId, input.systemIds);
      await this.checkType(trx, actor.orgId, input.type);
      const now = iso(this.now());
      if (input.dedupeKey) {
        if (this.ctx.kind === 'postgres')
          await sql`select pg_advisory_xact_lock(hashtext(${`incident-dedupe:${actor.orgId}`}))`.execute(trx);
        const open = await trx
          .selectFrom('incidents')
          .selectAll()
          .where('org_id', '=', actor.orgId)
          .where('dedupe_key', '=', input.dedupeKey)
          .where('status', '!=', 'closed')
          .executeTakeFirst();
        if (open) {
          await trx
            .updateTable('incidents')
            .set({ report_count: open.report_count + 1, updated_at: now })
            .where('id', '=', open.id)
            .execute();
          await this.entry(
            trx,
            actor.orgId,
            open.id,
            now,
            'reported-again',
            `Reported again (${open.report_count + 1} reports): ${input.title}`,
            actor.userId,
          );
          await audit({
            action: 'incident.reported_again',
            entityType: 'incident',
            entityId: open.id,
            after: { reportCount: open.report_count + 1, source },
          });
          return { id: open.id, ref: open.ref, deduplicated: true };
        }
      }
      const row = {
        id: newId(),
        org_id: actor.orgId,
        ref: await this.nextRef(trx, actor.orgId),
        title: input.title,
        description: input.description,
        type: input.type,
        severity: input.severity,
        status: 'new',
        handler_id: null,
        personal_data: input.personalData ? 1 : 0,
        significant: 0,
        criteria: '[]',
        malicious: input.malicious === null ? null : input.malicious ? 1 : 0,
        detected_at: input.detectedAt ? iso(new Date(input.detectedAt)) : now,
        aware_at: null,
        contained_at: null,
        closed_at: null,
        root_cause: null,
        lessons_learned: null,
        iocs: JSON.stringify(input.iocs),
        dedupe_key: input.dedupeKey,
        report_count: 1,
        source,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('incidents').values(row).execute();
      if (input.systemIds.length > 0)
        await trx
          .insertInto('incident_systems')
          .values([...new Set(input.systemIds)].map((s) => ({ org_id: actor.orgId, incident_id: row.id, system_id: s })))
          .execute();
      await this.entry(
        trx,
        actor.orgId,
        row.id,
        row.detected_at,
        'status',
        `Reported by ${actor.name} (${source === 'api' ? 'API' : 'web app'})`,
        actor.userId,
      );
      await audit({
        action: 'incident.report',
        entityType: 'incident',
        entityId: row.id,
        after: { ref: row.ref, title: row.title, severity: row.severity, type: row.type, source },
      });
      return { id: row.id, ref: row.ref, deduplicated: false };
    });
  }

  private async entry(
    trx: Executor,
    orgId: string,
    incidentId: string,
    at: string,
    kind: string,
    text: string,
    authorId: string | null,
    evidenceId: string | null = null,
  ) {
    await trx
      .insertInto('incident_timeline')
      .values({
        id: newId(),
        org_id: orgId,
        incident_id: incidentId,
        at,
        kind,
        text,
        evidence_id: evidenceId,
        author_id: authorId,
        created_at: iso(this.now()),
      })
      .execute();
  }

  /** Sent reports per incident, for the deadlines shown in lists. */
  private async sentReports(db: Executor, ids: readonly string[]) {
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

  async list(actor: Actor, f: IncidentFilter, page: number, pageSize: number): Promise<Page<ReturnType<typeof listItem>>> {
    let q = this.scoped(this.ctx.db, actor);
    if (f.status) q = q.where('i.status', '=', f.status);
    if (f.open) q = q.where('i.status', '!=', 'closed');
    if (f.type) q = q.where('i.type', '=', f.type);
    if (f.severity) q = q.where('i.severity', '=', f.severity);
    if (f.significant !== undefined) q = q.where('i.significant', '=', f.significant ? 1 : 0);
    if (f.systemId) {
      const systemId = f.systemId;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('incident_systems as s')
            .select('s.system_id')
            .whereRef('s.incident_id', '=', 'i.id')
            .where('s.system_id', '=', systemId),
        ),
      );
    }
    if (f.q) {
      const needle = `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      q = q.where((eb) =>
        eb.or([eb(sql`lower(i.title)`, 'like', sql`${needle} escape '\\'`), eb(sql`lower(i.ref)`, 'like', sql`${needle} escape '\\'`)]),
      );
    }
    const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    const rows = await q
      .leftJoin('users as h', 'h.id', 'i.handler_id')
      .selectAll('i')
      .select('h.name as handler_name')
      .orderBy('i.detected_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const now = this.now();
    const sent = await this.sentReports(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => listItem(r, r.handler_name ?? null, now, sent.get(r.id))), total, page, pageSize };
  }

  async get(actor: Actor, id: string) {
    const db = this.ctx.db;
    const r = await this.row(db, actor, id);
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
    const now = this.now();
    const sent: Partial<Record<ReportStage, Date>> = {};
    for (const p of reports) if (p.sent_at) sent[p.stage as ReportStage] = new Date(p.sent_at);
    return {
      ...listItem(r, handler?.name ?? null, now, sent),
      deadlines: IncidentService.deadlines(r, sent, now).map((d) => ({
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
      systems: systems.map((s) => {
        const levelVisible = levelVisibleTo(actor, s.owner_id);
        return {
          id: s.id,
          name: s.name,
          kind: s.kind,
          sector: s.sector,
          securityLevel: levelVisible ? s.security_level : null,
          notation: levelVisible ? s.notation : null,
          levelVisible,
        };
      }),
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

  async update(actor: Actor, id: string, patch: IncidentPatch) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!this.manage(actor)) throw forbidden('Only incident handlers (incidents:manage) change incidents.');
      const before = await this.row(trx, actor, id);
      if (patch.systemIds) await this.checkSystems(trx, actor.orgId, patch.systemIds);
      if (patch.type !== undefined) await this.checkType(trx, actor.orgId, patch.type);
      if (patch.handlerId) {
        const u = await trx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', patch.handlerId)
          .executeTakeFirst();
        if (!u) throw badRequest('handlerId', 'unknown user', 'The handler is not a user of this organisation.');
      }
      const now = iso(this.now());
      const status = patch.status ?? (before.status as IncidentStatus);
      const rootCause = patch.rootCause !== undefined ? patch.rootCause : before.root_cause;
      const lessons = patch.lessonsLearned !== undefined ? patch.lessonsLearned : before.lessons_learned;
      if (status === 'closed' && before.status !== 'closed') {
        const missing = [!rootCause?.trim() ? 'rootCause' : null, !lessons?.trim() ? 'lessonsLearned' : null].filter(
          (x): x is string => x !== null,
        );
        if (missing.length > 0)
          throw new AppError(
            'VALIDATION',
            'An incident is closed with its root cause and lessons learned.',
            missing.map((m) => ({ path: m, message: 'required to close' })),
          );
      }
      const set: Partial<IncidentsTable> = { updated_at: now };
      if (patch.title !== undefined) set.title = patch.title;
      if (patch.description !== undefined) set.description = patch.description;
      if (patch.type !== undefined) set.type = patch.type;
      if (patch.severity !== undefined) set.severity = patch.severity;
      if (patch.handlerId !== undefined) set.handler_id = patch.handlerId;
      if (patch.personalData !== undefined) set.personal_data = patch.personalData ? 1 : 0;
      if (patch.malicious !== undefined) set.malicious = patch.malicious === null ? null : patch.malicious ? 1 : 0;
      if (patch.iocs !== undefined) set.iocs = JSON.stringify(patch.iocs);
      if (patch.rootCause !== undefined) set.root_cause = patch.rootCause;
      if (patch.lessonsLearned !== undefined) set.lessons_learned = patch.lessonsLearned;
      if (patch.status !== undefined && patch.status !== before.status) {
        set.status = patch.status;
        // Contained = the first step past containment; closed = closing (reopening clears it).
        const past = INCIDENT_STATUSES.indexOf(patch.status) > INCIDENT_STATUSES.indexOf('containment');
        if (past && !before.contained_at) set.contained_at = now;
        set.closed_at = patch.status === 'closed' ? now : null;
        await this.entry(trx, actor.orgId, id, now, 'status', `Status: ${before.status} → ${patch.status}`, actor.userId);
      }
      await trx.updateTable('incidents').set(set).where('id', '=', id).execute();
      if (patch.systemIds) {
        await trx.deleteFrom('incident_systems').where('incident_id', '=', id).execute();
        if (patch.systemIds.length > 0)
          await trx
            .insertInto('incident_systems')
            .values([...new Set(patch.systemIds)].map((s) => ({ org_id: actor.orgId, incident_id: id, system_id: s })))
            .execute();
      }
      await audit({
        action: 'incident.update',
        entityType: 'incident',
        entityId: id,
        before: { status: before.status, severity: before.severity, handlerId: before.handler_id },
        after: { ...patch },
      });
    });
    return this.get(actor, id);
  }

  /**
   * Marks the incident significant (or not) with the criteria that make it so and the moment the
   * organisation became aware — the start of every NIS2 clock. The deadlines themselves are never
   * stored or edited: they are computed from this moment.
   */
  async significance(actor: Actor, id: string, input: { significant: boolean; criteria: string[]; awareAt: string }) {
    this.assertPast('awareAt', input.awareAt, 'The moment of awareness cannot be in the future.');
    const known = new Set<string>(SIGNIFICANCE_CRITERIA.map((c) => c.key));
    const unknown = input.criteria.filter((c) => !known.has(c));
    if (unknown.length > 0)
      throw badRequest('criteria', `unknown criterion ${unknown.join(', ')}`, 'An unknown significance criterion was given.');
    if (input.significant && input.criteria.length === 0)
      throw badRequest('criteria', 'tick at least one criterion', 'Say which criterion makes the incident significant.');
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!this.manage(actor)) throw forbidden('Only incident handlers decide significance.');
      const before = await this.row(trx, actor, id);
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
      await this.entry(
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
    return this.get(actor, id);
  }

  async addEntry(actor: Actor, id: string, input: { at: string | null; text: string }) {
    if (input.at) this.assertPast('at', input.at, 'A timeline entry cannot be dated in the future.');
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!this.manage(actor)) throw forbidden('Only incident handlers add to the timeline.');
      await this.row(trx, actor, id);
      const at = input.at ? iso(new Date(input.at)) : iso(this.now());
      await this.entry(trx, actor.orgId, id, at, 'note', input.text, actor.userId);
      await audit({ action: 'incident.timeline_add', entityType: 'incident', entityId: id, after: { at, text: input.text } });
    });
    return this.get(actor, id);
  }

  /** Files attached to the timeline are stored as evidence of the incident. */
  async attachEvidence(actor: Actor, id: string, evidenceId: string, name: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx) => {
      await this.entry(trx, actor.orgId, id, iso(this.now()), 'evidence', `Evidence attached: ${name}`, actor.userId, evidenceId);
    });
  }

  async addAction(actor: Actor, id: string, input: { title: string; description: string; ownerId: string | null; dueDate: string | null }) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!this.manage(actor)) throw forbidden('Only incident handlers plan corrective actions.');
      await this.row(trx, actor, id);
      if (input.ownerId) {
        const u = await trx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', input.ownerId)
          .executeTakeFirst();
        if (!u) throw badRequest('ownerId', 'unknown user', 'The owner is not a user of this organisation.');
      }
      const now = iso(this.now());
      const row = {
        id: newId(),
        org_id: actor.orgId,
        source_type: 'incident',
        source_id: id,
        ...{ title: input.title, description: input.description, owner_id: input.ownerId, due_date: input.dueDate },
        status: 'open',
        created_at: now,
        closed_at: null,
      };
      await trx.insertInto('corrective_actions').values(row).execute();
      await this.entry(trx, actor.orgId, id, now, 'action', `Corrective action planned: ${input.title}`, actor.userId);
      await audit({
        action: 'corrective_action.create',
        entityType: 'corrective_action',
        entityId: row.id,
        after: { incidentId: id, title: input.title, dueDate: input.dueDate },
      });
    });
    return this.get(actor, id);
  }

  /** The board: every status with its count and its newest incidents. */
  async board(actor: Actor) {
    const rows = await this.scoped(this.ctx.db, actor)
      .leftJoin('users as h', 'h.id', 'i.handler_id')
      .selectAll('i')
      .select('h.name as handler_name')
      .where((eb) =>
        eb.or([eb('i.status', '!=', 'closed'), eb('i.closed_at', '>=', iso(new Date(this.now().getTime() - 30 * 86_400_000)))]),
      )
      .orderBy('i.detected_at', 'desc')
      .limit(1000)
      .execute();
    const now = this.now();
    const sent = await this.sentReports(
      this.ctx.db,
      rows.map((r) => r.id),
    );
    return {
      columns: INCIDENT_STATUSES.map((status) => {
        const items = rows.filter((r) => r.status === status);
        return {
          status,
          count: items.length,
          items: items.slice(0, 50).map((r) => listItem(r, r.handler_name ?? null, now, sent.get(r.id))),
        };
      }),
    };
  }

  /** Time to contain, incidents by type and by the sectors of the affected systems. */
  async metrics(actor: Actor, sinceDays: number) {
    const since = iso(new Date(this.now().getTime() - sinceDays * 86_400_000));
    const rows = await this.scoped(this.ctx.db, actor).selectAll('i').where('i.detected_at', '>=', since).execute();
    const hours = rows
      .filter((r) => r.contained_at)
      .map((r) => (new Date(r.contained_at as string).getTime() - new Date(r.detected_at).getTime()) / 3_600_000)
      .sort((a, b) => a - b);
    const median =
      hours.length === 0
        ? null
        : hours.length % 2
          ? (hours[(hours.length - 1) / 2] as number)
          : ((hours[hours.length / 2 - 1] as number) + (hours[hours.length / 2] as number)) / 2;
    const byType = new Map<string, number>();
    for (const r of rows) byType.set(r.type ?? '', (byType.get(r.type ?? '') ?? 0) + 1);
    const ids = rows.map((r) => r.id);
    const sectors = ids.length
      ? await this.ctx.db
          .selectFrom('incident_systems as s')
          .innerJoin('systems as y', 'y.id', 's.system_id')
          .select(['y.sector', sql<number>`count(distinct s.incident_id)`.as('n')])
          .where('s.org_id', '=', actor.orgId)
          .where('s.incident_id', 'in', ids.slice(0, 5000))
          .groupBy('y.sector')
          .execute()
      : [];
    return {
      since,
      total: rows.length,
      open: rows.filter((r) => r.status !== 'closed').length,
      significant: rows.filter((r) => r.significant === 1).length,
      medianHoursToContain: median === null ? null : Math.round(median * 10) / 10,
      byType: [...byType].map(([type, count]) => ({ type: type || null, count })).sort((a, b) => b.count - a.count),
      bySector: sectors.map((s) => ({ sector: s.sector, count: Number(s.n) })).sort((a, b) => b.count - a.count),
    };
  }

  /** The reporting deadlines of a stored incident at `now`. */
  static deadlines(
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
}

function listItem(
  r: Pick<
    IncidentsTable,
    | 'id'
    | 'ref'
    | 'title'
    | 'type'
    | 'severity'
    | 'status'
    | 'significant'
    | 'detected_at'
    | 'aware_at'
    | 'report_count'
    | 'handler_id'
    | 'closed_at'
    | 'personal_data'
  >,
  handlerName: string | null,
  now: Date,
  sent: Partial<Record<ReportStage, Date>> = {},
) {
  const deadlines = IncidentService.deadlines(r, sent, now);
  const next = deadlines
    .filter((d) => d.due && d.state !== 'sent' && d.state !== 'sent-late')
    .sort((a, b) => (a.due as Date).getTime() - (b.due as Date).getTime())[0];
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    type: r.type,
    severity: r.severity,
    status: r.status as IncidentStatus,
    significant: r.significant === 1,
    detectedAt: r.detected_at,
    awareAt: r.aware_at,
    reportCount: r.report_count,
    handlerId: r.handler_id,
    handlerName,
    nextDeadline: next ? { stage: next.stage, due: (next.due as Date).toISOString() } : null,
  };
}
