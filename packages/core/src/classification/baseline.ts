import { ClassificationError } from './errors.js';
import type { ClassificationMethod, DimensionLevels } from './method.js';
import { ISKE } from './methods/iske.js';
import { KLASSA } from './methods/klassa.js';

/**
 * Which requirements a classified system must meet, per method. The functions work on small
 * requirement descriptors (what a catalog control is tagged with), not on catalogs, so the server
 * can feed them from any catalog: the City Baseline, Grundschutz++, an organisation's own.
 */

export interface RequirementDescriptor {
  readonly id: string;
  /** Tier tag: ISKE L/M/H, BSI B/S/H, City Baseline basic/standard/high … */
  readonly level?: string;
  /** KLASSA: minimum level per aspect, as rank or as level key (keys survive KLASSA renumbering). */
  readonly thresholds?: Readonly<Record<string, number | string>>;
  /** Dimension keys the requirement protects (ISKE H measures per dimension). */
  readonly dimensions?: readonly string[];
  /** KLASSA: legal bases (e.g. "gdpr", "health-data-law") that make it apply whatever the levels. */
  readonly legalBases?: readonly string[];
}

/**
 * Cumulative tiers: a system at `tier` gets the requirements of that tier and every tier below it
 * (`tiers` lowest first). Untagged requirements are never selected, as their tier is unknown.
 */
export function selectCumulative<R extends RequirementDescriptor>(requirements: readonly R[], tiers: readonly string[], tier: string): R[] {
  const upTo = tiers.indexOf(tier);
  if (upTo < 0) throw new ClassificationError('unknown-security-level', `"${tier}" is not one of the tiers ${tiers.join(', ')}.`);
  const included = new Set(tiers.slice(0, upTo + 1));
  return requirements.filter((r) => r.level !== undefined && included.has(r.level));
}

export interface IskeSelectionOptions {
  /**
   * ISKE's H measures are chosen per sub-class rated 3, so an H measure tagged with dimensions is
   * selected only if one of them is at class 3; H measures without dimensions always apply at H.
   * STANDARDS marks this "(verify)", hence the switch. Default true.
   */
  readonly highPerDimension?: boolean;
}

/** ISKE: L measures for L, L+M for M, L+M+H for H. Unclassified systems get nothing yet. */
export function selectIskeMeasures<R extends RequirementDescriptor>(
  requirements: readonly R[],
  classification: { readonly securityLevel: string | undefined; readonly levels: DimensionLevels },
  options: IskeSelectionOptions = {},
): R[] {
  const { securityLevel, levels } = classification;
  if (securityLevel === undefined) return [];
  const selected = selectCumulative(requirements, ['L', 'M', 'H'], securityLevel);
  if (securityLevel !== 'H' || options.highPerDimension === false) return selected;
  const top = (dimension: string) =>
    ISKE.dimensions.find((d) => d.key === dimension)?.levels.find((l) => l.key === levels[dimension])?.rank === 3;
  return selected.filter((r) => r.level !== 'H' || !r.dimensions || r.dimensions.length === 0 || r.dimensions.some(top));
}

export type BsiApproach = 'basis' | 'standard' | 'kern';

export interface BsiSelectionOptions {
  readonly approach: BsiApproach;
  /** The object's protection-need category (BSI security level key): normal, high, very-high. */
  readonly protectionNeed: string | undefined;
  /** Kern-Absicherung covers only the defined core ("crown jewels"). */
  readonly core?: boolean;
  /**
   * For high or very high need the standard approach adds the H requirements or a BSI 200-3 risk
   * analysis: 'include' selects them (the risk analysis is still flagged), 'risk-analysis' leaves
   * them to the analysis. Default 'include'.
   */
  readonly elevated?: 'include' | 'risk-analysis';
}

export interface BsiSelection<R> {
  readonly requirements: R[];
  /** High or very high need: BSI 200-3 risk analysis due for this object. */
  readonly riskAnalysisRequired: boolean;
}

