import {
  BUILT_IN_METHODS,
  builtInMethod,
  builtInQuestions,
  type ClassificationMethod,
  type Question,
  validateMethod,
  validateQuestions,
} from '@cityshield/core';
import { z } from 'zod';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { iso } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';

/** A method by key: built in, or one the organisation defined. */
export async function findMethod(
  db: Executor,
  orgId: string,
  key: string,
): Promise<{ method: ClassificationMethod; questions: Question[]; builtIn: boolean } | undefined> {
  const builtIn = builtInMethod(key);
  if (builtIn) return { method: builtIn, questions: [...(builtInQuestions(key) ?? [])], builtIn: true };
  const row = await db
    .selectFrom('classification_methods')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  const checked = validateMethod(JSON.parse(row.definition));
  // Stored methods were validated on the way in; a failure here means the engine's rules moved on.
  if (!checked.ok) throw new AppError('VALIDATION', `The stored method "${key}" is no longer valid: ${checked.errors[0]?.message ?? ''}`);
  return { method: checked.method, questions: JSON.parse(row.questions) as Question[], builtIn: false };
}

const ZKey = z.string().min(1).max(100);
/** An answer's wording is `label` (as in the built-in questionnaires); `text` is accepted for it too. */
const ZOption = z
  .strictObject({
    id: ZKey,
    label: z.string().min(1).max(500).optional(),
    text: z.string().min(1).max(500).optional(),
    implies: z.array(z.strictObject({ dimension: ZKey, level: ZKey })).max(20),
    reason: z.string().max(2000),
  })
  .refine((o) => o.label !== undefined || o.text !== undefined, 'an answer needs a label')
  .transform(({ text, label, ...o }) => ({ ...o, label: (label ?? text) as string }));
/** The shape of a questionnaire; validateQuestions checks it against the method. */
export const ZQuestions = z
  .array(
    z.strictObject({
      id: ZKey,
      dimension: ZKey,
      text: z.string().min(1).max(1000),
      help: z.string().max(2000).optional(),
      multiple: z.boolean().optional(),
      options: z.array(ZOption).min(1).max(20),
    }),
  )
  .max(100);

/**
 * An organisation's own classification methods: dimensions, level names and the mapping rule are
 * data, checked by the same validator as the built-in ones; a questionnaire is optional (without
 * one, officers set each dimension's level with a written reason).
 */
export class CustomMethodService {
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor) {
    const rows = await this.ctx.db
      .selectFrom('classification_methods')
      .selectAll()
      .where('org_id', '=', actor.orgId)
      .orderBy('key')
      .execute();
    const org = await this.ctx.db
      .selectFrom('organisations')
      .select('classification_method')
      .where('id', '=', actor.orgId)
      .executeTakeFirstOrThrow();
    return {
      current: org.classification_method,
      // With their definitions, so that any of them can be copied into an own method.
      builtIn: BUILT_IN_METHODS.map((m) => ({
        key: m.key,
        name: m.name,
        description: m.description,
        method: m as unknown,
        questions: [...(builtInQuestions(m.key) ?? [])] as unknown[],
      })),
      custom: rows.map((r) => ({
        key: r.key,
        method: JSON.parse(r.definition) as unknown,
        questions: JSON.parse(r.questions) as unknown[],
        updatedAt: r.updated_at,
      })),
    };
  }

  async put(actor: Actor, key: string, definition: unknown, questions: z.infer<typeof ZQuestions>) {
    if (builtInMethod(key)) throw new AppError('CONFLICT', `"${key}" is a built-in method; choose another key.`);
    const checked = validateMethod(definition);
    if (!checked.ok)
      throw new AppError(
        'VALIDATION',
        'The method is not valid.',
        checked.errors.map((e) => ({ path: `method.${e.path}`, message: e.message })),
      );
    if (checked.method.key !== key)
      throw new AppError('VALIDATION', 'The key in the method must match the address.', [
        { path: 'method.key', message: `expected "${key}"` },
      ]);
    const qs = questions as unknown as Question[];
    const issues = qs.length > 0 ? validateQuestions(checked.method, qs) : [];
    if (issues.length > 0)
      throw new AppError(
        'VALIDATION',
        'The questionnaire does not fit the method.',
        issues.map((i) => ({ path: i.path, message: i.message })),
      );
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const before = await trx
        .selectFrom('classification_methods')
        .selectAll()
        .where('org_id', '=', actor.orgId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (before && (await this.inUse(trx, actor.orgId, key)))
        throw new AppError('CONFLICT', 'Systems are classified with this method: define a new method (a new key) instead of changing it.');
      const now = iso(this.ctx.clock.now());
      const row = { definition: JSON.stringify(checked.method), questions: JSON.stringify(qs), updated_at: now };
      if (before)
        await trx.updateTable('classification_methods').set(row).where('org_id', '=', actor.orgId).where('key', '=', key).execute();
      else
        await trx
          .insertInto('classification_methods')
          .values({ org_id: actor.orgId, key, created_at: now, ...row })
          .execute();
      await audit({
        action: before ? 'classification.method_update' : 'classification.method_create',
        entityType: 'classification_method',
        entityId: null,
        after: { key, name: checked.method.name, dimensions: checked.method.dimensions.length, questions: qs.length },
      });
      return { key, method: checked.method, questions: qs, updatedAt: now };
    });
  }

  private async inUse(db: Executor, orgId: string, key: string) {
    const org = await db.selectFrom('organisations').select('classification_method').where('id', '=', orgId).executeTakeFirstOrThrow();
    if (org.classification_method === key) return true;
    const c = await db
      .selectFrom('classifications')
      .select('id')
      .where('org_id', '=', orgId)
      .where('method_key', '=', key)
      .limit(1)
      .executeTakeFirst();
    return c !== undefined;
  }

  async remove(actor: Actor, key: string) {
    await changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      const row = await trx
        .selectFrom('classification_methods')
        .select('key')
        .where('org_id', '=', actor.orgId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) throw notFound('The method');
      if (await this.inUse(trx, actor.orgId, key))
        throw new AppError('CONFLICT', 'The method is in use or classifications refer to it; it stays.');
      await trx.deleteFrom('classification_methods').where('org_id', '=', actor.orgId).where('key', '=', key).execute();
      await audit({ action: 'classification.method_delete', entityType: 'classification_method', entityId: null, before: { key } });
    });
  }
}
