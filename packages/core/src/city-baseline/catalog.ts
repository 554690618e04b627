/**
 * Builds the CityShield City Baseline catalog and its three level profiles as OSCAL 1.1.2 JSON
 * from the typed data in requirements/. Pure and deterministic: no clock, no randomness, so the
 * same data always gives byte-identical documents (generate.ts writes them to packages/core/catalogs).
 */
import { createHash } from 'node:crypto';
import { CITY_BASELINE_GROUPS } from './requirements/index.js';
import {
  CITYSHIELD_NS,
  type Dimension,
  type DimensionCode,
  type GroupDef,
  LEVELS,
  type Level,
  type ParamDef,
  type RequirementDef,
} from './types.js';

export const CITY_BASELINE_VERSION = '2026.1';
export const CITY_BASELINE_OSCAL_VERSION = '1.1.2';
export const CITY_BASELINE_LAST_MODIFIED = '2026-11-25T00:00:00Z';
/** Fixed identity of this edition of the catalog (a new edition gets a new uuid, same document-id). */
export const CITY_BASELINE_CATALOG_UUID = 'ac1491d5-6aec-4734-a1ea-d9294074b319';
/** Stable across editions: tools recognise a new version of the same catalog by this document-id. */
export const CITY_BASELINE_DOCUMENT_ID = 'cityshield-city-baseline';
export const CITY_BASELINE_DOCUMENT_ID_SCHEME = `${CITYSHIELD_NS}/document-id`;

export const CITY_BASELINE_CATALOG_FILE = 'city-baseline-catalog.json';
export const CITY_BASELINE_PROFILE_FILES: Readonly<Record<Level, string>> = {
  basic: 'city-baseline-profile-basic.json',
  standard: 'city-baseline-profile-standard.json',
  high: 'city-baseline-profile-high.json',
};

/** Namespace for the name-based (version 5) uuids of everything except the catalog itself. */
const UUID_NAMESPACE = 'ce1b3d37-9829-4e6c-9f3b-ee6cab2c950a';

