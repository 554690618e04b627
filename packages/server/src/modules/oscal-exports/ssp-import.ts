import type { ClassificationMethod, ImplementationStatus } from '@cityshield/core';
import { CS_NS, FROM_OSCAL_STATUS, isImplementationStatus, type Json, NO_DESCRIPTION, NO_STATEMENT } from './oscal-common.js';
import { CIA } from './ssp-export.js';

/**
 * Reading an OSCAL system security plan (already schema-valid) into what CityShield keeps: the
 * register fields, the protection need as the SSP states it, the components and, per control,
 * the system's own statement and status. Pure: nothing here touches the database.
 */

const NIST_NS = 'http://csrc.nist.gov/ns/oscal';

const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v.filter((x) => typeof x === 'object' && x !== null) as Json[]) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

interface PropValue {
  value: string;
  cls?: string;
}

/** Props by name: CityShield's own (our namespace) and OSCAL's (no namespace or NIST's). */
function propsOf(o: Json | undefined) {
  const cs = new Map<string, PropValue[]>();
  const oscal = new Map<string, string[]>();
  for (const p of arr(o?.props)) {
    const name = s(p.name);
    const value = s(p.value);
    if (!name || value === undefined) continue;
    const ns = s(p.ns);
    if (ns === CS_NS) cs.set(name, [...(cs.get(name) ?? []), { value, ...(s(p.class) ? { cls: s(p.class) } : {}) }]);
    else if (ns === undefined || ns === NIST_NS) oscal.set(name, [...(oscal.get(name) ?? []), value]);
  }
  return { cs, oscal, first: (name: string) => cs.get(name)?.[0]?.value };
}

export interface ParsedByComponent {
  componentUuid: string;
  description: string;
  status: string | undefined;
}

export interface ParsedRequirement {
  controlId: string;
  /** CityShield's own status prop: the system's own status, exactly. */
  ownStatus: ImplementationStatus | undefined;
  /** OSCAL's implementation-status prop on the implemented requirement. */
  oscalStatus: ImplementationStatus | undefined;
  overridden: boolean;
  remarks: string;
  responsiblePartyUuids: string[];
  byComponents: ParsedByComponent[];
}

export interface ParsedComponent {
  uuid: string;
  type: string;
  title: string;
  definitionUuid: string | undefined;
}

export interface ParsedSsp {
  documentUuid: string;
  title: string;
  systemName: string;
  description: string;
  register: {
    sector?: string;
    kind?: string;
    hosting?: string;
    lifecycle?: string;
    personalData: string[];
    supplier?: string;
    department?: string;
  };
  state: string | undefined;
  securitySensitivityLevel: string | undefined;
  /** The security objectives as written (security-impact-level), else the information types' impacts. */
  impacts: Record<(typeof CIA)[number], string[]>;
  objectives: Partial<Record<(typeof CIA)[number], string>>;
  /** CityShield's protection-need props (exact levels of the method named). */
  protectionNeeds: { method: string | undefined; levels: Record<string, string> };
  parties: Map<string, { name: string; emails: string[] }>;
  ownerPartyUuids: string[];
  thisSystemUuids: Set<string>;
  components: ParsedComponent[];
  requirements: ParsedRequirement[];
}

const OWNER_ROLES = new Set(['system-owner', 'owner', 'information-system-owner']);

function statusOf(v: string | undefined): ImplementationStatus | undefined {
  return v === undefined ? undefined : FROM_OSCAL_STATUS[v];
}

