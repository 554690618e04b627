import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { iso, newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { assertPast, checkSystems, checkType, type SEVERITIES, type ThreatLookup } from './incident-common.js';
import type { IncidentTimeline } from './incident-timeline.js';

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

/**
 * Recording an incident, from the web app or by a tool with an API token: a repeated report of
 * the same event — same dedupe key, still open — is counted on the open incident instead of
 * opening a new one.
 */
export class IncidentRecording {
  constructor(
    private readonly ctx: AppContext,
    private readonly threats: ThreatLookup,
    private readonly timeline: IncidentTimeline,
  ) {}

  private now = () => this.ctx.clock.now();

  /** INC-<year>-<n> per organisation; on PostgreSQL the lock keeps two reports off the same number (SQLite has one writer). */
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
    if (input.detectedAt) assertPast(this.now(), 'detectedAt', input.detectedAt, 'The detection time is in the future.');
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await checkSystems(trx, actor.orgId, input.systemIds);
      await checkType(this.threats, trx, actor.orgId, input.type);
      const now = iso(this.now());
      if (input.dedupeKey) {
        // Serialised on PostgreSQL too, so two reports of the same event at once cannot both open an incident.
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
          await this.timeline.entry(
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
      await this.timeline.entry(
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
}
