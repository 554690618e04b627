/**
 * OSCAL versions: which schema versions the product bundles, and how a declared
 * `metadata.oscal-version` maps onto them.
 */

/** Bundled schema versions (packages/core/schemas/<version>/oscal_complete_schema.json). */
export const SUPPORTED_OSCAL_VERSIONS = ['1.0.0', '1.0.4', '1.0.6', '1.1.2', '1.1.3', '1.2.1'] as const;
export type SupportedOscalVersion = (typeof SUPPORTED_OSCAL_VERSIONS)[number];

/** The newest OSCAL version this engine understands; results never claim a newer one. */
export const LATEST_OSCAL_VERSION: SupportedOscalVersion = '1.2.1';

export interface VersionTriple {
  major: number;
  minor: number;
  patch: number;
}

/** Parses `1.1.2`, also with a pre-release or build suffix (`1.0.0-rc2`); undefined otherwise. */
export function parseOscalVersion(version: string): VersionTriple | undefined {
  const m = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+].*)?\s*$/.exec(version);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

export function compareVersions(a: VersionTriple, b: VersionTriple): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

export type SchemaVersionChoice =
  | { ok: true; version: SupportedOscalVersion; exact: boolean; note?: string }
  | { ok: false; message: string };

/**
 * Picks the bundled schema for a declared version. An unknown patch of a supported minor
 * (1.1.1, 1.2.0) uses the nearest bundled patch of the same minor: patch releases of OSCAL do not
 * change the model, only fix the schemas, so the nearest one is the best available judge. On a
 * tie the newer patch wins (it carries more fixes). Other majors or minors are refused.
 */
export function chooseSchemaVersion(declared: string): SchemaVersionChoice {
  const v = parseOscalVersion(declared);
  const supported = SUPPORTED_OSCAL_VERSIONS.join(', ');
  if (!v)
    return { ok: false, message: `oscal-version "${declared}" is not a version number (expected e.g. 1.1.2; supported: ${supported})` };
  const exact = SUPPORTED_OSCAL_VERSIONS.find((s) => s === `${v.major}.${v.minor}.${v.patch}`);
  if (exact && !/[-+]/.test(declared)) return { ok: true, version: exact, exact: true };
  let best: { version: SupportedOscalVersion; distance: number; patch: number } | undefined;
  for (const s of SUPPORTED_OSCAL_VERSIONS) {
    const p = parseOscalVersion(s);
    if (!p || p.major !== v.major || p.minor !== v.minor) continue;
    const distance = Math.abs(p.patch - v.patch);
    if (!best || distance < best.distance || (distance === best.distance && p.patch > best.patch))
      best = { version: s, distance, patch: p.patch };
  }
  if (!best) {
    return {
      ok: false,
      message: `OSCAL version ${declared} is not supported: supported versions are ${supported} (OSCAL 1.0.x, 1.1.x and 1.2.x)`,
    };
  }
  return {
    ok: true,
    version: best.version,
    exact: false,
    note: `oscal-version ${declared} is not bundled; validated with the nearest supported ${v.major}.${v.minor}.x schema, ${best.version}`,
  };
}