/** BSI IT-Grundschutz: Basis B; Standard B+S (+H for high need); Kern B+S+H for the core only. */
export function selectBsiRequirements<R extends RequirementDescriptor>(
  requirements: readonly R[],
  options: BsiSelectionOptions,
): BsiSelection<R> {
  const elevatedNeed = options.protectionNeed === 'high' || options.protectionNeed === 'very-high';
  if (options.protectionNeed !== undefined && !elevatedNeed && options.protectionNeed !== 'normal') {
    throw new ClassificationError('unknown-security-level', `"${options.protectionNeed}" is not a BSI protection-need category.`);
  }
  const tags = (list: string[]) => requirements.filter((r) => r.level !== undefined && list.includes(r.level));
  switch (options.approach) {
    case 'basis':
      return { requirements: tags(['B']), riskAnalysisRequired: false };
    case 'standard': {
      const withH = elevatedNeed && (options.elevated ?? 'include') === 'include';
      return { requirements: tags(withH ? ['B', 'S', 'H'] : ['B', 'S']), riskAnalysisRequired: elevatedNeed };
    }
    case 'kern':
      return options.core
        ? { requirements: tags(['B', 'S', 'H']), riskAnalysisRequired: elevatedNeed }
        : { requirements: [], riskAnalysisRequired: false };
  }
}

export interface KlassaSelectionOptions {
  /** The KLASSA-style method whose level keys the thresholds and levels use; default the built-in. */
  readonly method?: ClassificationMethod;
  /** Legal bases that apply to the system (GDPR, health-data law …). */
  readonly legalBases?: readonly string[];
}

/**
 * KLASSA action plan: a requirement applies if `level[aspect] ≥ threshold[aspect]` for any aspect
 * it is tagged with, or if one of its legal bases applies to the system. A requirement with
 * neither thresholds nor legal bases applies to every classified system.
 */
export function selectKlassaRequirements<R extends RequirementDescriptor>(
  requirements: readonly R[],
  levels: DimensionLevels,
  options: KlassaSelectionOptions = {},
): R[] {
  const method = options.method ?? KLASSA;
  const bases = new Set(options.legalBases ?? []);
  const rankOf = (aspect: string, level: number | string, requirementId: string): number => {
    const dimension = method.dimensions.find((d) => d.key === aspect);
    if (!dimension) throw new ClassificationError('unknown-dimension', `Requirement ${requirementId}: unknown aspect "${aspect}".`);
    if (typeof level === 'number') return level;
    const found = dimension.levels.find((l) => l.key === level);
    if (!found) throw new ClassificationError('unknown-level', `Requirement ${requirementId}: ${aspect} has no level "${level}".`);
    return found.rank;
  };
  const systemRank = (aspect: string): number => {
    const key = levels[aspect];
    return key === undefined ? -1 : rankOf(aspect, key, 'system');
  };
  return requirements.filter((r) => {
    const thresholds = Object.entries(r.thresholds ?? {});
    const legal = r.legalBases ?? [];
    if (thresholds.length === 0 && legal.length === 0) return true;
    if (legal.some((b) => bases.has(b))) return true;
    return thresholds.some(([aspect, threshold]) => systemRank(aspect) >= rankOf(aspect, threshold, r.id));
  });
}

/** NIST SP 800-53B baseline names by FIPS 199 security level (the privacy baseline is chosen separately). */
export const FIPS_BASELINES: Readonly<Record<string, 'LOW' | 'MODERATE' | 'HIGH'>> = { low: 'LOW', moderate: 'MODERATE', high: 'HIGH' };

export function fipsBaseline(securityLevel: string | undefined): 'LOW' | 'MODERATE' | 'HIGH' | undefined {
  if (securityLevel === undefined) return undefined;
  const baseline = FIPS_BASELINES[securityLevel];
  if (!baseline) throw new ClassificationError('unknown-security-level', `"${securityLevel}" is not a FIPS 199 impact level.`);
  return baseline;
}

/**
 * The organisation maps each security level of its method to a profile; lists the levels a
 * mapping leaves out (or names that are not levels), so a gap is caught when the mapping is saved.
 */
export function checkLevelProfiles(method: ClassificationMethod, mapping: Readonly<Record<string, string | undefined>>): string[] {
  const problems = method.securityLevels.filter((l) => !mapping[l.key]).map((l) => `security level "${l.key}" has no profile`);
  for (const key of Object.keys(mapping)) {
    if (!method.securityLevels.some((l) => l.key === key)) problems.push(`"${key}" is not a security level of ${method.key}`);
  }
  return problems;
}
