/**
 * Final operations of profile resolution (spec "Final Operations"): prune loose parameters
 * nothing inserts, assemble and prune back matter, and write the result's metadata with its
 * provenance.
 */
import { OscalError } from './errors.js';
import { cloneJson, collectFragmentRefs, collectParamInserts } from './json-util.js';
import type { CatalogBody } from './merge.js';
import type { Catalog, Group, Metadata, Parameter, Profile, Resource } from './model.js';
import type { Selection } from './selection.js';
import { compareVersions, LATEST_OSCAL_VERSION, parseOscalVersion, type VersionTriple } from './versions.js';

export const RESOLUTION_TOOL = 'CityShield OSCAL profile resolver';

function keepAlways(item: { props?: { name: string; value: string }[] }): boolean {
  return (item.props ?? []).some((p) => p.name === 'keep' && p.value === 'always');
}

/**
 * Loose parameters (catalog- or group-level) stay only if an insert in the result references
 * them, directly or through another kept parameter, or if they are marked keep=always.
 * Parameters declared in controls always stay (spec "Handling Params", req-prune-ref).
 */
export function pruneLooseParams(body: CatalogBody): void {
  const holders: { params?: Parameter[] }[] = [body];
  const collectHolders = (g: Group) => {
    holders.push(g);
    for (const sub of g.groups ?? []) collectHolders(sub);
  };
  for (const g of body.groups) collectHolders(g);
  const loose = holders.flatMap((h) => h.params ?? []);
  if (loose.length === 0) return; // the usual case (SP 800-53 has none): skip scanning all prose
  const refs = new Set<string>();
  collectParamInserts(body.controls, refs);
  for (const h of holders) {
    if (h === body) continue;
    const { params: _loose, groups: _sub, ...rest } = h as Group;
    collectParamInserts(rest, refs);
  }
  const kept = new Set<Parameter>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of loose) {
      if (kept.has(p) || !(refs.has(p.id) || keepAlways(p))) continue;
      kept.add(p);
      collectParamInserts(p, refs);
      grew = true;
    }
  }
  body.params = body.params.filter((p) => kept.has(p));
  for (const h of holders) {
    if (h === body) continue;
    const params = (h.params ?? []).filter((p) => kept.has(p));
    if (params.length > 0) h.params = params;
    else delete h.params;
  }
}

/**
 * Back matter: resources of the imported catalogs in import order, then the profile's own; a
 * later resource with the same uuid replaces an earlier one unless only the earlier is marked
 * keep=always (req-backmatter-dupe, req-backmatter-keep). Resources nothing references as
 * `#uuid` are dropped unless marked keep=always; references from dropped resources do not count.
 */
export function assembleBackMatter(selections: readonly Selection[], profile: Profile, referencing: unknown): Resource[] {
  const byUuid = new Map<string, Resource>();
  const candidates = [...selections.flatMap((s) => s.backMatter?.resources ?? []), ...(profile['back-matter']?.resources ?? [])];
  for (const r of candidates) {
    const previous = byUuid.get(r.uuid);
    if (previous && keepAlways(previous) && !keepAlways(r)) continue;
    byUuid.delete(r.uuid); // re-inserted at the end: "the previous resource MUST be removed, and the more recent one added"
    byUuid.set(r.uuid, r);
  }
  if (byUuid.size === 0) return [];
  const refs = new Set<string>();
  collectFragmentRefs(referencing, refs);
  const kept = new Set<Resource>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of byUuid.values()) {
      if (kept.has(r) || !(refs.has(r.uuid) || keepAlways(r))) continue;
      kept.add(r);
      collectFragmentRefs(r, refs);
      grew = true;
    }
  }
  return [...byUuid.values()].filter((r) => kept.has(r));
}

/**
 * oscal-version of the result (req-meta-oscal-version): the newest of the profile's and the
 * imported documents' versions, capped at the newest version this tool supports. Different
 * major versions cannot be combined (req-meta-oscalversion-error).
 */
