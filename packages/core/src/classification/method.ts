import { ClassificationError } from './errors.js';

/**
 * A classification method as plain data, so that the built-in methods (ISKE, BSI 200-2, FIPS 199,
 * KLASSA-style) and an organisation's own method stored as JSON run through the same engine:
 * rate each dimension, take the maximum, map it to the method's security level.
 */

/** One step of a dimension's scale. `key` is what is stored; `rank` only orders the steps. */
export interface MethodLevel {
  readonly key: string;
  readonly name: string;
  /** Non-negative integer; ranks ascend along the list. The security-level rule maps ranks. */
  readonly rank: number;
  readonly description?: string;
}

/** A security dimension (availability, integrity, confidentiality, traceability …). */
export interface MethodDimension {
  readonly key: string;
  readonly name: string;
  /** Letter(s) used in the compact notation, e.g. ISKE `K` in `K2T2S1`. */
  readonly shortName: string;
  readonly description?: string;
  /** Ordered lowest first. */
  readonly levels: readonly MethodLevel[];
}

/** The overall level a system gets (ISKE L/M/H, FIPS LOW/MODERATE/HIGH …); it selects the baseline. */
export interface SecurityLevel {
  readonly key: string;
  readonly name: string;
  readonly rank: number;
  readonly description?: string;
}

/**
 * Maximum of the dimensions' ranks, looked up in a table. Every method we ship is of this kind
 * (ISKE `m = max(K,T,S)`, BSI maximum category, FIPS high-water mark, KLASSA highest aspect); the
 * union leaves room for other kinds without changing stored methods.
 */
export interface MaxRankTableRule {
  readonly kind: 'max-rank-table';
  /** Rank (as object key, JSON-friendly) → security level key. Must cover every rank. */
  readonly table: Readonly<Record<string, string>>;
  /** Dimensions the maximum is taken over; all of the method's dimensions when absent. */
  readonly dimensions?: readonly string[];
}

export type SecurityLevelRule = MaxRankTableRule;

/**
 * `rank`: shortName + rank per dimension (ISKE `K2T2S1`); `level`: shortName:levelKey
 * (`C:high I:normal A:high`), for scales whose numbering differs between versions (KLASSA).
 */
export type NotationStyle = 'rank' | 'level';

export interface ClassificationMethod {
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly dimensions: readonly MethodDimension[];
  readonly securityLevels: readonly SecurityLevel[];
  readonly securityLevelRule: SecurityLevelRule;
  /** Defaults to 'level'. */
  readonly notation?: NotationStyle;
}

/** Level key per dimension key; undefined (or absent) = not classified yet. */
export type DimensionLevels = Readonly<Record<string, string | undefined>>;

export function dimensionOf(method: ClassificationMethod, dimensionKey: string): MethodDimension {
  const dimension = method.dimensions.find((d) => d.key === dimensionKey);
  if (!dimension) throw new ClassificationError('unknown-dimension', `Method ${method.key} has no dimension "${dimensionKey}".`);
  return dimension;
}

export function levelOf(method: ClassificationMethod, dimensionKey: string, levelKey: string): MethodLevel {
  const dimension = dimensionOf(method, dimensionKey);
  const level = dimension.levels.find((l) => l.key === levelKey);
  if (!level) {
    const known = dimension.levels.map((l) => l.key).join(', ');
    throw new ClassificationError(
      'unknown-level',
      `Dimension ${dimension.name} of ${method.key} has no level "${levelKey}" (known: ${known}).`,
    );
  }
  return level;
}

export function securityLevelByKey(method: ClassificationMethod, key: string): SecurityLevel {
  const level = method.securityLevels.find((l) => l.key === key);
  if (!level) throw new ClassificationError('unknown-security-level', `Method ${method.key} has no security level "${key}".`);
  return level;
}

/** Dimensions that feed the security-level rule, in method order. */
export function ruleDimensions(method: ClassificationMethod): readonly MethodDimension[] {
  const keys = method.securityLevelRule.dimensions;
  return keys ? method.dimensions.filter((d) => keys.includes(d.key)) : method.dimensions;
}

/**
 * The overall security level, or undefined while any dimension the rule needs is unset: a partly
 * classified system must show up as unclassified (ISKE: "unset → undefined"), not as low.
 */
export function securityLevelOf(method: ClassificationMethod, levels: DimensionLevels): SecurityLevel | undefined {
  let max = -1;
  for (const dimension of ruleDimensions(method)) {
    const key = levels[dimension.key];
    if (key === undefined) return undefined;
    max = Math.max(max, levelOf(method, dimension.key, key).rank);
  }
  const target = method.securityLevelRule.table[String(max)];
  if (target === undefined) throw new ClassificationError('invalid-method', `Method ${method.key} maps no security level for rank ${max}.`);
  return securityLevelByKey(method, target);
}

/** Compact form for lists and exports. Unset dimensions are written `?` so gaps stay visible. */
export function notationOf(method: ClassificationMethod, levels: DimensionLevels): string {
  const style = method.notation ?? 'level';
  const parts = method.dimensions.map((d) => {
    const key = levels[d.key];
    if (key === undefined) return style === 'rank' ? `${d.shortName}?` : `${d.shortName}:?`;
    return style === 'rank' ? `${d.shortName}${levelOf(method, d.key, key).rank}` : `${d.shortName}:${key}`;
  });
  return parts.join(style === 'rank' ? '' : ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads a rank notation such as `K2T2S1` back into level keys, e.g. from the spreadsheets cities
 * keep today. Dimensions must appear in method order, each exactly once.
 */
export function parseNotation(method: ClassificationMethod, text: string): Record<string, string> {
  if ((method.notation ?? 'level') !== 'rank') {
    throw new ClassificationError('invalid-notation', `Method ${method.key} does not use a rank notation.`);
  }
  const pattern = method.dimensions.map((d) => `${escapeRegExp(d.shortName)}(\\d+)`).join('');
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  const example = method.dimensions.map((d) => `${d.shortName}${d.levels[0]?.rank ?? 0}`).join('');
  if (!match) throw new ClassificationError('invalid-notation', `"${text}" is not a ${method.name} notation such as ${example}.`);
  const out: Record<string, string> = {};
  method.dimensions.forEach((d, i) => {
    const rank = Number(match[i + 1]);
    const level = d.levels.find((l) => l.rank === rank);
    if (!level) throw new ClassificationError('invalid-notation', `"${text}": ${d.name} has no level ${rank}.`);
    out[d.key] = level.key;
  });
  return out;
}
