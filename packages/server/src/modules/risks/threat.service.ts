import { BUILT_IN_THREATS, builtInThreat, isBuiltInThreat, type RiskDimension, type Threat, validateThreat } from '@cityshield/core';
import { sql } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { BUILT_IN_SECTORS } from '../registry/register.vocabulary.js';
import { knownControls } from './risk-controls.js';

export interface CatalogueThreat extends Threat {
  builtIn: boolean;
}

export interface ThreatInput {
  key: string;
  name: string;
  description: string;
  dimensions: RiskDimension[];
  kinds: string[];
  sectors: string[];
  mitigations: string[];
}

type ThreatRow = {
  key: string;
  name: string;
  description: string;
  dimensions: string;
  kinds: string;
  sectors: string;
  mitigations: string;
};

const fromRow = (r: ThreatRow): CatalogueThreat => ({
  key: r.key,
  name: r.name,
  description: r.description,
  dimensions: JSON.parse(r.dimensions) as RiskDimension[],
  kinds: JSON.parse(r.kinds) as string[],
  sectors: JSON.parse(r.sectors) as string[],
  mitigations: JSON.parse(r.mitigations) as string[],
  builtIn: false,
});

const view = (t: CatalogueThreat, risks: number) => ({
  key: t.key,
  name: t.name,
  description: t.description,
  dimensions: [...t.dimensions],
  kinds: [...t.kinds],
  sectors: [...t.sectors],
  mitigations: [...t.mitigations],
  builtIn: t.builtIn,
  risks,
});

/**
 * The threat catalogue: the built-in threats (read-only) and the organisation's own. A threat in
 * use by a risk or an incident cannot be deleted.
 */
export class ThreatService {
  constructor(private readonly ctx: AppContext) {}

  async all(db: Executor, orgId: string): Promise<CatalogueThreat[]> {
    const own = await db.selectFrom('risk_threats').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
    return [...BUILT_IN_THREATS.map((t) => ({ ...t, builtIn: true })), ...own.map(fromRow)];
  }

  async find(db: Executor, orgId: string, key: string): Promise<CatalogueThreat | undefined> {
    const b = builtInThreat(key);
    if (b) return { ...b, builtIn: true };
    const r = await db.selectFrom('risk_threats').selectAll().where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
    return r ? fromRow(r) : undefined;
  }

  /** For the incidents module: the incident type is a threat of this catalogue. */
  lookup = async (db: Executor, orgId: string, key: string) => {
    const t = await this.find(db, orgId, key);
    return t ? { key: t.key, name: t.name } : undefined;
  };

  async list(actor: Actor) {
    const threats = await this.all(this.ctx.db, actor.orgId);
    const counts = await this.ctx.db
      .selectFrom('risks')
      .select(['threat_key', sql<number>`count(*)`.as('n')])
      .where('org_id', '=', actor.orgId)
      .groupBy('threat_key')
      .execute();
    const used = new Map(counts.map((c) => [c.threat_key, Number(c.n)]));
    return { items: threats.map((t) => view(t, used.get(t.key) ?? 0)) };
  }

  private async check(db: Executor, orgId: string, t: ThreatInput) {
    const known = await knownControls(db, orgId, t.mitigations);
    const problems = validateThreat(t, (id) => known.has(id));
    const own = await db.selectFrom('sectors').select('key').where('org_id', '=', orgId).execute();
    const sectors = new Set([...Object.keys(BUILT_IN_SECTORS), ...own.map((s) => s.key)]);
    for (const s of t.sectors) if (!sectors.has(s)) problems.push({ path: 'sectors', message: `unknown sector "${s}"` });
    if (problems.length > 0) throw new AppError('VALIDATION', 'The threat is not valid.', problems);
  }