/** RFC 4122 version-5 uuid (SHA-1 of namespace and name): stable for a given name. */
export function uuidV5(name: string, namespace: string = UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replaceAll('-', ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- OSCAL shapes written here (the subset this catalog uses) ----

export interface OscalProp {
  name: string;
  ns?: string;
  value: string;
}
export interface OscalLink {
  href: string;
  rel?: string;
  'media-type'?: string;
  text?: string;
}
export interface OscalPart {
  id?: string;
  name: string;
  props?: OscalProp[];
  prose?: string;
  parts?: OscalPart[];
}
export interface OscalParam {
  id: string;
  props?: OscalProp[];
  label: string;
  guidelines?: { prose: string }[];
  values?: string[];
  select?: { 'how-many'?: 'one' | 'one-or-more'; choice: string[] };
}
export interface OscalControl {
  id: string;
  title: string;
  params?: OscalParam[];
  props: OscalProp[];
  links?: OscalLink[];
  parts: OscalPart[];
}
export interface OscalGroup {
  id: string;
  class: string;
  title: string;
  parts: OscalPart[];
  controls: OscalControl[];
}
export interface OscalMetadata {
  title: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  'document-ids': { scheme: string; identifier: string }[];
  props: OscalProp[];
  links: OscalLink[];
  roles: { id: string; title: string }[];
  parties: { uuid: string; type: 'organization'; name: string; links?: OscalLink[] }[];
  'responsible-parties': { 'role-id': string; 'party-uuids': string[] }[];
  remarks: string;
}
export interface OscalCatalogDocument {
  catalog: { uuid: string; metadata: OscalMetadata; groups: OscalGroup[] };
}
export interface OscalProfileDocument {
  profile: {
    uuid: string;
    metadata: OscalMetadata;
    imports: { href: string; 'include-controls': { 'with-ids': string[] }[] }[];
    merge: { 'as-is': true };
    modify?: { 'set-parameters': { 'param-id': string; values: string[] }[] };
    'back-matter': {
      resources: { uuid: string; title: string; description: string; rlinks: { href: string; 'media-type': string }[] }[];
    };
  };
}

// ---- rendering of one requirement ----

const DIMENSION_NAMES: Readonly<Record<string, Dimension>> = { C: 'confidentiality', I: 'integrity', A: 'availability' };

export function dimensionsOf(code: DimensionCode): Dimension[] {
  return [...code].map((c) => {
    const d = DIMENSION_NAMES[c];
    if (!d) throw new Error(`unknown dimension code ${c}`);
    return d;
  });
}

export const controlId = (group: GroupDef, req: RequirementDef): string => `${group.id}-${req.n}`;
export const paramId = (ctrlId: string, index: number): string => `${ctrlId}_prm_${index + 1}`;

const PLACEHOLDER = /\{\{(\d+)\}\}/g;

/** Replaces `{{n}}` by the OSCAL insert of the control's n-th parameter; records which were used. */
function insertParams(text: string, ctrlId: string, params: readonly ParamDef[], used: Set<number>): string {
  return text.replace(PLACEHOLDER, (_m, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`${ctrlId}: {{${n}}} has no parameter`);
    used.add(index);
    return `{{ insert: param, ${paramId(ctrlId, index)} }}`;
  });
}

function renderParam(ctrlId: string, level: Level, index: number, p: ParamDef): OscalParam {
  const id = paramId(ctrlId, index);
  const guidelines = p.guidelines ? { guidelines: [{ prose: p.guidelines }] } : {};
  if ('choices' in p) {
    // OSCAL allows either values or a selection; the recommended choices travel as props.
    for (const d of p.defaults) if (!p.choices.includes(d)) throw new Error(`${id}: default '${d}' is not a choice`);
    return {
      id,
      props: p.defaults.map((d) => ({ name: 'default-choice', ns: CITYSHIELD_NS, value: d })),
      label: p.label,
      ...guidelines,
      select: { 'how-many': p.howMany ?? 'one', choice: [...p.choices] },
    };
  }
  // A stricter value only makes sense for a level above the control's own level.
  if (p.standard !== undefined && level !== 'basic') throw new Error(`${id}: a ${level} control cannot have a standard-level value`);
  if (p.high !== undefined && level === 'high') throw new Error(`${id}: a high control cannot have a high-level value`);
  return { id, label: p.label, ...guidelines, values: [p.value] };
}

const isoHref = (ref: string): string => `urn:iso:std:iso-iec:27002:2022#${ref}`;
const nistHref = (id: string): string => `urn:nist:sp800-53:rev5#${id}`;
/** 'ia-2.1' → 'IA-2(1)', the way the NIST publication writes an enhancement. */
export function nistLabel(id: string): string {
  const [base, enh] = id.toUpperCase().split('.');
  return enh === undefined ? `${base}` : `${base}(${enh})`;
}

export function renderControl(group: GroupDef, req: RequirementDef): OscalControl {
  const id = controlId(group, req);
  const params = req.params ?? [];
  const used = new Set<number>();
  const statement: OscalPart = { id: `${id}_smt`, name: 'statement', prose: insertParams(req.statement, id, params, used) };
  if (req.items && req.items.length > 0) {
    statement.parts = req.items.map((item, i) => {
      const letter = String.fromCharCode(97 + i);
      return {
        id: `${id}_smt.${letter}`,
        name: 'item',
        props: [{ name: 'label', value: `${letter}.` }],
        prose: insertParams(item, id, params, used),
      };
    });
  }
  params.forEach((_p, i) => {
    if (!used.has(i)) throw new Error(`${id}: parameter ${i + 1} is never inserted in the statement`);
  });
  const props: OscalProp[] = [
    { name: 'label', value: id.toUpperCase() },
    { name: 'sort-id', value: `${group.id}-${String(req.n).padStart(2, '0')}` },
    { name: 'level', ns: CITYSHIELD_NS, value: req.level },
    ...dimensionsOf(req.cia).map((d) => ({ name: 'dimension', ns: CITYSHIELD_NS, value: d })),
    ...(req.kinds === 'all' ? ['all'] : req.kinds).map((k) => ({ name: 'system-kind', ns: CITYSHIELD_NS, value: k })),
    ...(req.sectors ?? []).map((s) => ({ name: 'sector', ns: CITYSHIELD_NS, value: s })),
  ];
  const links: OscalLink[] = [
    ...req.iso.map((r) => ({ href: isoHref(r), rel: 'related', text: `ISO/IEC 27002:2022 ${r}` })),
    ...req.nist.map((n) => ({ href: nistHref(n), rel: 'related', text: `NIST SP 800-53 rev5 ${nistLabel(n)}` })),
  ];
  const parts: OscalPart[] = [statement, { id: `${id}_gdn`, name: 'guidance', prose: req.guidance }];
  // Key order as in published OSCAL catalogs: id, title, params, props, links, parts.
  return {
    id,
    title: req.title,
    ...(params.length > 0 ? { params: params.map((p, i) => renderParam(id, req.level, i, p)) } : {}),
    props,
    ...(links.length > 0 ? { links } : {}),
    parts,
  };
}

// ---- documents ----

const PARTY_UUID = uuidV5('party/cityshield-project');
const CATALOG_RESOURCE_UUID = uuidV5(`city-baseline/${CITY_BASELINE_VERSION}/resource/catalog`);

function metadata(title: string, remarks: string, documentId: string): OscalMetadata {
  return {
    title,
    'last-modified': CITY_BASELINE_LAST_MODIFIED,
    version: CITY_BASELINE_VERSION,
    'oscal-version': CITY_BASELINE_OSCAL_VERSION,
    'document-ids': [{ scheme: CITY_BASELINE_DOCUMENT_ID_SCHEME, identifier: documentId }],
    props: [
      { name: 'licence', ns: CITYSHIELD_NS, value: 'CC-BY-4.0' },
      { name: 'licence-url', ns: CITYSHIELD_NS, value: 'https://creativecommons.org/licenses/by/4.0/' },
      { name: 'licence-holder', ns: CITYSHIELD_NS, value: 'CityShield project' },
    ],
    links: [
      { href: 'https://creativecommons.org/licenses/by/4.0/', rel: 'license', text: 'Creative Commons Attribution 4.0 International' },
    ],
    roles: [{ id: 'creator', title: 'Document creator' }],
    parties: [{ uuid: PARTY_UUID, type: 'organization', name: 'CityShield project' }],
    'responsible-parties': [{ 'role-id': 'creator', 'party-uuids': [PARTY_UUID] }],
    remarks,
  };
}

const CATALOG_REMARKS = [
  'Requirements for the information security of city administrations, written by the CityShield project in its own words and organised by the services a city provides and protects.',
  '',
  `Each control carries props in the namespace ${CITYSHIELD_NS}: \`level\` (basic, standard or high), one \`dimension\` prop per protected security dimension (confidentiality, integrity, availability), one \`system-kind\` prop per kind of system it applies to (or \`all\`) and optionally \`sector\` props. The levels are cumulative: the standard level adds to basic, the high level adds to both. One profile per level ships with this catalog.`,
  '',
  'Links with rel `related` map each requirement to ISO/IEC 27002:2022 and NIST SP 800-53 rev5 controls by identifier only; no text from those standards is reproduced. The mappings show where a requirement touches the same topic and are not a claim of equivalence.',
  '',
  'Licence: Creative Commons Attribution 4.0 International (CC BY 4.0).',
].join('\n');

export function buildCityBaselineCatalog(groups: readonly GroupDef[] = CITY_BASELINE_GROUPS): OscalCatalogDocument {
  return {
    catalog: {
      uuid: CITY_BASELINE_CATALOG_UUID,
      metadata: metadata('CityShield City Baseline', CATALOG_REMARKS, CITY_BASELINE_DOCUMENT_ID),
      groups: groups.map((g) => ({
        id: g.id,
        class: 'service-area',
        title: g.title,
        parts: [{ id: `${g.id}_ovw`, name: 'overview', prose: g.overview }],
        controls: g.requirements.map((r) => renderControl(g, r)),
      })),
    },
  };
}

/** Levels a profile selects: basic → [basic]; standard → [basic, standard]; high → all three. */
export function levelsUpTo(level: Level): Level[] {
  return LEVELS.slice(0, LEVELS.indexOf(level) + 1);
}

const LEVEL_TITLES: Readonly<Record<Level, string>> = { basic: 'Basic', standard: 'Standard', high: 'High' };

export function buildCityBaselineProfile(level: Level, groups: readonly GroupDef[] = CITY_BASELINE_GROUPS): OscalProfileDocument {
  const levels = levelsUpTo(level);
  const ids: string[] = [];
  const setParams: { 'param-id': string; values: string[] }[] = [];
  for (const g of groups) {
    for (const r of g.requirements) {
      if (!levels.includes(r.level)) continue;
      const id = controlId(g, r);
      ids.push(id);
      (r.params ?? []).forEach((p, i) => {
        if ('choices' in p) return;
        const value = level === 'high' ? (p.high ?? p.standard) : level === 'standard' ? p.standard : undefined;
        if (value !== undefined && value !== p.value) setParams.push({ 'param-id': paramId(id, i), values: [value] });
      });
    }
  }
  const remarks = [
    `Selects the requirements of the CityShield City Baseline for the ${level} level: the controls tagged level ${levels.join(', ')}.`,
    setParams.length > 0 ? `It also sets ${setParams.length} parameters to the stricter values this level asks for.` : '',
    'Licence: Creative Commons Attribution 4.0 International (CC BY 4.0).',
  ]
    .filter((s) => s !== '')
    .join('\n\n');
  return {
    profile: {
      uuid: uuidV5(`city-baseline/${CITY_BASELINE_VERSION}/profile/${level}`),
      metadata: metadata(
        `CityShield City Baseline — ${LEVEL_TITLES[level]} level`,
        remarks,
        `${CITY_BASELINE_DOCUMENT_ID}-profile-${level}`,
      ),
      imports: [{ href: `#${CATALOG_RESOURCE_UUID}`, 'include-controls': [{ 'with-ids': ids }] }],
      merge: { 'as-is': true },
      ...(setParams.length > 0 ? { modify: { 'set-parameters': setParams } } : {}),
      'back-matter': {
        resources: [
          {
            uuid: CATALOG_RESOURCE_UUID,
            title: 'CityShield City Baseline catalog',
            description: `The catalog this profile selects from, version ${CITY_BASELINE_VERSION}.`,
            rlinks: [{ href: CITY_BASELINE_CATALOG_FILE, 'media-type': 'application/oscal.catalog+json' }],
          },
        ],
      },
    },
  };
}

const serialise = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`;

/** The four shipped files, by file name, as the exact text written to disk. */
export function renderCityBaselineFiles(groups: readonly GroupDef[] = CITY_BASELINE_GROUPS): Map<string, string> {
  const files = new Map<string, string>();
  files.set(CITY_BASELINE_CATALOG_FILE, serialise(buildCityBaselineCatalog(groups)));
  for (const level of LEVELS) files.set(CITY_BASELINE_PROFILE_FILES[level], serialise(buildCityBaselineProfile(level, groups)));
  return files;
}

/** Directory of the shipped documents: src/city-baseline and dist/city-baseline are both two levels below packages/core. */
export function cityBaselineCatalogDir(): URL {
  return new URL('../../catalogs/', import.meta.url);
}