export function resultOscalVersion(profileVersion: string, importedVersions: readonly string[]): string {
  const all = [profileVersion, ...importedVersions];
  let newest: { text: string; v: VersionTriple } | undefined;
  for (const text of all) {
    const v = parseOscalVersion(text);
    if (!v) continue;
    if (newest && newest.v.major !== v.major) {
      throw new OscalError(
        'version-mismatch',
        `cannot combine OSCAL ${newest.text} and ${text}: different major versions (${all.join(', ')})`,
      );
    }
    if (!newest || compareVersions(v, newest.v) > 0) newest = { text: `${v.major}.${v.minor}.${v.patch}`, v };
  }
  if (!newest) return profileVersion;
  const latest = parseOscalVersion(LATEST_OSCAL_VERSION);
  return latest && compareVersions(newest.v, latest) > 0 ? LATEST_OSCAL_VERSION : newest.text;
}

/** A reference to the source profile that is safe to publish: a URL as is, a file by its name. */
export function sourceProfileRef(location: string | undefined, profile: Profile): string {
  if (location === undefined) return `urn:uuid:${profile.uuid}`;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(location) && !location.toLowerCase().startsWith('file:')) return location;
  // Absolute server paths would leak the installation's layout into published catalogs.
  const name = location.split(/[\\/]/).pop() || location;
  return encodeURI(name);
}

export interface MetadataOptions {
  now: Date;
  oscalVersion: string;
  sourceRef: string;
  toolName: string;
}

const METADATA_ORDER = [
  'title',
  'published',
  'last-modified',
  'version',
  'oscal-version',
  'revisions',
  'document-ids',
  'props',
  'links',
  'roles',
  'locations',
  'parties',
  'responsible-parties',
  'actions',
  'remarks',
];

/**
 * Metadata of the result: the profile's metadata (spec: copied from the source profile), with a
 * new last-modified, the computed oscal-version, props `resolution-tool` and `source-profile`
 * (req-meta-resolution-tool, req-meta-source-profile) and, as NIST's resolved catalogs carry it,
 * a link rel="source-profile". Roles and parties of imported catalogs marked keep=always are added.
 */
export function resolvedMetadata(profile: Profile, selections: readonly Selection[], o: MetadataOptions): Metadata {
  const src = cloneJson(profile.metadata);
  const roles = [...(src.roles ?? [])];
  const parties = [...(src.parties ?? [])];
  for (const s of selections) {
    for (const role of s.metadata.roles ?? []) if (keepAlways(role) && !roles.some((r) => r.id === role.id)) roles.push(role);
    for (const party of s.metadata.parties ?? []) if (keepAlways(party) && !parties.some((p) => p.uuid === party.uuid)) parties.push(party);
  }
  const fields: Record<string, unknown> = {
    ...src,
    'last-modified': o.now.toISOString(),
    'oscal-version': o.oscalVersion,
    props: [...(src.props ?? []), { name: 'resolution-tool', value: o.toolName }, { name: 'source-profile', value: o.sourceRef }],
    links: [{ href: o.sourceRef, rel: 'source-profile' }, ...(src.links ?? [])],
  };
  if (roles.length > 0) fields.roles = roles;
  if (parties.length > 0) fields.parties = parties;
  const ordered: Record<string, unknown> = {};
  for (const key of [...METADATA_ORDER, ...Object.keys(fields)])
    if (fields[key] !== undefined && !(key in ordered)) ordered[key] = fields[key];
  return ordered as unknown as Metadata;
}

/** Puts the pieces together in OSCAL's canonical order, leaving out empty lists. */
export function assembleCatalog(uuid: string, metadata: Metadata, body: CatalogBody, resources: Resource[]): Catalog {
  const catalog: Catalog = { uuid, metadata };
  if (body.params.length > 0) catalog.params = body.params;
  if (body.controls.length > 0) catalog.controls = body.controls;
  if (body.groups.length > 0) catalog.groups = body.groups;
  if (resources.length > 0) catalog['back-matter'] = { resources };
  return catalog;
}
