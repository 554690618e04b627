import { type ImplementationStatus, isOpen } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { iso, newId, type Page } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { SystemService } from '../registry/system.service.js';
import { evidenceView } from './evidence-files.js';
import { refreshInheritance } from './inheritance.js';
import { listRequirements, type RequirementFilter, type RequirementListItem, scopedRequirements } from './requirement-list.js';
import { chunks, refreshSummary } from './requirement-summary.js';

export type { RequirementFilter, RequirementListItem };

export interface RequirementPatch {
  status?: ImplementationStatus;
  justification?: string | null;
  statement?: string;
  responsibleId?: string | null;
  dueDate?: string | null;
  /** false: stop overriding and inherit from the component again. */
  override?: boolean;
  /** The change flagged by a catalog upgrade was reviewed. */
  reviewed?: boolean;
}

const today = (d: Date) => iso(d).slice(0, 10);

/**
 * Implementation tracking: each system's requirements with status, responsible person, due date,
 * statement and justification. System owners change their own systems' records, security officers
 * all; auditors and others read what they may see. Every change is audited and the dashboard
 * summary is rewritten in the same transaction.
 */
export class RequirementService {
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
  ) {}

  private readAll = (a: Actor) => a.permissions.has('systems:read-all');

  /** The base query: requirement rows of systems the caller may see. */
  private scoped(db: Executor, actor: Actor) {
    return scopedRequirements(db, actor);
  }

  /** One page of requirement records (see requirement-list.ts). */
  list(actor: Actor, f: RequirementFilter, page: number, pageSize: number): Promise<Page<RequirementListItem>> {
    return listRequirements(this.ctx, actor, f, page, pageSize);
  }

  /** Counts per status for one system, from the summary (what the progress bar shows). */
  async systemProgress(actor: Actor, systemId: string) {
    const system = await this.systems.get(actor, systemId);
    const rows = await this.ctx.db.selectFrom('requirement_summary').selectAll().where('system_id', '=', systemId).execute();
    const now = today(this.ctx.clock.now());
    const counts = { 'not-started': 0, planned: 0, partially: 0, implemented: 0, 'not-applicable': 0 };
    let overdue = 0;
    let reviewRequired = 0;
    const families = rows.map((r) => {
      counts['not-started'] += r.not_started;
      counts.planned += r.planned;
      counts.partially += r.partially;
      counts.implemented += r.implemented;
      counts['not-applicable'] += r.not_applicable;
      reviewRequired += r.review_required;
      for (const [day, n] of Object.entries(JSON.parse(r.open_due) as Record<string, number>)) if (day < now) overdue += n;
      return {
        family: r.family,
        familyTitle: r.family_title,
        total: r.not_started + r.planned + r.partially + r.implemented + r.not_applicable,
        implemented: r.implemented,
        partially: r.partially,
        notApplicable: r.not_applicable,
      };
    });
    const latestChange = await this.ctx.db
      .selectFrom('baseline_changes')
      .selectAll()
      .where('system_id', '=', systemId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      systemId,
      securityLevel: system.securityLevel,
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
      overdue,
      reviewRequired,
      families: families.sort((a, b) => a.family.localeCompare(b.family)),
      latestChange: latestChange
        ? {
            at: latestChange.at,
            cause: latestChange.cause,
            securityLevel: latestChange.security_level,
            added: JSON.parse(latestChange.added) as string[],
            removed: JSON.parse(latestChange.removed) as string[],
            changed: JSON.parse(latestChange.changed) as string[],
          }
        : null,
    };
  }

  /** One requirement with the control's text, the inherited component's implementation, evidence and comments. */
  async get(actor: Actor, id: string, db: Executor = this.ctx.db) {
    const r = await this.scoped(db, actor).selectAll('r').select('s.name as system_name').where('r.id', '=', id).executeTakeFirst();
    if (!r) throw notFound('The requirement');
    const control = await db
      .selectFrom('catalog_controls')
      .select(['title', 'label', 'body'])
      .where('version_id', '=', r.version_id)
      .where('control_id', '=', r.control_id)
      .executeTakeFirst();
    const responsible = r.responsible_id
      ? await db.selectFrom('users').select(['name', 'email']).where('id', '=', r.responsible_id).executeTakeFirst()
      : undefined;
    const component = r.component_id
      ? await db
          .selectFrom('component_requirements as cr')
          .innerJoin('components as k', 'k.id', 'cr.component_id')
          .select(['cr.id', 'cr.component_id', 'k.name', 'cr.status', 'cr.statement'])
          .where('cr.component_id', '=', r.component_id)
          .where('cr.control_id', '=', r.control_id)
          .executeTakeFirst()
      : undefined;
    const evidence = await db
      .selectFrom('evidence')
      .leftJoin('users', 'users.id', 'evidence.added_by')
      .selectAll('evidence')
      .select('users.name as added_by_name')
      .where((eb) =>
        eb.or([
          eb.and([eb('target_type', '=', 'requirement'), eb('target_id', '=', r.id)]),
          ...(component ? [eb.and([eb('target_type', '=', 'component-requirement'), eb('target_id', '=', component.id)])] : []),
        ]),
      )
      .orderBy('added_at', 'desc')
      .execute();
    const comments = await db
      .selectFrom('requirement_comments')
      .leftJoin('users', 'users.id', 'requirement_comments.author_id')
      .select(['requirement_comments.id', 'requirement_comments.body', 'requirement_comments.created_at', 'users.name as author_name'])
      .where('requirement_id', '=', r.id)
      .orderBy('requirement_comments.created_at', 'asc')
      .limit(500)
      .execute();
    const now = today(this.ctx.clock.now());
    return {
      id: r.id,
      systemId: r.system_id,
      systemName: r.system_name,
      controlId: r.control_id,
      versionId: r.version_id,
      label: control?.label ?? null,
      title: control?.title ?? r.control_id,
      control: control ? (JSON.parse(control.body) as Record<string, unknown>) : null,
      family: r.family,
      familyTitle: r.family_title,
      applies: r.applies === 1,
      status: r.status as ImplementationStatus,
      effectiveStatus: r.effective_status as ImplementationStatus,
      overridden: r.override === 1,
      inherited: component
        ? { componentId: component.component_id, componentName: component.name, status: component.status, statement: component.statement }
        : null,
      justification: r.justification,
      statement: r.statement,
      responsibleId: r.responsible_id,
      responsibleName: responsible?.name ?? null,
      dueDate: r.due_date,
      overdue: r.due_date !== null && r.due_date < now && isOpen(r.effective_status),
      reviewRequired: r.review_required === 1,
      reviewNote: r.review_note,
      updatedAt: r.updated_at,
      evidence: evidence.map((e) => evidenceView(e, e.target_type === 'component-requirement')),
      comments: comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.created_at, authorName: c.author_name ?? null })),
    };
  }

  /** The row, for a change: the system must be editable by the caller. */
  async editableRow(db: Executor, actor: Actor, id: string) {
    const r = await db
      .selectFrom('system_requirements')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!r) throw notFound('The requirement');
    await this.systems.assertEditable(db, actor, r.system_id).catch((err: unknown) => {
      // A requirement of a system the caller cannot see is "not found", as the system would be.
      if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound('The requirement');
      throw err;
    });
    return r;
  }

  private async checkResponsible(db: Executor, orgId: string, userId: string | null | undefined) {
    if (!userId) return;
    const u = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('id', '=', userId).executeTakeFirst();
    if (!u)
      throw new AppError('VALIDATION', 'The responsible person is not a user of this organisation.', [
        { path: 'responsibleId', message: 'unknown user' },
      ]);
  }

  async update(actor: Actor, id: string, patch: RequirementPatch) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.editableRow(trx, actor, id);
      await this.checkResponsible(trx, actor.orgId, patch.responsibleId);
      const status = patch.status ?? (before.status as ImplementationStatus);
      const justification = patch.justification !== undefined ? patch.justification : before.justification;
      if (status === 'not-applicable' && !justification?.trim()) {
        throw new AppError('VALIDATION', '"Not applicable" needs a justification.', [
          { path: 'justification', message: 'required for not applicable' },
        ]);
      }
      // Setting a status on an inherited requirement overrides the component; `override: false` inherits again.
      const ownChange = patch.status !== undefined && patch.status !== before.status;
      const override =
        patch.override === false ? 0 : patch.override === true || (ownChange && before.component_id !== null) ? 1 : before.override;
      const next = {
        status,
        justification: status === 'not-applicable' ? (justification ?? null) : (justification ?? null),
        statement: patch.statement ?? before.statement,
        responsible_id: patch.responsibleId !== undefined ? patch.responsibleId : before.responsible_id,
        due_date: patch.dueDate !== undefined ? patch.dueDate : before.due_date,
        override,
        effective_status: status,
        component_id: override ? null : before.component_id,
        ...(patch.reviewed ? { review_required: 0, review_note: null } : {}),
        updated_at: iso(this.ctx.clock.now()),
        updated_by: actor.userId,
      };
      await trx.updateTable('system_requirements').set(next).where('id', '=', id).execute();
      await refreshInheritance(trx, [before.system_id], [before.control_id]);
      await refreshSummary(trx, actor.orgId, [before.system_id]);
      await audit({
        action: 'requirement.update',
        entityType: 'system_requirement',
        entityId: id,
        before: pick(before),
        after: { ...pick({ ...before, ...next }), systemId: before.system_id, controlId: before.control_id },
      });
    });
    return this.get(actor, id);
  }

  /**
   * The same change to many requirements (across systems or within one). All or nothing: every
   * requirement must exist and be editable by the caller, else nothing changes.
   */
  async bulkUpdate(actor: Actor, ids: readonly string[], patch: Omit<RequirementPatch, 'override' | 'reviewed'>) {
    const unique = [...new Set(ids)];
    if (patch.status === 'not-applicable' && !patch.justification?.trim()) {
      throw new AppError('VALIDATION', '"Not applicable" needs a justification.', [
        { path: 'set.justification', message: 'required for not applicable' },
      ]);
    }
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.checkResponsible(trx, actor.orgId, patch.responsibleId);
      // Looked up by id alone, the organisation checked on the rows found: with `org_id = ?` in the
      // query SQLite (without statistics) walks the organisation's index over every record.
      const rows: Array<{ id: string; system_id: string; owner_id: string | null }> = [];
      for (const part of chunks(unique, 500)) {
        const found = await trx
          .selectFrom('system_requirements as r')
          .innerJoin('systems as s', 's.id', 'r.system_id')
          .select(['r.id', 'r.org_id', 'r.system_id', 's.owner_id'])
          .where('r.id', 'in', part)
          .execute();
        rows.push(...found.filter((r) => r.org_id === actor.orgId));
      }
      const manageAll = actor.permissions.has('systems:manage-all');
      const missing = unique.length - rows.length;
      const foreign = rows.filter((r) => !manageAll && r.owner_id !== actor.userId);
      if (missing > 0 || (foreign.length > 0 && !this.readAll(actor))) throw notFound(`${missing + foreign.length} of the requirements`);
      if (foreign.length > 0) throw forbidden(`You can only change requirements of systems you own (${foreign.length} are not yours).`);
      const set: Record<string, unknown> = { updated_at: iso(this.ctx.clock.now()), updated_by: actor.userId };
      if (patch.status !== undefined) {
        set.status = patch.status;
        set.effective_status = patch.status;
        // A status set by hand on an inherited requirement overrides the component.
        set.override = sql`case when component_id is not null or override = 1 then 1 else 0 end`;
        set.component_id = null;
      }
      if (patch.justification !== undefined) set.justification = patch.justification;
      if (patch.statement !== undefined) set.statement = patch.statement;
      if (patch.responsibleId !== undefined) set.responsible_id = patch.responsibleId;
      if (patch.dueDate !== undefined) set.due_date = patch.dueDate;
      if (patch.status !== undefined && patch.status !== 'not-applicable' && patch.justification === undefined) set.justification = null;
      for (const part of chunks(unique, 500)) {
        // Every id was found in the caller's organisation above.
        await trx.updateTable('system_requirements').set(set).where('id', 'in', part).execute();
      }
      const systems = [...new Set(rows.map((r) => r.system_id))];
      await refreshSummary(trx, actor.orgId, systems);
      await audit({
        action: 'requirement.bulk_update',
        entityType: 'system_requirement',
        entityId: null,
        after: { count: unique.length, systems: systems.length, set: patch, ids: unique.length <= 200 ? unique : undefined },
      });
      return { updated: unique.length, systems: systems.length };
    });
  }

  async comment(actor: Actor, id: string, body: string) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      // Anyone who may see the requirement may comment on it (auditors too): comments are not the record.
      const r = await this.scoped(trx, actor).select(['r.id', 'r.system_id']).where('r.id', '=', id).executeTakeFirst();
      if (!r) throw notFound('The requirement');
      const row = {
        id: newId(),
        org_id: actor.orgId,
        requirement_id: id,
        author_id: actor.userId,
        body,
        created_at: iso(this.ctx.clock.now()),
      };
      await trx.insertInto('requirement_comments').values(row).execute();
      await audit({ action: 'requirement.comment', entityType: 'system_requirement', entityId: id, after: { body } });
      return { id: row.id, body, createdAt: row.created_at, authorName: actor.name };
    });
  }

  async changes(actor: Actor, systemId: string) {
    await this.systems.get(actor, systemId);
    const rows = await this.ctx.db
      .selectFrom('baseline_changes')
      .leftJoin('users', 'users.id', 'baseline_changes.by')
      .selectAll('baseline_changes')
      .select('users.name as by_name')
      .where('system_id', '=', systemId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(50)
      .execute();
    return {
      items: rows.map((c) => ({
        id: c.id,
        at: c.at,
        cause: c.cause,
        securityLevel: c.security_level,
        byName: c.by_name ?? null,
        added: JSON.parse(c.added) as string[],
        removed: JSON.parse(c.removed) as string[],
        changed: JSON.parse(c.changed) as string[],
      })),
    };
  }
}

function pick(r: {
  status: string;
  justification: string | null;
  statement: string;
  responsible_id: string | null;
  due_date: string | null;
  override: number;
}) {
  return {
    status: r.status,
    justification: r.justification,
    statement: r.statement,
    responsibleId: r.responsible_id,
    dueDate: r.due_date,
    override: r.override === 1,
  };
}
