import { createHash } from 'node:crypto';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@cityshield/core';

/**
 * What the OSCAL exports (SSP, assessment results, POA&M) and the SSP import share: the OSCAL
 * version written, deterministic UUIDs, CityShield's property namespace, status vocabularies and
 * the small value rules of the OSCAL JSON schemas (non-empty trimmed strings, date-times with a
 * zone, v4/v5 UUIDs only).
 */

/** Written into every export; the newest 1.1.x the NIST examples use and the core bundles a schema for. */
export const EXPORT_OSCAL_VERSION = '1.1.2';

/** The namespace of CityShield's own props (the same as the City Baseline's, packages/core/src/city-baseline/types.ts). */
export const CS_NS = 'https://cityshield.eu/ns/oscal';

/** Documents CityShield serves itself are linked with this media type. */
export const OSCAL_JSON = 'application/oscal+json';

export type Json = Record<string, unknown>;
export type Prop = { name: string; value: string; ns?: string; class?: string; remarks?: string };

// RFC 4122 name-based UUID (version 5, SHA-1).
function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const b = hash.subarray(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x50;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The URL namespace of RFC 4122 appendix C. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const CITYSHIELD_UUID_NAMESPACE = uuidV5(CS_NS, URL_NAMESPACE);

/**
 * Deterministic UUIDs from stable database ids, so that exporting the same data twice gives the
 * same document (apart from `last-modified`), and the same thing carries the same UUID in every
 * document: a requirement is the implemented requirement of the SSP and the
 * `implementation-statement-uuid` of the assessment results; a finding has one UUID in the
 * assessment results and in the POA&M. (Our own ids are UUIDv7, which OSCAL's UUID type refuses.)
 */
export const oscalUuid = (kind: string, id: string): string => uuidV5(`${kind}:${id}`, CITYSHIELD_UUID_NAMESPACE);

export const ids = {
  org: (orgId: string) => oscalUuid('organisation', orgId),
  user: (userId: string) => oscalUuid('user', userId),
  thisSystem: (systemId: string) => oscalUuid('this-system', systemId),
  component: (componentId: string) => oscalUuid('component', componentId),
  requirement: (requirementId: string) => oscalUuid('requirement', requirementId),
  observation: (resultId: string) => oscalUuid('observation', resultId),
  finding: (findingId: string) => oscalUuid('finding', findingId),
  resultFinding: (resultId: string) => oscalUuid('result-finding', resultId),
  catalogVersion: (versionId: string) => oscalUuid('catalog-version', versionId),
  provider: (orgId: string, name: string) => oscalUuid('provider', `${orgId}:${name.trim().toLowerCase()}`),
};

/** A StringDatatype value: non-empty, no leading or trailing white space. */
export function str(value: string | null | undefined, fallback: string): string {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  return v === '' ? fallback : v;
}

/** A free-text (markup) field: the text, or the fallback when it is blank. */
export function text(value: string | null | undefined, fallback: string): string {
  const v = (value ?? '').trim();
  return v === '' ? fallback : v;
}

const TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;
export const isToken = (value: string): boolean => TOKEN.test(value);

/** A CityShield prop (our namespace); undefined when the value is blank, so it can be filtered out. */
export function csProp(name: string, value: string | null | undefined, cls?: string): Prop | undefined {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  if (v === '') return undefined;
  return { name, ns: CS_NS, value: v, ...(cls && isToken(cls) ? { class: cls } : {}) };
}

/** Drops undefined entries; undefined when nothing is left (OSCAL arrays must not be empty). */
export function some<T>(items: ReadonlyArray<T | undefined | null | false>): T[] | undefined {
  const kept = items.filter((x): x is T => x !== undefined && x !== null && x !== false);
  return kept.length > 0 ? kept : undefined;
}

/** Removes undefined values so the serialised JSON carries no empty keys. */
export function compact<T extends Json>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** A calendar day (YYYY-MM-DD) as an OSCAL date-time: the start or end of that day in UTC. */
export const dayStart = (day: string): string => `${day.slice(0, 10)}T00:00:00Z`;
export const dayEnd = (day: string): string => `${day.slice(0, 10)}T23:59:59Z`;

/** The newest of some ISO timestamps (strings sort as time); the fallback when there are none. */
export function newest(values: ReadonlyArray<string | null | undefined>, fallback: string): string {
  let best: string | undefined;
  for (const v of values) if (v && (best === undefined || v > best)) best = v;
  return best ?? fallback;
}

// ── implementation status ───────────────────────────────────────────────

/** OSCAL's implementation states for ours; "not started" has no OSCAL word and is written as planned. */
export const TO_OSCAL_STATUS: Record<ImplementationStatus, string> = {
  'not-started': 'planned',
  planned: 'planned',
  partially: 'partial',
  implemented: 'implemented',
  'not-applicable': 'not-applicable',
};

/** OSCAL's implementation states in our words (`alternative`: implemented by other means). */
export const FROM_OSCAL_STATUS: Record<string, ImplementationStatus> = {
  implemented: 'implemented',
  partial: 'partially',
  planned: 'planned',
  alternative: 'implemented',
  'not-applicable': 'not-applicable',
};

export const isImplementationStatus = (v: unknown): v is ImplementationStatus =>
  typeof v === 'string' && (IMPLEMENTATION_STATUSES as readonly string[]).includes(v);

/** The by-component text when a system or component has recorded no statement yet (read back as empty). */
export const NO_STATEMENT = 'No implementation statement has been recorded.';
/** The system description when the register has none (read back as empty). */
export const NO_DESCRIPTION = 'No description has been recorded in the register.';

// ── parties ─────────────────────────────────────────────────────────────

export interface PartyUser {
  id: string;
  name: string;
  email: string;
}

/** Parties for the organisation and the people a document names, in a stable order. */
export function parties(orgId: string, orgName: string, users: Iterable<PartyUser>, extra: Json[] = []): Json[] {
  const org = ids.org(orgId);
  const people = [...new Map([...users].map((u) => [u.id, u])).values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  return [
    { uuid: org, type: 'organization', name: str(orgName, 'Organisation') },
    ...people.map((u) =>
      compact({
        uuid: ids.user(u.id),
        type: 'person',
        name: str(u.name, u.email),
        'email-addresses': /^\S+@\S+$/.test(u.email) ? [u.email] : undefined,
        'member-of-organizations': [org],
      }),
    ),
    ...extra,
  ];
}

/** A control's assessment target: its objective part, else its statement part, else the NIST-style `<id>_obj`. */
export function targetOf(controlId: string, body: Json | undefined): { type: 'objective-id' | 'statement-id'; 'target-id': string } {
  const parts = Array.isArray(body?.parts) ? (body.parts as Json[]) : [];
  const byName = (names: string[]) => parts.find((p) => typeof p.name === 'string' && names.includes(p.name) && typeof p.id === 'string');
  const objective = byName(['assessment-objective', 'objective']);
  if (objective && isToken(String(objective.id))) return { type: 'objective-id', 'target-id': String(objective.id) };
  const statement = byName(['statement']);
  if (statement && isToken(String(statement.id))) return { type: 'statement-id', 'target-id': String(statement.id) };
  const fallback = `${controlId}_obj`;
  return { type: 'objective-id', 'target-id': isToken(fallback) ? fallback : `_${fallback.replace(/[^\p{L}\p{N}._-]/gu, '_')}` };
}

/** A safe attachment file name from a title. */
export function fileName(prefix: string, title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .slice(0, 60);
  return `${prefix}${slug ? `-${slug}` : ''}.json`;
}
