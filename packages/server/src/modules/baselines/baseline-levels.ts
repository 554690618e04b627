import { type ClassificationMethod, defaultTierFor } from '@cityshield/core';
import type { Executor } from '../audit/audit.repository.js';

/** Which catalog or profile version a security level of the organisation's method maps to. */
export interface LevelMapping {
  level: string;
  versionId: string | null;
  /** True when the organisation has not chosen: the City Baseline tier by the level's rank. */
  isDefault: boolean;
}

const TIER_FILES = {
  basic: 'city-baseline-profile-basic.json',
  standard: 'city-baseline-profile-standard.json',
  high: 'city-baseline-profile-high.json',
} as const;

/** The newest installed version of each built-in City Baseline level profile. */
export async function builtInTierVersions(db: Executor): Promise<Record<keyof typeof TIER_FILES, string | null>> {
  const rows = await db
    .selectFrom('catalog_versions')
    .innerJoin('catalogs', 'catalogs.id', 'catalog_versions.catalog_id')
    .select(['catalog_versions.id', 'catalog_versions.source', 'catalog_versions.imported_at'])
    .where('catalogs.built_in', '=', 1)
    .where('catalogs.kind', '=', 'profile')
    .orderBy('catalog_versions.imported_at', 'desc')
    .orderBy('catalog_versions.id', 'desc')
    .execute();
  const pick = (file: string) => rows.find((r) => r.source === file)?.id ?? null;
  return { basic: pick(TIER_FILES.basic), standard: pick(TIER_FILES.standard), high: pick(TIER_FILES.high) };
}

/**
 * The organisation's mapping for every security level of its method: what it chose, else the
 * City Baseline tier that matches the level's rank (lowest → basic, highest → high), so that a
 * new city sees requirements as soon as it classifies its first system.
 */
export async function levelMappings(db: Executor, orgId: string, method: ClassificationMethod): Promise<LevelMapping[]> {
  const chosen = await db
    .selectFrom('baseline_levels')
    .select(['level_key', 'version_id'])
    .where('org_id', '=', orgId)
    .where('method_key', '=', method.key)
    .execute();
  const byLevel = new Map(chosen.map((c) => [c.level_key, c.version_id]));
  const tiers = await builtInTierVersions(db);
  const levels = [...method.securityLevels].sort((a, b) => a.rank - b.rank);
  return levels.map((l, i) => {
    const own = byLevel.get(l.key);
    if (own) return { level: l.key, versionId: own, isDefault: false };
    return { level: l.key, versionId: tiers[defaultTierFor(i, levels.length)], isDefault: true };
  });
}
