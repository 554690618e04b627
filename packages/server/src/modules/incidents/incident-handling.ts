import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { IncidentsTable } from '../../db/schema.js';
import { AppError, forbidden } from '../../errors.js';
import { iso } from '../../util.js';
import {
  checkSystems,
  checkType,
  checkUser,
  INCIDENT_STATUSES,
  type IncidentStatus,
  incidentRow,
  manages,
  type SEVERITIES,
  type ThreatLookup,
} from './incident-common.js';
import type { IncidentTimeline } from './incident-timeline.js';

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

/**
 * Handling an incident (incidents:manage): its facts, handler and affected systems, the steps of
 * its status up to closing, which needs the root cause and the lessons learned. Returns nothing:
 * read the incident back after the commit.
 */
export class IncidentHandling {
  constructor(
    private readonly ctx: AppContext,
    private readonly threats: ThreatLookup,
    private readonly timeline: IncidentTimeline,
  ) {}

  private now = () => this.ctx.clock.now();

  async update(actor: Actor, id: string, patch: IncidentPatch) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!manages(actor)) throw forbidden('Only incident handlers (incidents:manage) change incidents.');
      const before = await incidentRow(trx, actor, id);
      if (patch.systemIds) await checkSystems(trx, actor.orgId, patch.systemIds);
      if (patch.type !== undefined) await checkType(this.threats, trx, actor.orgId, patch.type);
      if (patch.handlerId)
        await checkUser(trx, actor.orgId, patch.handlerId, 'handlerId', 'The handler is not a user of this organisation.');
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
        await this.timeline.entry(trx, actor.orgId, id, now, 'status', `Status: ${before.status} → ${patch.status}`, actor.userId);
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
  }
}