  async create(actor: Actor, input: ThreatInput) {
    const t: ThreatInput = { ...input, key: input.key.toLowerCase(), description: input.description.trim() };
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.check(trx, actor.orgId, t);
      if (await this.find(trx, actor.orgId, t.key)) {
        throw new AppError('CONFLICT', `A threat with the key "${t.key}" already exists.`, [{ path: 'key', message: 'already exists' }]);
      }
      const now = iso(this.ctx.clock.now());
      await trx
        .insertInto('risk_threats')
        .values({
          org_id: actor.orgId,
          key: t.key,
          name: t.name,
          description: t.description,
          dimensions: JSON.stringify([...new Set(t.dimensions)]),
          kinds: JSON.stringify([...new Set(t.kinds)]),
          sectors: JSON.stringify([...new Set(t.sectors)]),
          mitigations: JSON.stringify([...new Set(t.mitigations)]),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await audit({ action: 'risk_threat.create', entityType: 'risk_threat', entityId: t.key, after: t });
    });
    return this.one(actor, t.key);
  }

  private async one(actor: Actor, key: string) {
    const found = (await this.list(actor)).items.find((t) => t.key === key);
    if (!found) throw notFound('The threat');
    return found;
  }

  private async ownRow(db: Executor, orgId: string, key: string) {
    if (isBuiltInThreat(key)) throw new AppError('CONFLICT', 'Built-in threats are read-only; add your own threat instead.');
    const r = await db.selectFrom('risk_threats').selectAll().where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
    if (!r) throw notFound('The threat');
    return fromRow(r);
  }

  async update(actor: Actor, key: string, patch: Partial<Omit<ThreatInput, 'key'>>) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.ownRow(trx, actor.orgId, key);
      const next: ThreatInput = {
        key,
        name: patch.name ?? before.name,
        description: patch.description?.trim() ?? before.description,
        dimensions: patch.dimensions ?? [...before.dimensions],
        kinds: patch.kinds ?? [...before.kinds],
        sectors: patch.sectors ?? [...before.sectors],
        mitigations: patch.mitigations ?? [...before.mitigations],
      };
      // Own key checks do not apply to an existing key (validateThreat refuses built-in ones only).
      await this.check(trx, actor.orgId, next);
      await trx
        .updateTable('risk_threats')
        .set({
          name: next.name,
          description: next.description,
          dimensions: JSON.stringify([...new Set(next.dimensions)]),
          kinds: JSON.stringify([...new Set(next.kinds)]),
          sectors: JSON.stringify([...new Set(next.sectors)]),
          mitigations: JSON.stringify([...new Set(next.mitigations)]),
          updated_at: iso(this.ctx.clock.now()),
        })
        .where('org_id', '=', actor.orgId)
        .where('key', '=', key)
        .execute();
      const { builtIn: _b, ...b } = before;
      await audit({ action: 'risk_threat.update', entityType: 'risk_threat', entityId: key, before: b, after: next });
    });
    return this.one(actor, key);
  }

  async remove(actor: Actor, key: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.ownRow(trx, actor.orgId, key);
      const risks = await trx
        .selectFrom('risks')
        .select(sql<number>`count(*)`.as('n'))
        .where('org_id', '=', actor.orgId)
        .where('threat_key', '=', key)
        .executeTakeFirstOrThrow();
      const incidents = await trx
        .selectFrom('incidents')
        .select(sql<number>`count(*)`.as('n'))
        .where('org_id', '=', actor.orgId)
        .where('type', '=', key)
        .executeTakeFirstOrThrow();
      if (Number(risks.n) + Number(incidents.n) > 0) {
        throw new AppError(
          'CONFLICT',
          `The threat is used by ${Number(risks.n)} risk(s) and ${Number(incidents.n)} incident(s); change those first.`,
        );
      }
      await trx.deleteFrom('risk_threats').where('org_id', '=', actor.orgId).where('key', '=', key).execute();
      const { builtIn: _b, ...b } = before;
      await audit({ action: 'risk_threat.delete', entityType: 'risk_threat', entityId: key, before: b });
    });
  }
}