export function parseSsp(document: Json): ParsedSsp {
  const ssp = document['system-security-plan'] as Json;
  const metadata = (ssp.metadata ?? {}) as Json;
  const chars = (ssp['system-characteristics'] ?? {}) as Json;
  const impl = (ssp['system-implementation'] ?? {}) as Json;
  const control = (ssp['control-implementation'] ?? {}) as Json;
  const p = propsOf(chars);

  const parties = new Map<string, { name: string; emails: string[] }>();
  for (const party of arr(metadata.parties)) {
    const uuid = s(party.uuid);
    if (uuid) parties.set(uuid, { name: s(party.name) ?? '', emails: strings(party['email-addresses']) });
  }

  const components = arr(impl.components).map((c) => ({
    uuid: s(c.uuid) ?? '',
    type: s(c.type) ?? '',
    title: s(c.title) ?? '',
    definitionUuid: propsOf(c).first('component-definition-uuid'),
    roles: arr(c['responsible-roles']),
  }));
  const thisSystemUuids = new Set(components.filter((c) => c.type === 'this-system').map((c) => c.uuid));

  const ownerPartyUuids = [
    ...arr(metadata['responsible-parties']),
    ...arr(chars['responsible-parties']),
    ...components.filter((c) => c.type === 'this-system').flatMap((c) => c.roles),
  ]
    .filter((r) => OWNER_ROLES.has(s(r['role-id']) ?? ''))
    .flatMap((r) => strings(r['party-uuids']));

  const infoTypes = arr((chars['system-information'] as Json | undefined)?.['information-types']);
  const impacts = { confidentiality: [] as string[], integrity: [] as string[], availability: [] as string[] };
  for (const t of infoTypes) {
    for (const d of CIA) {
      const i = t[`${d}-impact`] as Json | undefined;
      const v = s(i?.selected) ?? s(i?.base);
      if (v) impacts[d].push(v);
    }
  }
  const sil = chars['security-impact-level'] as Json | undefined;
  const objectives: ParsedSsp['objectives'] = {};
  for (const d of CIA) {
    const v = s(sil?.[`security-objective-${d}`]);
    if (v) objectives[d] = v;
  }

  const needs: Record<string, string> = {};
  for (const n of p.cs.get('protection-need') ?? []) if (n.cls) needs[n.cls] = n.value;

  const requirements = new Map<string, ParsedRequirement>();
  for (const ir of arr(control['implemented-requirements'])) {
    const controlId = s(ir['control-id']) ?? '';
    const ip = propsOf(ir);
    const own = ip.first('status');
    const byComponents = [...arr(ir['by-components']), ...arr(ir.statements).flatMap((st) => arr(st['by-components']))].map((b) => ({
      componentUuid: s(b['component-uuid']) ?? '',
      description: s(b.description) ?? '',
      status: s((b['implementation-status'] as Json | undefined)?.state),
    }));
    const parsed: ParsedRequirement = {
      controlId,
      ownStatus: isImplementationStatus(own) ? own : undefined,
      oscalStatus: statusOf(ip.oscal.get('implementation-status')?.[0]),
      overridden: ip.first('inheritance') === 'overridden',
      remarks: s(ir.remarks)?.trim() ?? '',
      responsiblePartyUuids: arr(ir['responsible-roles']).flatMap((r) => strings(r['party-uuids'])),
      byComponents,
    };
    const prev = requirements.get(controlId);
    if (prev) {
      // The same control twice: one record with everything said about it.
      prev.byComponents.push(...parsed.byComponents);
      prev.responsiblePartyUuids.push(...parsed.responsiblePartyUuids);
      prev.remarks = [prev.remarks, parsed.remarks].filter(Boolean).join('\n\n');
      prev.ownStatus ??= parsed.ownStatus;
      prev.oscalStatus ??= parsed.oscalStatus;
      prev.overridden ||= parsed.overridden;
    } else requirements.set(controlId, parsed);
  }

  const description = (s(chars.description) ?? '').trim();
  return {
    documentUuid: s(ssp.uuid) ?? '',
    title: s(metadata.title) ?? '',
    systemName: (s(chars['system-name']) ?? '').trim(),
    description: description === NO_DESCRIPTION ? '' : description,
    register: {
      ...opt('sector', p.first('sector')),
      ...opt('kind', p.first('kind')),
      ...opt('hosting', p.first('hosting')),
      ...opt('lifecycle', p.first('lifecycle')),
      personalData: (p.cs.get('personal-data') ?? []).map((v) => v.value),
      ...opt('supplier', p.first('supplier')),
      ...opt('department', p.first('department')),
    },
    state: s((chars.status as Json | undefined)?.state),
    securitySensitivityLevel: s(chars['security-sensitivity-level']),
    impacts,
    objectives,
    protectionNeeds: { method: p.first('classification-method'), levels: needs },
    parties,
    ownerPartyUuids: [...new Set(ownerPartyUuids)],
    thisSystemUuids,
    components: components.filter((c) => c.type !== 'this-system').map(({ roles: _roles, ...c }) => c),
    requirements: [...requirements.values()],
  };
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** An OSCAL impact or objective value as a level of the method's dimension; undefined when it does not map cleanly. */
export function mapLevel(method: ClassificationMethod, dimension: string, value: string): string | undefined {
  const levels = method.dimensions.find((d) => d.key === dimension)?.levels ?? [];
  const v = value.trim().toLowerCase();
  const byKey = (k: string) => levels.find((l) => l.key.toLowerCase() === k)?.key;
  if (v.startsWith(`${method.key.toLowerCase()}-`)) {
    const hit = byKey(v.slice(method.key.length + 1));
    if (hit) return hit;
  }
  if (method.key === 'fips-199') {
    const bare = v.replace(/^fips-199-/, '');
    const synonym: Record<string, string> = { low: 'low', moderate: 'moderate', medium: 'moderate', high: 'high' };
    const k = synonym[bare];
    if (k) return byKey(k);
  }
  return undefined;
}

export interface ClassificationPlan {
  levels: Record<string, string> | undefined;
  /** Why the system was (not) classified, in words for the response. */
  note: string;
}

/**
 * The protection need to record for the new system, never invented: CityShield's own levels when
 * the SSP was written under the organisation's method; else the confidentiality, integrity and
 * availability objectives when the method rates exactly those three and every value maps to one
 * of its levels (FIPS 199 values, or `<method>-<level>`). Otherwise none.
 */
export function planClassification(method: ClassificationMethod, ssp: ParsedSsp): ClassificationPlan {
  const { protectionNeeds } = ssp;
  if (protectionNeeds.method === method.key && method.dimensions.every((d) => protectionNeeds.levels[d.key] !== undefined)) {
    const levels: Record<string, string> = {};
    for (const d of method.dimensions) {
      const key = protectionNeeds.levels[d.key] ?? '';
      if (!d.levels.some((l) => l.key === key)) {
        return {
          levels: undefined,
          note: `The SSP gives ${d.name} the level "${key}", which ${method.name} does not have; the system is left unclassified.`,
        };
      }
      levels[d.key] = key;
    }
    return { levels, note: `Classified with the ${method.name} levels the SSP records.` };
  }
  const onlyCia = method.dimensions.length === CIA.length && method.dimensions.every((d) => (CIA as readonly string[]).includes(d.key));
  if (!onlyCia) {
    return {
      levels: undefined,
      note: `The organisation classifies with ${method.name}, whose dimensions (${method.dimensions.map((d) => d.name).join(', ')}) are not just confidentiality, integrity and availability; the system is left unclassified: classify it with the questionnaire.`,
    };
  }
  const levels: Record<string, string> = {};
  const missing: string[] = [];
  const unmapped: string[] = [];
  for (const d of CIA) {
    const values = ssp.objectives[d] !== undefined ? [ssp.objectives[d] as string] : ssp.impacts[d];
    if (values.length === 0) {
      missing.push(d);
      continue;
    }
    let best: { key: string; rank: number } | undefined;
    for (const v of values) {
      const key = mapLevel(method, d, v);
      const rank = method.dimensions.find((x) => x.key === d)?.levels.find((l) => l.key === key)?.rank;
      if (key === undefined || rank === undefined) {
        unmapped.push(`${d} "${v}"`);
        continue;
      }
      if (!best || rank > best.rank) best = { key, rank };
    }
    if (best) levels[d] = best.key;
  }
  if (missing.length > 0)
    return { levels: undefined, note: `The SSP states no ${missing.join(', ')} impact; the system is left unclassified.` };
  if (unmapped.length > 0)
    return {
      levels: undefined,
      note: `The SSP's impacts (${unmapped.join(', ')}) do not map cleanly onto ${method.name}; the system is left unclassified: classify it with the questionnaire.`,
    };
  return { levels, note: `Classified from the SSP's confidentiality, integrity and availability impacts under ${method.name}.` };
}

/** The system's own statement text from a by-component description (our placeholder means none). */
export const statementText = (description: string): string => (description.trim() === NO_STATEMENT ? '' : description.trim());
