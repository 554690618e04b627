import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { iso, newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { checkEvidenceFile, evidenceView, openEvidenceFile, storeEvidenceFile } from './evidence-files.js';
import type { RequirementService } from './requirement.service.js';

export type EvidenceTarget =
  | { type: 'requirement'; id: string }
  | { type: 'component-requirement'; id: string }
  | { type: 'incident'; id: string };

/**
 * Evidence for a requirement of a system, or for a common component's implementation (which every
 * system using the component then shows as inherited evidence): files kept with their SHA-256,
 * size and checked type, or links.
 */
const entityTypeOf = (t: string) => (t === 'requirement' ? 'system_requirement' : t === 'incident' ? 'incident' : 'component_requirement');

export class EvidenceService {
  /** Set by the wiring: throws unless the caller may see the incident. */
  incidentVisible: (actor: Actor, id: string) => Promise<unknown> = async () => {
    throw forbidden();
  };

  constructor(
    private readonly ctx: AppContext,
    private readonly requirements: RequirementService,
  ) {}

  /** Changing evidence needs what changing the record needs: an editable system, or components:manage. */
  private async assertWritable(db: Executor, actor: Actor, target: EvidenceTarget) {
    if (target.type === 'requirement') {
      await this.requirements.editableRow(db, actor, target.id);
      return;
    }
    if (target.type === 'incident') {
      const row = await db
        .selectFrom('incidents')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', target.id)
        .executeTakeFirst();
      if (!row) throw notFound('The incident');
      if (!actor.permissions.has('incidents:manage')) throw forbidden('Only incident handlers attach evidence to incidents.');
      return;
    }
    const row = await db
      .selectFrom('component_requirements')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', target.id)
      .executeTakeFirst();
    if (!row) throw notFound('The component requirement');
    if (!actor.permissions.has('components:manage')) throw forbidden('Only those who manage components can change their evidence.');
  }

  async addFile(actor: Actor, target: EvidenceTarget, name: string, bytes: Buffer) {
    const mediaType = checkEvidenceFile(name, bytes);
    // Refused before the file touches the disk; stored before the row so a row never points at nothing.
    await this.assertWritable(this.ctx.db, actor, target);
    const sha = await storeEvidenceFile(this.ctx.config.evidenceDir, bytes);
    return this.insert(actor, target, { kind: 'file', name, url: null, sha256: sha, size: bytes.length, media_type: mediaType });
  }

  async addLink(actor: Actor, target: EvidenceTarget, name: string, url: string) {
    return this.insert(actor, target, { kind: 'link', name, url, sha256: null, size: null, media_type: null });
  }

  private insert(
    actor: Actor,
    target: EvidenceTarget,
    e: { kind: string; name: string; url: string | null; sha256: string | null; size: number | null; media_type: string | null },
  ) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.assertWritable(trx, actor, target);
      const row = {
        id: newId(),
        org_id: actor.orgId,
        target_type: target.type,
        target_id: target.id,
        ...e,
        added_by: actor.userId,
        added_at: iso(this.ctx.clock.now()),
      };
      await trx.insertInto('evidence').values(row).execute();
      await audit({
        action: 'evidence.add',
        entityType: entityTypeOf(target.type),
        entityId: target.id,
        after: { evidenceId: row.id, kind: e.kind, name: e.name, url: e.url, sha256: e.sha256, size: e.size, mediaType: e.media_type },
      });
      return {
        id: row.id,
        kind: e.kind as 'file' | 'link',
        name: e.name,
        url: e.url,
        sha256: e.sha256,
        size: e.size,
        mediaType: e.media_type,
        addedAt: row.added_at,
        addedByName: actor.name,
        inherited: target.type === 'component-requirement',
      };
    });
  }

  private async row(db: Executor, actor: Actor, id: string) {
    const e = await db.selectFrom('evidence').selectAll().where('org_id', '=', actor.orgId).where('id', '=', id).executeTakeFirst();
    if (!e) throw notFound('The evidence');
    return e;
  }

  /** A component implementation's evidence, newest first; components are visible to every reader of the register. */
  async ofComponentRequirement(actor: Actor, id: string) {
    const db = this.ctx.db;
    const cr = await db
      .selectFrom('component_requirements')
      .select('id')
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!cr) throw notFound('The component requirement');
    const rows = await db
      .selectFrom('evidence')
      .leftJoin('users', 'users.id', 'evidence.added_by')
      .selectAll('evidence')
      .select('users.name as added_by_name')
      .where('evidence.org_id', '=', actor.orgId)
      .where('target_type', '=', 'component-requirement')
      .where('target_id', '=', id)
      .orderBy('added_at', 'desc')
      .limit(500)
      .execute();
    // The component's own view: nothing here is inherited.
    return rows.map((e) => evidenceView(e, false));
  }

  /** Reading follows the record: a requirement's evidence as its system, a component's for every reader of the register. */
  async download(actor: Actor, id: string) {
    const e = await this.row(this.ctx.db, actor, id);
    if (e.target_type === 'requirement') await this.requirements.get(actor, e.target_id);
    if (e.target_type === 'incident') await this.incidentVisible(actor, e.target_id);
    if (e.kind !== 'file' || !e.sha256) throw new AppError('VALIDATION', 'This evidence is a link, not a file.');
    return {
      name: e.name,
      mediaType: e.media_type ?? 'application/octet-stream',
      size: e.size ?? 0,
      stream: openEvidenceFile(this.ctx.config.evidenceDir, e.sha256),
    };
  }

  async remove(actor: Actor, id: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const e = await this.row(trx, actor, id);
      await this.assertWritable(trx, actor, { type: e.target_type as EvidenceTarget['type'], id: e.target_id });
      await trx.deleteFrom('evidence').where('id', '=', id).execute();
      // The file stays: other evidence may share it (content-addressed), and the audit trail names its hash.
      await audit({
        action: 'evidence.remove',
        entityType: entityTypeOf(e.target_type),
        entityId: e.target_id,
        before: { evidenceId: id, kind: e.kind, name: e.name, url: e.url, sha256: e.sha256 },
      });
    });
  }
}
