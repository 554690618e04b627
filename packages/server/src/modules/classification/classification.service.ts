import {
  type Answers,
  BUILT_IN_METHODS,
  ClassificationError,
  type ClassificationMethod,
  classify,
  computeNeeds,
  defaultReviewIntervals,
  type NeedGraph,
  nextReviewDate,
  type Overrides,
  type Question,
  recomputeAfterChange,
  scoreQuestionnaire,
} from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError } from '../../errors.js';
import { iso, newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import { loadNeedGraph, syncSystems } from '../baselines/sync-systems.js';
import type { SystemService } from '../registry/system.service.js';
import { findMethod } from './custom-methods.js';

/** Turns the engine's errors into the product's: a 400 that names what is wrong. */
function engine<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ClassificationError) {
      throw new AppError(
        'VALIDATION',
        err.message,
        err.details.map((d) => ({ path: 'classification', message: typeof d === 'string' ? d : JSON.stringify(d) })),
      );
    }
    throw err;
  }
}

/**
 * Classifying a system: the questionnaire of the organisation's method gives a level per
 * dimension, the officer may override one with a written reason, and the protection need then
 * flows along dependencies (maximum principle) to everything the system depends on.
 */
export class ClassificationService {
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
  ) {}

  async method(db: Executor, orgId: string): Promise<ClassificationMethod> {
    const org = await db.selectFrom('organisations').select('classification_method').where('id', '=', orgId).executeTakeFirstOrThrow();
    const method = await findMethod(db, orgId, org.classification_method);
    if (!method) throw new AppError('VALIDATION', `Unknown classification method "${org.classification_method}".`);
    return method.method;
  }

  /** The questionnaire of a method: built in, or the organisation's own (possibly empty: levels are then set directly). */
  async questions(db: Executor, orgId: string, key: string): Promise<Question[]> {
    return (await findMethod(db, orgId, key))?.questions ?? [];
  }

  async methodWithQuestions(actor: Actor) {
    const method = await this.method(this.ctx.db, actor.orgId);
    const own = await this.ctx.db
      .selectFrom('classification_methods')
      .select(['key', 'definition'])
      .where('org_id', '=', actor.orgId)
      .orderBy('key')
      .execute();
    return {
      method,
      questions: await this.questions(this.ctx.db, actor.orgId, method.key),
      available: [
        ...BUILT_IN_METHODS.map((m) => ({ key: m.key, name: m.name })),
        ...own.map((o) => ({ key: o.key, name: String((JSON.parse(o.definition) as { name?: unknown }).name ?? o.key) })),
      ],
    };
  }

  async chooseMethod(actor: Actor, key: string) {
    const chosen = await findMethod(this.ctx.db, actor.orgId, key);
    if (!chosen)
      throw new AppError('VALIDATION', `Unknown method "${key}".`, [
        { path: 'method', message: 'neither built in nor defined by the organisation' },
      ]);
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await this.method(trx, actor.orgId);
      await trx.updateTable('organisations').set({ classification_method: key }).where('id', '=', actor.orgId).execute();
      // Classifications under the old method stay as history; every system now needs reclassifying.
      const { method } = chosen;
      const sync = await syncSystems(trx, {
        orgId: actor.orgId,
        method,
        cause: 'classification',
        by: actor.userId,
        at: iso(this.ctx.clock.now()),
      });
      await trx.updateTable('systems').set({ review_due: null, classified_at: null }).where('org_id', '=', actor.orgId).execute();
      await audit({
        action: 'classification.method_change',
        entityType: 'organisation',
        entityId: actor.orgId,
        before: { method: before.key },
        after: { method: key, systemsAffected: sync.levelChanged.length },
      });
    });
    // Read after the commit: inside the transaction only `trx` may be used (SQLite has one connection).
    return this.methodWithQuestions(actor);
  }

  /** Recomputes effective levels and requirement lists after a register change (see SystemService.onNeedsChanged). */
  async sync(trx: Executor, actor: Actor, force: string[]) {
    const method = await this.method(trx, actor.orgId);
    return syncSystems(trx, { orgId: actor.orgId, method, cause: 'register', by: actor.userId, at: iso(this.ctx.clock.now()), force });
  }

  private graph(db: Executor, orgId: string, method: ClassificationMethod): Promise<NeedGraph> {
    return loadNeedGraph(db, orgId, method);
  }

  private latestRow(db: Executor, orgId: string, systemId: string) {
    return db
      .selectFrom('classifications')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('system_id', '=', systemId)
      .orderBy('classified_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** The system's own classification and its effective need after inheritance, with where each level came from. */
  async current(actor: Actor, systemId: string) {
    await this.systems.get(actor, systemId);
    const method = await this.method(this.ctx.db, actor.orgId);
    const latest = await this.latestRow(this.ctx.db, actor.orgId, systemId);
    const graph = await this.graph(this.ctx.db, actor.orgId, method);
    const need = engine(() => computeNeeds(graph)).needs.get(systemId);
    // Systems the caller may not see are not named (their need still counts).
    const owners = await this.ctx.db.selectFrom('systems').select(['id', 'owner_id']).where('org_id', '=', actor.orgId).execute();
    const visible = new Set(owners.filter((o) => this.systems.canSee(actor, o)).map((o) => o.id));
    const names = new Map(graph.systems.filter((x) => visible.has(x.id)).map((x) => [x.id, x.name ?? x.id]));
    return {
      method: method.key,
      latest: latest && latest.method_key === method.key ? view(latest) : null,
      effective: need
        ? {
            levels: need.levels,
            securityLevel: need.securityLevel ?? null,
            provenance: Object.entries(need.provenance).map(([dimension, p]) => ({
              dimension,
              source: p.source,
              from: ref(p.from, names),
              origin: ref(p.origin, names),
            })),
          }
        : null,
    };
  }

  async history(actor: Actor, systemId: string) {
    await this.systems.get(actor, systemId);
    const rows = await this.ctx.db
      .selectFrom('classifications')
      .leftJoin('users', 'users.id', 'classifications.classified_by')
      .selectAll('classifications')
      .select('users.name as classified_by_name')
      .where('classifications.org_id', '=', actor.orgId)
      .where('classifications.system_id', '=', systemId)
      .orderBy('classifications.classified_at', 'desc')
      .limit(100)
      .execute();
    return { items: rows.map((r) => ({ ...view(r), classifiedByName: r.classified_by_name ?? null })) };
  }

  /**
   * Scores the answers, applies justified overrides, stores the classification as the newest in
   * the history and reports every system whose inherited need changed because of it.
   */
  async classifySystem(actor: Actor, systemId: string, input: { answers: Answers; overrides: Overrides; reason: string | null }) {
    const method = await this.method(this.ctx.db, actor.orgId);
    const questions = await this.questions(this.ctx.db, actor.orgId, method.key);
    const scored = engine(() => scoreQuestionnaire(method, questions, input.answers));
    const result = engine(() => classify(method, scored, input.overrides));
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      await this.systems.assertEditable(trx, actor, systemId);
      const graphBefore = await this.graph(trx, actor.orgId, method);
      const before = engine(() => computeNeeds(graphBefore));
      const now = this.ctx.clock.now();
      const row = {
        id: newId(),
        org_id: actor.orgId,
        system_id: systemId,
        method_key: method.key,
        answers: JSON.stringify(input.answers),
        overrides: JSON.stringify(input.overrides),
        levels: JSON.stringify(result.levels),
        explanation: JSON.stringify({ explanation: result.explanation, reasons: scored.reasons, unanswered: scored.unanswered }),
        security_level: result.securityLevel ?? null,
        notation: result.notation,
        reason: input.reason,
        classified_by: actor.userId,
        classified_at: iso(now),
        review_due: result.securityLevel ? nextReviewDate(now, result.securityLevel, defaultReviewIntervals(method)) : null,
      };
      await trx.insertInto('classifications').values(row).execute();
      const graphAfter = await this.graph(trx, actor.orgId, method);
      const { changes } = engine(() => recomputeAfterChange(graphAfter, systemId, before));
      await trx
        .updateTable('systems')
        .set({ review_due: row.review_due, classified_at: row.classified_at })
        .where('id', '=', systemId)
        .execute();
      const sync = await syncSystems(trx, { orgId: actor.orgId, method, cause: 'classification', by: actor.userId, at: row.classified_at });
      await audit({
        action: 'system.classify',
        entityType: 'system',
        entityId: systemId,
        after: {
          notation: row.notation,
          securityLevel: row.security_level,
          reason: row.reason,
          overrides: input.overrides,
          affectedSystems: changes.length,
          requirementListsChanged: sync.baseline.length,
        },
      });
      return {
        classification: view(row),
        changes: changes.map((c) => ({
          systemId: c.systemId,
          name: c.name ?? c.systemId,
          dimensions: [...c.dimensions],
          securityLevel: c.securityLevel,
        })),
        baseline: sync.baseline.map((b) => ({ systemId: b.systemId, added: b.added.length, removed: b.removed.length })),
      };
    });
  }
}

function ref(id: string | undefined, names: ReadonlyMap<string, string>) {
  const name = id === undefined ? undefined : names.get(id);
  return id !== undefined && name !== undefined ? { id, name } : null;
}

type Row = {
  id: string;
  method_key: string;
  answers: string;
  overrides: string;
  levels: string;
  explanation: string;
  security_level: string | null;
  notation: string;
  reason: string | null;
  classified_by: string;
  classified_at: string;
  review_due: string | null;
};

function view(r: Row) {
  return {
    id: r.id,
    method: r.method_key,
    answers: JSON.parse(r.answers) as Answers,
    overrides: JSON.parse(r.overrides) as Overrides,
    levels: JSON.parse(r.levels) as Record<string, string>,
    explanation: JSON.parse(r.explanation) as unknown,
    securityLevel: r.security_level,
    notation: r.notation,
    reason: r.reason,
    classifiedBy: r.classified_by,
    classifiedAt: r.classified_at,
    reviewDue: r.review_due,
  };
}
