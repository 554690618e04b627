import { ClassificationError, type ClassificationErrorCode } from './errors.js';
import { type ClassificationMethod, levelOf, notationOf, securityLevelOf } from './method.js';
import type { AnswerReason, QuestionnaireResult } from './questionnaire.js';

/**
 * A system's classification: the questionnaire's levels, possibly overridden by the security
 * officer, mapped to the method's security level. Overrides always carry a written reason because
 * the classification history must show why a system deviates from what its owner answered.
 */

export interface Override {
  /** Level key of the dimension. */
  readonly level: string;
  readonly reason: string;
}

export type Overrides = Readonly<Record<string, Override | undefined>>;

export interface DimensionExplanation {
  readonly dimension: string;
  readonly dimensionName: string;
  readonly level: string | undefined;
  readonly levelName: string | undefined;
  readonly source: 'questionnaire' | 'override' | 'unset';
  /** The answers that raised the dimension, highest first (kept even when overridden). */
  readonly reasons: readonly AnswerReason[];
  /** What the questionnaire said, the officer's level and why. */
  readonly override?: { readonly from: string | undefined; readonly to: string; readonly reason: string };
}

export interface Classification {
  readonly methodKey: string;
  readonly levels: Readonly<Record<string, string | undefined>>;
  /** Security level key; undefined while any dimension is unset. */
  readonly securityLevel: string | undefined;
  /** E.g. ISKE `K2T2S1`, BSI `C:high I:normal A:high`. */
  readonly notation: string;
  /** One entry per dimension, in method order. */
  readonly explanation: readonly DimensionExplanation[];
}

/** The part of a questionnaire result classification needs; a plain `{ levels }` works for imported ratings. */
export type RatedLevels = Pick<QuestionnaireResult, 'levels'> & Partial<Pick<QuestionnaireResult, 'reasons' | 'methodKey'>>;

export function classify(method: ClassificationMethod, rated: RatedLevels | undefined, overrides: Overrides = {}): Classification {
  if (rated?.methodKey !== undefined && rated.methodKey !== method.key) {
    throw new ClassificationError('method-mismatch', `The answers were scored with ${rated.methodKey}, not ${method.key}.`);
  }
  const problems: Array<{ code: ClassificationErrorCode; message: string }> = [];
  for (const [dimension, override] of Object.entries(overrides)) {
    if (override === undefined) continue;
    const d = method.dimensions.find((x) => x.key === dimension);
    if (!d) problems.push({ code: 'unknown-dimension', message: `unknown dimension "${dimension}"` });
    else if (!d.levels.some((l) => l.key === override.level))
      problems.push({ code: 'unknown-level', message: `${d.name} has no level "${override.level}"` });
    // The reason may arrive missing from JSON; treat it like an empty one.
    if (typeof override.reason !== 'string' || override.reason.trim() === '') {
      problems.push({ code: 'override-without-reason', message: `the override of ${d?.name ?? dimension} needs a written reason` });
    }
  }
  const first = problems[0];
  if (first) {
    const details = problems.map((p) => p.message);
    throw new ClassificationError(first.code, `The overrides cannot be applied: ${details.join('; ')}.`, details);
  }
  for (const key of Object.keys(rated?.levels ?? {})) {
    if (!method.dimensions.some((d) => d.key === key))
      throw new ClassificationError('unknown-dimension', `Method ${method.key} has no dimension "${key}".`);
  }

  const levels: Record<string, string | undefined> = {};
  const explanation: DimensionExplanation[] = [];
  for (const d of method.dimensions) {
    const answered = rated?.levels[d.key];
    const override = overrides[d.key];
    const level = override?.level ?? answered;
    levels[d.key] = level;
    explanation.push({
      dimension: d.key,
      dimensionName: d.name,
      level,
      levelName: level === undefined ? undefined : levelOf(method, d.key, level).name,
      source: override ? 'override' : level === undefined ? 'unset' : 'questionnaire',
      reasons: rated?.reasons?.[d.key] ?? [],
      ...(override ? { override: { from: answered, to: override.level, reason: override.reason.trim() } } : {}),
    });
  }
  return {
    methodKey: method.key,
    levels,
    securityLevel: securityLevelOf(method, levels)?.key,
    notation: notationOf(method, levels),
    explanation,
  };
}
