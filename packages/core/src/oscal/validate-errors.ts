/**
 * Turns ajv's raw errors into messages a person can act on: the JSON pointer of the offending
 * value, what the schema expected, and what was found.
 *
 * OSCAL 1.1+ schemas use `anyOf` for "allowed value or any other token" and (1.2) for
 * alternative object shapes; ajv then reports every failing branch. We fold those: when some
 * branch failed only deeper inside the value, the deeper errors are the real ones; when all
 * branches failed at the value itself, one message lists the alternatives.
 */
import type { ErrorObject } from 'ajv';

export interface OscalValidationError {
  /** JSON pointer (RFC 6901) of the offending value, e.g. `/catalog/groups/0/controls/3/id`. */
  pointer: string;
  /** What was expected and what was found. */
  message: string;
  /** The JSON Schema keyword that failed (`pattern`, `required`, `type`, ...). */
  keyword: string;
}

/** Human descriptions of OSCAL's constrained datatypes, found by name or by their regex. */
function describePattern(pattern: string, schemaPath: string): string | undefined {
  const name = /\/definitions\/([A-Za-z-]+Datatype)\//.exec(schemaPath)?.[1];
  if (name === 'TokenDatatype' || (pattern.includes('\\p{L}') && pattern.includes('[.\\-_]'))) {
    return "a token: a letter or '_', then letters, digits, '.', '-' or '_'";
  }
  if (name?.startsWith('UUID') || pattern.includes('{8}-[0-9A-Fa-f]{4}-')) return 'a UUID (RFC 4122 version 4 or 5)';
  if (name === 'StringDatatype' || pattern === '^\\S(.*\\S)?$') return 'non-empty, without leading or trailing whitespace';
  if (name === 'DateTimeWithTimezoneDatatype') return 'a date and time with time zone, e.g. 2024-01-31T12:00:00Z';
  if (name === 'DateWithTimezoneDatatype') return 'a date with optional time zone, e.g. 2024-01-31';
  if (name === 'EmailAddressDatatype') return 'an e-mail address';
  if (name === 'URIDatatype' || name === 'URIReferenceDatatype') return 'a URI';
  return undefined;
}

function describeValue(data: unknown): string {
  if (data === undefined) return '';
  if (typeof data === 'string') {
    const shown = data.length > 80 ? `${data.slice(0, 77)}...` : data;
    return JSON.stringify(shown);
  }
  if (data === null) return 'null';
  if (Array.isArray(data)) return data.length === 0 ? 'an empty array' : `an array of ${data.length}`;
  if (typeof data === 'object') return 'an object';
  return `${typeof data} ${String(data)}`;
}

/** The "what was expected" part of a message for one ajv error. */
function expectation(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${String(p.type)}`;
    case 'required':
      return `missing required property "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `unexpected property "${String(p.additionalProperty)}" (not allowed here)`;
    case 'pattern': {
      const pattern = String(p.pattern);
      const desc = describePattern(pattern, e.schemaPath);
      return `must match pattern ${pattern}${desc ? ` (${desc})` : ''}`;
    }
    case 'enum':
      return `must be one of ${(Array.isArray(p.allowedValues) ? p.allowedValues : []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'format':
      return `must be a valid ${String(p.format)}`;
    case 'minItems':
      return Number(p.limit) === 1 ? 'must not be empty (OSCAL leaves out empty lists)' : `must have at least ${String(p.limit)} items`;
    case 'maxProperties':
      return `must have at most ${String(p.limit)} properties`;
    default:
      return e.message ?? `fails ${e.keyword}`;
  }
}

function found(e: ErrorObject): string {
  if (e.keyword === 'required' || e.keyword === 'additionalProperties') return '';
  if (e.keyword === 'minItems' && Array.isArray(e.data)) return `, got ${e.data.length}`;
  const shown = describeValue(e.data);
  return shown ? `, got ${shown}` : '';
}

function isUnder(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}/`);
}

function sameError(a: ErrorObject, b: ErrorObject): boolean {
  return a.instancePath === b.instancePath && a.keyword === b.keyword && JSON.stringify(a.params) === JSON.stringify(b.params);
}

/** The errors of a failed anyOf/oneOf, folded as described at the top of this file. */
function foldAlternatives(alt: ErrorObject, branchErrors: ErrorObject[]): ErrorObject[] {
  const branchCount = Array.isArray(alt.schema) ? alt.schema.length : 0;
  const deep = branchErrors.filter((e) => e.instancePath !== alt.instancePath);
  const shallow = branchErrors.filter((e) => e.instancePath === alt.instancePath);
  if (deep.length > 0) {
    // Some branch got past the value itself: keep its deeper errors, plus shallow errors that
    // every branch reported (a property no shape allows is a real error whichever shape is meant).
    const branchOf = (e: ErrorObject) => /\/(?:anyOf|oneOf)\/(\d+)\//.exec(e.schemaPath)?.[1];
    const common = shallow.filter((e) => {
      const branches = new Set(shallow.filter((o) => sameError(o, e)).map(branchOf));
      return branchCount > 0 && branches.size >= branchCount;
    });
    return [...deep, ...common];
  }
  if (shallow.length === 0) return [alt];
  const parts: string[] = [];
  for (const e of shallow) {
    const text = expectation(e);
    if (!parts.includes(text)) parts.push(text);
  }
  const first = shallow[0] ?? alt;
  return [{ ...alt, keyword: alt.keyword, message: parts.join(', or '), data: first.data, params: { alternatives: parts } }];
}

/** Folds alternatives and removes duplicates, keeping ajv's (document) order. */
export function foldErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(e);
      continue;
    }
    // ajv reports a branch's errors just before the anyOf/oneOf error itself.
    const branchErrors: ErrorObject[] = [];
    while (out.length > 0) {
      const last = out[out.length - 1];
      if (last === undefined || !isUnder(last.instancePath, e.instancePath)) break;
      branchErrors.unshift(last);
      out.pop();
    }
    out.push(...foldAlternatives(e, branchErrors));
  }
  // Linear de-duplication: a badly broken document can produce tens of thousands of errors.
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}\u0000${e.message ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function toOscalErrors(errors: readonly ErrorObject[]): OscalValidationError[] {
  return foldErrors(errors).map((e) => {
    const folded = (e.keyword === 'anyOf' || e.keyword === 'oneOf') && Array.isArray((e.params as { alternatives?: unknown }).alternatives);
    const what = folded ? (e.message ?? 'must match one of the allowed forms') : expectation(e);
    return { pointer: e.instancePath, keyword: e.keyword, message: `${what}${found(e)}` };
  });
}
