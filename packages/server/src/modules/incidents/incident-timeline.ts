import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { forbidden } from '../../errors.js';
import { iso, newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { assertPast, checkUser, incidentRow, manages } from './incident-common.js';

export interface TimelineNote {
  /** When it happened; null: now. */
  at: string | null;
  text: string;
}

export interface ActionInput {
  title: string;
  description: string;
  ownerId: string | null;
  dueDate: string | null;
}

/**
 * The incident's dated timeline: what the other parts write there (reports, status changes,
 * significance), the handlers' notes, files attached as evidence and the corrective actions
 * planned. Changes return nothing: the caller reads the incident back after the commit.
 */
export class IncidentTimeline {
  constructor(private readonly ctx: AppContext) {}

  private now = () => this.ctx.clock.now();

  async entry(
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

  async addEntry(actor: Actor, id: string, input: TimelineNote) {
    if (input.at) assertPast(this.now(), 'at', input.at, 'A timeline entry cannot be dated in the future.');
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!manages(actor)) throw forbidden('Only incident handlers add to the timeline.');
      await incidentRow(trx, actor, id);
      const at = input.at ? iso(new Date(input.at)) : iso(this.now());
      await this.entry(trx, actor.orgId, id, at, 'note', input.text, actor.userId);
      await audit({ action: 'incident.timeline_add', entityType: 'incident', entityId: id, after: { at, text: input.text } });
    });
  }

  /** Files attached to the timeline are stored as evidence of the incident. */
  async attachEvidence(actor: Actor, id: string, evidenceId: string, name: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx) => {
      await this.entry(trx, actor.orgId, id, iso(this.now()), 'evidence', `Evidence attached: ${name}`, actor.userId, evidenceId);
    });
  }

  async addAction(actor: Actor, id: string, input: ActionInput) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (!manages(actor)) throw forbidden('Only incident handlers plan corrective actions.');
      await incidentRow(trx, actor, id);
      if (input.ownerId) await checkUser(trx, actor.orgId, input.ownerId, 'ownerId', 'The owner is not a user of this organisation.');
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
  }
}
