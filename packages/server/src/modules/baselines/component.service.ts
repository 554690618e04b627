import { type ImplementationStatus, validateOscal } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { iso, newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { validationError } from '../catalogs/catalog-import.js';
import type { SystemService } from '../registry/system.service.js';
import { refreshInheritance } from './inheritance.js';
import { refreshSummary } from './requirement-summary.js';

export interface ComponentInput {
  name: string;
  description: string;
  kind: string;
  provider: string | null;
}

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Json[]) : []);

/** OSCAL's implementation-status prop values, in our words. */
const OSCAL_STATUS: Record<string, ImplementationStatus> = {
  implemented: 'implemented',
  partial: 'partially',
  planned: 'planned',
  alternative: 'implemented',
  'not-applicable': 'not-applicable',
};

/**
 * Common components — a central identity service, a data centre, the e-mail gateway, a regional
 * IT provider's service — implement requirements once; every system that uses one inherits those
 * implementations (see inheritance.ts) unless it overrides them.
 */
export class ComponentService {
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
  ) {}

  async list(actor: Actor) {
    const rows = await this.ctx.db
      .selectFrom('components as k')
      .selectAll('k')
      .select((eb) => [
        eb
          .selectFrom('system_components as sc')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('sc.component_id', '=', 'k.id')
          .as('systems'),
        eb
          .selectFrom('component_requirements as cr')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('cr.component_id', '=', 'k.id')
          .as('requirements'),
        eb
          .selectFrom('component_requirements as cr')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('cr.component_id', '=', 'k.id')
          .where('cr.status', '=', 'implemented')
          .as('implemented'),
      ])
      .where('k.org_id', '=', actor.orgId)
      .orderBy('k.name')
      .limit(1000)
      .execute();
    return {
      items: rows.map((r) => ({
        ...view(r),
        systems: Number(r.systems ?? 0),
        requirements: Number(r.requirements ?? 0),
        implemented: Number(r.implemented ?? 0),
      })),
    };
  }

  private async row(db: Executor, orgId: string, id: string) {
    const k = await db.selectFrom('components').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    if (!k) throw notFound('The component');
    return k;
  }

  async get(actor: Actor, id: string) {
    const k = await this.row(this.ctx.db, actor.orgId, id);
    const requirements = await this.ctx.db
      .selectFrom('component_requirements as cr')
      .leftJoin('users as u', 'u.id', 'cr.responsible_id')
      .select((eb) => [
        'cr.id',
        'cr.control_id',
        'cr.status',
        'cr.statement',
        'cr.responsible_id',
        'u.name as responsible_name',
        'cr.updated_at',
        eb
          .selectFrom('evidence as e')
          .select(sql<number>`count(*)`.as('n'))
          .where('e.target_type', '=', 'component-requirement')
          .whereRef('e.target_id', '=', 'cr.id')
          .as('evidence_count'),
      ])
      .where('cr.component_id', '=', id)
      .orderBy('cr.control_id')
      .execute();
    let users = this.ctx.db
      .selectFrom('system_components as sc')
      .innerJoin('systems as s', 's.id', 'sc.system_id')
      .select(['s.id', 's.name', 's.owner_id'])
      .where('sc.component_id', '=', id)
      .orderBy('s.name_key')
      .limit(500);
    if (!actor.permissions.has('systems:read-all')) users = users.where('s.owner_id', '=', actor.userId);
    const systems = await users.execute();
    return {
      ...view(k),
      requirements: requirements.map((r) => ({
        id: r.id,
        controlId: r.control_id,
        status: r.status as ImplementationStatus,
        statement: r.statement,
        responsibleId: r.responsible_id,
        responsibleName: r.responsible_name ?? null,
        evidenceCount: Number(r.evidence_count ?? 0),
        updatedAt: r.updated_at,
      })),
      systems: systems.map((s) => ({ id: s.id, name: s.name })),
    };
  }

  async create(actor: Actor, input: ComponentInput) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const now = iso(this.ctx.clock.now());
      const row = { id: newId(), org_id: actor.orgId, ...input, oscal_uuid: null, created_at: now, updated_at: now };
      await trx.insertInto('components').values(row).execute();
      await audit({ action: 'component.create', entityType: 'component', entityId: row.id, after: input });
      return view(row);
    });
  }

  async update(actor: Actor, id: string, patch: Partial<ComponentInput>) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.row(trx, actor.orgId, id);
      const next = { ...before, ...patch, updated_at: iso(this.ctx.clock.now()) };
      await trx
        .updateTable('components')
        .set({ name: next.name, description: next.description, kind: next.kind, provider: next.provider, updated_at: next.updated_at })
        .where('id', '=', id)
        .execute();
      await audit({ action: 'component.update', entityType: 'component', entityId: id, before: view(before), after: view(next) });
      return view(next);
    });
  }

  async remove(actor: Actor, id: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.row(trx, actor.orgId, id);
      const users = (await trx.selectFrom('system_components').select('system_id').where('component_id', '=', id).execute()).map(
        (r) => r.system_id,
      );
      await trx
        .deleteFrom('evidence')
        .where('target_type', '=', 'component-requirement')
        .where('target_id', 'in', trx.selectFrom('component_requirements').select('id').where('component_id', '=', id))
        .execute();
      await trx.deleteFrom('components').where('id', '=', id).execute();
      // What the systems inherited falls back to their own statuses.
      await trx
        .updateTable('system_requirements')
        .set({ component_id: null, effective_status: sql`status` })
        .where('component_id', '=', id)
        .execute();
      await refreshInheritance(trx, users);
      await refreshSummary(trx, actor.orgId, users);
      await audit({
        action: 'component.delete',
        entityType: 'component',
        entityId: id,
        before: { ...view(before), systems: users.length },
      });
    });
  }

  /** Records (or changes) how the component implements one control; every system using it follows. */
  async setRequirement(
    actor: Actor,
    id: string,
    controlId: string,
    input: { status: ImplementationStatus; statement: string; responsibleId: string | null },
  ) {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.row(trx, actor.orgId, id);
      if (input.responsibleId) {
        const u = await trx
          .selectFrom('users')
          .select('id')
          .where('org_id', '=', actor.orgId)
          .where('id', '=', input.responsibleId)
          .executeTakeFirst();
        if (!u)
          throw new AppError('VALIDATION', 'The responsible person is not a user of this organisation.', [
            { path: 'responsibleId', message: 'unknown user' },
          ]);
      }
      const now = iso(this.ctx.clock.now());
      const before = await trx
        .selectFrom('component_requirements')
        .selectAll()
        .where('component_id', '=', id)
        .where('control_id', '=', controlId)
        .executeTakeFirst();
      if (before) {
        await trx
          .updateTable('component_requirements')
          .set({ status: input.status, statement: input.statement, responsible_id: input.responsibleId, updated_at: now })
          .where('id', '=', before.id)
          .execute();
      } else {
        await trx
          .insertInto('component_requirements')
          .values({
            id: newId(),
            org_id: actor.orgId,
            component_id: id,
            control_id: controlId,
            status: input.status,
            statement: input.statement,
            responsible_id: input.responsibleId,
            updated_at: now,
          })
          .execute();
      }
      const affected = await this.propagate(trx, actor.orgId, id, [controlId]);
      await audit({
        action: 'component.requirement_set',
        entityType: 'component',
        entityId: id,
        before: before ? { controlId, status: before.status, statement: before.statement } : null,
        after: { controlId, status: input.status, statement: input.statement, systemsAffected: affected },
      });
      return { controlId, status: input.status, systemsAffected: affected };
    });
  }

  async removeRequirement(actor: Actor, id: string, controlId: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.row(trx, actor.orgId, id);
      const before = await trx
        .selectFrom('component_requirements')
        .selectAll()
        .where('component_id', '=', id)
        .where('control_id', '=', controlId)
        .executeTakeFirst();
      if (!before) throw notFound('The component requirement');
      await trx.deleteFrom('evidence').where('target_type', '=', 'component-requirement').where('target_id', '=', before.id).execute();
      await trx.deleteFrom('component_requirements').where('id', '=', before.id).execute();
      await this.propagate(trx, actor.orgId, id, [controlId]);
      await audit({
        action: 'component.requirement_remove',
        entityType: 'component',
        entityId: id,
        before: { controlId, status: before.status },
      });
    });
  }

  /** Re-derives the inherited statuses of every system using the component; returns how many changed. */
  private async propagate(trx: Executor, orgId: string, componentId: string, controlIds?: string[]) {
    const users = (await trx.selectFrom('system_components').select('system_id').where('component_id', '=', componentId).execute()).map(
      (r) => r.system_id,
    );
    const changed = await refreshInheritance(trx, users, controlIds);
    await refreshSummary(trx, orgId, [...changed]);
    return changed.size;
  }

  /** A system declares that it uses a component (its owner may do so) and inherits from then on. */
  async use(actor: Actor, systemId: string, componentId: string, using: boolean) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.systems.assertEditable(trx, actor, systemId);
      const k = await this.row(trx, actor.orgId, componentId);
      const exists = await trx
        .selectFrom('system_components')
        .select('system_id')
        .where('system_id', '=', systemId)
        .where('component_id', '=', componentId)
        .executeTakeFirst();
      if (using && exists) throw new AppError('CONFLICT', `The system already uses ${k.name}.`);
      if (!using && !exists) throw notFound('The use of this component');
      if (using)
        await trx.insertInto('system_components').values({ org_id: actor.orgId, system_id: systemId, component_id: componentId }).execute();
      else await trx.deleteFrom('system_components').where('system_id', '=', systemId).where('component_id', '=', componentId).execute();
      await refreshInheritance(trx, [systemId]);
      await refreshSummary(trx, actor.orgId, [systemId]);
      await audit({
        action: using ? 'system.component_add' : 'system.component_remove',
        entityType: 'system',
        entityId: systemId,
        ...(using ? { after: { componentId, name: k.name } } : { before: { componentId, name: k.name } }),
      });
    });
  }

  async usedBy(actor: Actor, systemId: string) {
    await this.systems.get(actor, systemId);
    const rows = await this.ctx.db
      .selectFrom('system_components as sc')
      .innerJoin('components as k', 'k.id', 'sc.component_id')
      .selectAll('k')
      .where('sc.system_id', '=', systemId)
      .orderBy('k.name')
      .execute();
    return { items: rows.map(view) };
  }

  /**
   * Imports every component of an OSCAL component definition with its implemented requirements
   * (control id, description and statements as the implementation statement). Validated against
   * the official schema first; all or nothing.
   */
  async importDefinition(actor: Actor, document: Json) {
    const result = validateOscal(document);
    if (!result.valid) throw validationError(result);
    const def = document['component-definition'] as Json | undefined;
    if (!def)
      throw new AppError('VALIDATION', 'This is not an OSCAL component definition.', [
        { path: '/', message: 'expected "component-definition"' },
      ]);
    const components = arr(def.components);
    if (components.length === 0)
      throw new AppError('VALIDATION', 'The component definition has no components.', [
        { path: '/component-definition/components', message: 'empty' },
      ]);
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const now = iso(this.ctx.clock.now());
      const created: Array<{ id: string; name: string; requirements: number }> = [];
      for (const c of components) {
        const id = newId();
        const name = String(c.title ?? 'Component').slice(0, 200);
        // The provider is the party named in the component's "provider" role, when there is one.
        const role = arr(c['responsible-roles']).find((r) => r['role-id'] === 'provider');
        const partyIds = Array.isArray(role?.['party-uuids']) ? (role['party-uuids'] as unknown[]) : [];
        const party = arr((def.metadata as Json | undefined)?.parties).find((p) => partyIds.includes(p.uuid));
        const provider = typeof party?.name === 'string' ? party.name : null;
        await trx
          .insertInto('components')
          .values({
            id,
            org_id: actor.orgId,
            name,
            description: String(c.description ?? '').slice(0, 20000),
            kind: String(c.type ?? 'service').slice(0, 50),
            provider: provider?.slice(0, 200) ?? null,
            oscal_uuid: typeof c.uuid === 'string' ? c.uuid : null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const seen = new Map<string, { status: ImplementationStatus; statement: string }>();
        for (const ci of arr(c['control-implementations'])) {
          for (const ir of arr(ci['implemented-requirements'])) {
            const controlId = String(ir['control-id']);
            const statusProp = arr(ir.props).find((p) => p.name === 'implementation-status');
            const status = OSCAL_STATUS[String(statusProp?.value ?? 'implemented')] ?? 'implemented';
            const parts = [String(ir.description ?? ''), ...arr(ir.statements).map((s) => String(s.description ?? ''))].filter((t) =>
              t.trim(),
            );
            const prev = seen.get(controlId);
            seen.set(controlId, { status, statement: [prev?.statement, ...parts].filter(Boolean).join('\n\n').slice(0, 50000) });
          }
        }
        const rows = [...seen].map(([controlId, v]) => ({
          id: newId(),
          org_id: actor.orgId,
          component_id: id,
          control_id: controlId,
          status: v.status,
          statement: v.statement,
          responsible_id: null,
          updated_at: now,
        }));
        for (let i = 0; i < rows.length; i += 200)
          await trx
            .insertInto('component_requirements')
            .values(rows.slice(i, i + 200))
            .execute();
        created.push({ id, name, requirements: rows.length });
      }
      await audit({
        action: 'component.import',
        entityType: 'component',
        entityId: null,
        after: {
          title: (def.metadata as Json | undefined)?.title ?? null,
          components: created.map((c) => ({ name: c.name, requirements: c.requirements })),
        },
      });
      return { created };
    });
  }
}

function view(k: {
  id: string;
  name: string;
  description: string;
  kind: string;
  provider: string | null;
  oscal_uuid: string | null;
  created_at: string;
  updated_at: string;
}) {
  return {
    id: k.id,
    name: k.name,
    description: k.description,
    kind: k.kind,
    provider: k.provider,
    oscalUuid: k.oscal_uuid,
    createdAt: k.created_at,
    updatedAt: k.updated_at,
  };
}
