import { ClassificationError, classify, type ImplementationStatus, validateOscal } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { refreshInheritance } from '../baselines/inheritance.js';
import { refreshSummary } from '../baselines/requirement-summary.js';
import { validationError } from '../catalogs/catalog-import.js';
import type { ClassificationService } from '../classification/classification.service.js';
import { BUILT_IN_SECTORS, HOSTING, LIFECYCLE, PERSONAL_DATA, SYSTEM_KINDS } from '../registry/register.vocabulary.js';
import type { SystemInput, SystemService } from '../registry/system.service.js';
import { type AuditRowForExport, buildAssessmentResults } from './ar-export.js';
import { FROM_OSCAL_STATUS, fileName, ids, type Json } from './oscal-common.js';
import { buildPoam } from './poam-export.js';
import { buildSsp } from './ssp-export.js';
import { type ParsedSsp, parseSsp, planClassification, statementText } from './ssp-import.js';

/** OSCAL system status → register lifecycle, for SSPs that do not carry our own lifecycle prop. */
const STATE_TO_LIFECYCLE: Record<string, string> = {
  operational: 'production',
  'under-development': 'development',
  'under-major-modification': 'production',
  disposition: 'retired',
  other: 'production',
};

export const IMPORT_REASON = 'Imported from OSCAL SSP';
const NA_JUSTIFICATION = 'Marked not applicable in the imported OSCAL system security plan.';

export interface ExportedDocument {
  document: Json;
  fileName: string;
}

export interface SspImportOptions {
  /** The new system's name instead of the SSP's system-name (e.g. when that name is taken). */
  name?: string;
  departmentId?: string | null;
}

/**
 * OSCAL out and in. Exports — a system's security plan, an audit's assessment results, the
 * organisation's plan of action and milestones — are built from the tables, checked against the
 * official schema of the OSCAL version they declare before they leave, and each is audited
 * (`oscal.export`). An SSP imports as a new system: validated first, then the register entry, a
 * classification only when the SSP's levels map cleanly onto the organisation's method, and the
 * implementation statements on the requirement records that exist after classifying.
 */
