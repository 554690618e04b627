/** Small JSON helpers shared by the resolver modules. */

/** Structural equality of JSON values (object key order is irrelevant, array order is not). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao).filter((k) => ao[k] !== undefined);
  if (keys.length !== Object.keys(bo).filter((k) => bo[k] !== undefined).length) return false;
  return keys.every((k) => deepEqual(ao[k], bo[k]));
}

/** Deep copy of JSON data; used before modifying content that is shared with a source document. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** Appends `extra` items to a list, skipping items deep-equal to one already present. */
export function unionDeep<T>(base: readonly T[] | undefined, extra: readonly T[] | undefined): T[] {
  const out = [...(base ?? [])];
  for (const item of extra ?? []) if (!out.some((o) => deepEqual(o, item))) out.push(item);
  return out;
}

/**
 * Sets an OSCAL array field, or deletes it when empty: OSCAL JSON arrays have `minItems: 1`,
 * so an emptied list (e.g. after a remove) must disappear for the result to stay schema-valid.
 */
export function setList<T extends object, K extends keyof T>(target: T, key: K, list: T[K] & unknown[]): void {
  if (list.length === 0) delete target[key];
  else target[key] = list;
}

/**
 * OSCAL `matching` patterns are globs over ids: `*` any run of characters, `?` exactly one;
 * everything else is literal and the whole id must match (as NIST's reference resolver does).
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (const ch of glob) {
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u');
}

/**
 * Calls `visit` for every string inside a JSON value. Written with plain loops: it runs over
 * whole resolved catalogs (megabytes of prose) and is the hottest path of resolution.
 */
export function forEachString(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') {
    visit(value);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) forEachString(value[i], visit);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key in record) forEachString(record[key], visit);
  }
}

const INSERT_PARAM = /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g;

/** Adds to `into` the ids of all parameters that markup in `value` inserts (`{{ insert: param, id }}`). */
export function collectParamInserts(value: unknown, into: Set<string>): void {
  forEachString(value, (text) => {
    if (!text.includes('{{')) return;
    for (const m of text.matchAll(INSERT_PARAM)) if (m[1] !== undefined) into.add(m[1]);
  });
}

const FRAGMENT_REF = /#([0-9A-Za-z][0-9A-Za-z._-]*)/g;

/**
 * Adds to `into` every `#fragment` that appears in a string of `value`: link hrefs (`#uuid`),
 * Markdown links in prose (`[text](#uuid)`) and any other reference form. A back-matter resource
 * is referenced when its uuid is among them.
 */
export function collectFragmentRefs(value: unknown, into: Set<string>): void {
  forEachString(value, (text) => {
    if (!text.includes('#')) return;
    for (const m of text.matchAll(FRAGMENT_REF)) if (m[1] !== undefined) into.add(m[1]);
  });
}