export class OscalExportService {
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
    private readonly classification: ClassificationService,
  ) {}

  private readAll = (a: Actor) => a.permissions.has('systems:read-all');
  private now = () => iso(this.ctx.clock.now());

  /** A generated document that does not validate is our bug: refuse it rather than hand out invalid OSCAL. */
  private checkValid(document: Json, what: string): void {
    const result = validateOscal(document);
    if (result.valid) return;
    this.ctx.log.error({ errors: result.errors.slice(0, 20) }, `generated ${what} does not validate`);
    throw new AppError(
      'INTERNAL',
      `The generated ${what} does not validate against the OSCAL schema; nothing was exported.`,
      result.errors.slice(0, 20).map((e) => ({ path: e.pointer || '/', message: e.message })),
    );
  }

  private async audited(actor: Actor, entityType: string, entityId: string, after: Json): Promise<void> {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (_trx, audit) => {
      await audit({ action: 'oscal.export', entityType, entityId, after });
    });
  }

  async exportSsp(actor: Actor, systemId: string): Promise<ExportedDocument> {
    const system = await this.systems.get(actor, systemId);
    const method = await this.classification.method(this.ctx.db, actor.orgId);
    const built = await buildSsp(this.ctx.db, actor.orgId, systemId, method, this.now());
    this.checkValid(built.document, 'system security plan');
    const root = built.document['system-security-plan'] as Json;
    await this.audited(actor, 'system', systemId, {
      model: 'system-security-plan',
      uuid: root.uuid,
      title: built.title,
      requirements: built.requirements,
      components: built.components,
    });
    return { document: built.document, fileName: fileName('ssp', system.name) };
  }

  /** An audit by id (or, for the CLI, by its reference such as A-2026-001) that the caller may see. */
  async findAudit(db: Executor, actor: Actor, idOrRef: string): Promise<AuditRowForExport> {
    const a = await db
      .selectFrom('audits')
      .select([
        'id',
        'org_id',
        'ref',
        'title',
        'method',
        'families',
        'period_start',
        'period_end',
        'status',
        'conclusion',
        'updated_at',
        'closed_at',
      ])
      .where('org_id', '=', actor.orgId)
      .where((eb) => eb.or([eb('id', '=', idOrRef), eb('ref', '=', idOrRef)]))
      .executeTakeFirst();
    if (!a) throw notFound('The audit');
    if (this.readAll(actor)) return a;
    // Like the audit list: its auditors and the owners of systems in its scope.
    const auditor = await db
      .selectFrom('audit_auditors')
      .select('user_id')
      .where('audit_id', '=', a.id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    const owner = await db
      .selectFrom('audit_systems as x')
      .innerJoin('systems as s', 's.id', 'x.system_id')
      .select('s.id')
      .where('x.audit_id', '=', a.id)
      .where('s.owner_id', '=', actor.userId)
      .executeTakeFirst();
    if (!auditor && !owner) throw notFound('The audit');
    return a;
  }

  async exportAssessmentResults(actor: Actor, auditIdOrRef: string): Promise<ExportedDocument> {
    const audit = await this.findAudit(this.ctx.db, actor, auditIdOrRef);
    const built = await buildAssessmentResults(this.ctx.db, audit, this.now());
    this.checkValid(built.document, 'assessment results');
    const root = built.document['assessment-results'] as Json;
    await this.audited(actor, 'audit', audit.id, {
      model: 'assessment-results',
      uuid: root.uuid,
      title: built.title,
      results: built.results,
      findings: built.findings,
    });
    return { document: built.document, fileName: fileName('assessment-results', audit.ref) };
  }

  async exportPoam(actor: Actor): Promise<ExportedDocument> {
    const built = await buildPoam(this.ctx.db, actor, this.now());
    this.checkValid(built.document, 'plan of action and milestones');
    const root = built.document['plan-of-action-and-milestones'] as Json;
    await this.audited(actor, 'organisation', actor.orgId, {
      model: 'plan-of-action-and-milestones',
      uuid: root.uuid,
      title: built.title,
      items: built.items,
    });
    return { document: built.document, fileName: fileName('poam', '') };
  }

  // ── import ─────────────────────────────────────────────────────────────

  /**
   * Imports an SSP as a new system. Everything that can be checked is checked before anything is
   * stored (schema, model, name, references, the classification's levels); should a later step
   * still fail, the new system is removed again, so an import is all or nothing.
   */
  async importSsp(actor: Actor, document: Json, options: SspImportOptions = {}) {
    const validation = validateOscal(document);
    if (!validation.valid) throw validationError(validation);
    if (validation.model !== 'system-security-plan') {
      throw new AppError('VALIDATION', `This is an OSCAL ${validation.model}, not a system security plan. Nothing was imported.`, [
        { path: '/', message: 'expected "system-security-plan"' },
      ]);
    }
    const ssp = parseSsp(document);
    const db = this.ctx.db;
    const orgId = actor.orgId;
    const defaults: string[] = [];
    const warnings: string[] = [];

    const name = (options.name ?? ssp.systemName).trim();
    const namePath = options.name !== undefined ? 'name' : '/system-security-plan/system-characteristics/system-name';
    if (name === '' || name.length > 200 || /\p{Cc}/u.test(name)) {
      throw new AppError('VALIDATION', 'The system name must be 1–200 characters without control characters; give another with ?name=.', [
        { path: namePath, message: name === '' ? 'empty' : name.length > 200 ? 'longer than 200 characters' : 'control characters' },
      ]);
    }

    // Register fields: ours when the SSP carries them (our own exports do), defaults otherwise.
    const ownSectors = (await db.selectFrom('sectors').select('key').where('org_id', '=', orgId).execute()).map((x) => x.key);
    const pick = <T extends string>(field: string, value: string | undefined, allowed: readonly string[], fallback: T): T => {
      if (value !== undefined && allowed.includes(value)) return value as T;
      defaults.push(
        value === undefined ? `${field}: ${fallback} (not stated in the SSP)` : `${field}: ${fallback} ("${value}" is not known here)`,
      );
      return fallback;
    };
    const sector = pick('sector', ssp.register.sector, [...Object.keys(BUILT_IN_SECTORS), ...ownSectors], 'public-administration');
    const kind = pick('kind', ssp.register.kind, SYSTEM_KINDS, 'application');
    const hosting = pick('hosting', ssp.register.hosting, HOSTING, 'on-premises');
    const fromState = ssp.state ? STATE_TO_LIFECYCLE[ssp.state] : undefined;
    const lifecycle =
      ssp.register.lifecycle && (LIFECYCLE as readonly string[]).includes(ssp.register.lifecycle)
        ? ssp.register.lifecycle
        : pick('lifecycle', fromState, LIFECYCLE, 'production');
    let personalData = ssp.register.personalData.filter((p) => (PERSONAL_DATA as readonly string[]).includes(p));
    if (personalData.length === 0) {
      personalData = ['none'];
      defaults.push('personal data: none (not stated in the SSP)');
    }

    let departmentId: string | null = options.departmentId ?? null;
    if (options.departmentId) {
      const d = await db
        .selectFrom('departments')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', options.departmentId)
        .executeTakeFirst();
      if (!d) throw new AppError('VALIDATION', 'The department does not exist.', [{ path: 'departmentId', message: 'no such department' }]);
    } else if (options.departmentId === undefined && ssp.register.department) {
      const d = await db
        .selectFrom('departments')
        .select('id')
        .where('org_id', '=', orgId)
        .where('name', '=', ssp.register.department)
        .executeTakeFirst();
      if (d) departmentId = d.id;
      else warnings.push(`The department "${ssp.register.department}" does not exist here; the system has no department.`);
    }

    // People: matched to this organisation's users by the parties' e-mail addresses.
    const emails = [...new Set([...ssp.parties.values()].flatMap((p) => p.emails.map((e) => e.trim().toLowerCase())))];
    const users =
      emails.length > 0
        ? await db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).where('email', 'in', emails).execute()
        : [];
    const userByEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
    const userOfParty = (uuid: string): string | undefined => {
      for (const e of ssp.parties.get(uuid)?.emails ?? []) {
        const id = userByEmail.get(e.trim().toLowerCase());
        if (id) return id;
      }
      return undefined;
    };
    const ownerId = ssp.ownerPartyUuids.map(userOfParty).find((x) => x !== undefined) ?? null;
    if (!ownerId && ssp.ownerPartyUuids.length > 0)
      warnings.push(
        `The system owner named in the SSP (${ssp.ownerPartyUuids.map((u) => ssp.parties.get(u)?.name ?? u).join(', ')}) is not a user here; the system has no owner.`,
      );

    const dupe = await this.systems.repo.duplicate(db, orgId, name.toLowerCase(), departmentId);
    if (dupe) {
      throw new AppError(
        'CONFLICT',
        `A system named "${dupe.name}" already exists${departmentId ? ' in the department' : ''}. Import it under another name with ?name=.`,
        [{ path: namePath, message: 'a system with this name exists' }],
      );
    }

    const method = await this.classification.method(db, orgId);
    const plan = planClassification(method, ssp);
    if (plan.levels) {
      try {
        classify(method, { levels: {} }, overridesOf(plan.levels));
      } catch (err) {
        if (!(err instanceof ClassificationError)) throw err;
        plan.note = `The SSP's levels cannot be applied (${err.message}); the system is left unclassified.`;
        plan.levels = undefined;
      }
    }

    // Components: the organisation's common components, by our UUID, the component definition's or the title.
    const orgComponents = await db.selectFrom('components').select(['id', 'name', 'oscal_uuid']).where('org_id', '=', orgId).execute();
    const matchComponent = (c: ParsedSsp['components'][number]) =>
      orgComponents.find((k) => ids.component(k.id) === c.uuid) ??
      orgComponents.find((k) => k.oscal_uuid !== null && (k.oscal_uuid === c.uuid || k.oscal_uuid === c.definitionUuid)) ??
      (() => {
        const byTitle = orgComponents.filter((k) => k.name.trim().toLowerCase() === c.title.trim().toLowerCase());
        return byTitle.length === 1 ? byTitle[0] : undefined;
      })();
    const linked = new Map<string, { id: string; name: string }>();
    const componentOfUuid = new Map<string, { id: string; name: string } | undefined>();
    const unmatchedComponents: string[] = [];
    for (const c of ssp.components) {
      const k = matchComponent(c);
      componentOfUuid.set(c.uuid, k);
      if (k) linked.set(k.id, { id: k.id, name: k.name });
      else unmatchedComponents.push(c.title || c.uuid);
    }
    const titleOfUuid = new Map(ssp.components.map((c) => [c.uuid, c.title]));

    const input: SystemInput = {
      name,
      description: ssp.description.slice(0, 5000),
      ownerId,
      departmentId,
      sector,
      kind,
      personalData,
      hosting,
      supplier: ssp.register.supplier?.trim().slice(0, 200) || null,
      lifecycle,
      tags: [],
      customFields: {},
    };
    const created = await this.systems.create(actor, input);
    try {
      if (plan.levels) {
        await this.classification.classifySystem(actor, created.id, {
          answers: {},
          overrides: overridesOf(plan.levels),
          reason: IMPORT_REASON,
        });
      }
      const statements = await this.writeStatements(actor, created.id, ssp, {
        userOfParty,
        componentOfUuid,
        titleOfUuid,
        linked: [...linked.values()],
      });
      const system = await this.systems.get(actor, created.id);
      return {
        system,
        classification: {
          classified: plan.levels !== undefined,
          method: method.key,
          levels: plan.levels ?? null,
          securityLevel: system.securityLevel,
          notation: system.notation,
          note: plan.note,
        },
        imported: {
          documentUuid: ssp.documentUuid,
          title: ssp.title,
          securitySensitivityLevel: ssp.securitySensitivityLevel ?? null,
          impacts: {
            confidentiality: ssp.objectives.confidentiality ?? ssp.impacts.confidentiality[0] ?? null,
            integrity: ssp.objectives.integrity ?? ssp.impacts.integrity[0] ?? null,
            availability: ssp.objectives.availability ?? ssp.impacts.availability[0] ?? null,
          },
        },
        requirements: statements,
        components: { linked: [...linked.values()], unmatched: unmatchedComponents },
        defaults,
        warnings,
      };
    } catch (err) {
      // All or nothing: take the half-imported system out again.
      await this.systems
        .remove(actor, created.id)
        .catch((e: unknown) => this.ctx.log.error({ err: e }, 'could not remove a half-imported system'));
      throw err;
    }
  }

  /** Links the matched components and writes each control's statement, status and responsible person onto the requirement records. */
  private async writeStatements(
    actor: Actor,
    systemId: string,
    ssp: ParsedSsp,
    refs: {
      userOfParty: (uuid: string) => string | undefined;
      componentOfUuid: Map<string, { id: string; name: string } | undefined>;
      titleOfUuid: Map<string, string>;
      linked: Array<{ id: string; name: string }>;
    },
  ): Promise<{ inSsp: number; matched: number; unmatched: string[] }> {
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const now = iso(this.ctx.clock.now());
      for (const k of refs.linked) {
        await trx.insertInto('system_components').values({ org_id: actor.orgId, system_id: systemId, component_id: k.id }).execute();
      }
      const rows = await trx
        .selectFrom('system_requirements')
        .select(['id', 'control_id', 'status'])
        .where('org_id', '=', actor.orgId)
        .where('system_id', '=', systemId)
        .where('applies', '=', 1)
        .execute();
      const byControl = new Map(rows.map((r) => [r.control_id, r]));
      const byLower = new Map(rows.map((r) => [r.control_id.toLowerCase(), r]));
      const unmatched: string[] = [];
      let matched = 0;
      for (const req of ssp.requirements) {
        const row = byControl.get(req.controlId) ?? byLower.get(req.controlId.toLowerCase());
        if (!row) {
          unmatched.push(req.controlId);
          continue;
        }
        const own = req.byComponents.filter((b) => ssp.thisSystemUuids.has(b.componentUuid));
        const foreign = req.byComponents.filter(
          (b) => !ssp.thisSystemUuids.has(b.componentUuid) && !refs.componentOfUuid.get(b.componentUuid),
        );
        const inheritedHere = req.byComponents.some((b) => refs.componentOfUuid.get(b.componentUuid));
        const ownStatus = own.map((b) => (b.status ? FROM_OSCAL_STATUS[b.status] : undefined)).find((x) => x !== undefined);
        const status: ImplementationStatus =
          req.ownStatus ?? ownStatus ?? (!inheritedHere ? req.oscalStatus : undefined) ?? (row.status as ImplementationStatus);
        const statement = [
          ...own.map((b) => statementText(b.description)),
          // Statements of components we do not have stay with the system, named.
          ...foreign.map((b) => {
            const t = statementText(b.description);
            return t ? `${refs.titleOfUuid.get(b.componentUuid) || 'Component'}: ${t}` : '';
          }),
        ]
          .filter(Boolean)
          .join('\n\n')
          .slice(0, 50000);
        const justification = req.remarks ? req.remarks.slice(0, 5000) : status === 'not-applicable' ? NA_JUSTIFICATION : null;
        const responsibleId = req.responsiblePartyUuids.map(refs.userOfParty).find((x) => x !== undefined) ?? null;
        await trx
          .updateTable('system_requirements')
          .set({
            status,
            effective_status: status,
            component_id: null,
            override: req.overridden ? 1 : 0,
            statement,
            justification,
            responsible_id: responsibleId,
            updated_at: now,
            updated_by: actor.userId,
          })
          .where('id', '=', row.id)
          .execute();
        matched += 1;
      }
      await refreshInheritance(trx, [systemId]);
      await refreshSummary(trx, actor.orgId, [systemId]);
      await audit({
        action: 'oscal.import',
        entityType: 'system',
        entityId: systemId,
        after: {
          model: 'system-security-plan',
          uuid: ssp.documentUuid,
          title: ssp.title,
          requirementsInSsp: ssp.requirements.length,
          matched,
          unmatched: unmatched.slice(0, 200),
          componentsLinked: refs.linked.map((k) => k.name),
        },
      });
      return { inSsp: ssp.requirements.length, matched, unmatched };
    });
  }
}

function overridesOf(levels: Record<string, string>) {
  return Object.fromEntries(Object.entries(levels).map(([d, level]) => [d, { level, reason: IMPORT_REASON }]));
}

export type SspImportResult = Awaited<ReturnType<OscalExportService['importSsp']>>;
