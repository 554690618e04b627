/**
 * Validation of OSCAL JSON documents against the official NIST JSON Schemas (draft-07) bundled
 * in packages/core/schemas/<version>/oscal_complete_schema.json, chosen by the document's
 * `metadata.oscal-version`.
 *
 * ajv is used because the schemas' patterns use Unicode property escapes (`\p{L}`) that need an
 * ECMAScript regex engine with the `u` flag (ajv's `unicodeRegExp`, on by default). Each
 * (version, model) pair is compiled once and cached: compiling a complete schema takes around a
 * second, validating the 2.7 MB rev4 catalog then takes milliseconds.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { isRecord, OSCAL_MODELS, type OscalModel, oscalModelOf } from './model.js';
import { type OscalValidationError, toOscalErrors } from './validate-errors.js';
import { chooseSchemaVersion, LATEST_OSCAL_VERSION, SUPPORTED_OSCAL_VERSIONS, type SupportedOscalVersion } from './versions.js';

export type { OscalValidationError } from './validate-errors.js';

export interface ValidateOptions {
  /** Validate against this OSCAL version instead of the declared one (same mapping rules). */
  version?: string;
  /** At most this many errors are reported (default 200); `truncated` tells if there were more. */
  maxErrors?: number;
}

export interface OscalValidationResult {
  valid: boolean;
  model: OscalModel | undefined;
  /** `metadata.oscal-version` as declared in the document. */
  declaredVersion: string | undefined;
  /** The bundled schema version actually used. */
  schemaVersion: SupportedOscalVersion | undefined;
  /** Explanations, e.g. that a 1.1.1 document was checked with the 1.1.2 schema. */
  notes: string[];
  errors: OscalValidationError[];
  truncated: boolean;
}

// ajv-formats is CommonJS with `exports.default`; under NodeNext its default import is the module.
type FormatsPlugin = (ajv: Ajv, formats?: string[]) => Ajv;
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

interface LoadedSchema {
  ajv: Ajv;
  schema: AnySchemaObject & { $id: string; oneOf: AnySchemaObject[] };
}

const schemas = new Map<SupportedOscalVersion, LoadedSchema>();
const validators = new Map<string, ValidateFunction>();

function schemaUrl(version: SupportedOscalVersion): URL {
  // src/oscal/ and dist/oscal/ are both two levels below packages/core.
  return new URL(`../../schemas/${version}/oscal_complete_schema.json`, import.meta.url);
}

function loadSchema(version: SupportedOscalVersion): LoadedSchema {
  const cached = schemas.get(version);
  if (cached) return cached;
  const schema = JSON.parse(readFileSync(schemaUrl(version), 'utf8')) as LoadedSchema['schema'];
  // strict: false — the NIST schemas use annotations ajv's strict mode would reject.
  // verbose: errors carry the offending data, for "got ..." in messages.
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, unicodeRegExp: true });
  addFormats(ajv, ['date-time', 'date', 'email', 'uri', 'uri-reference']);
  ajv.addSchema(schema);
  const loaded = { ajv, schema };
  schemas.set(version, loaded);
  return loaded;
}

/** Makes `#...` references absolute so a root branch can be compiled on its own. */
function absolutize(value: unknown, base: string): unknown {
  if (Array.isArray(value)) return value.map((v) => absolutize(v, base));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value))
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#') ? base + v : absolutize(v, base);
  return out;
}

/**
 * The validator for one model. The complete schema's root is a oneOf over all models; compiling
 * the matching branch alone gives errors for that model only instead of eight failing branches.
 */
function validatorFor(version: SupportedOscalVersion, model: OscalModel): ValidateFunction | undefined {
  const key = `${version}:${model}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const { ajv, schema } = loadSchema(version);
  const branch = schema.oneOf.find((b) => Array.isArray(b.required) && b.required.includes(model));
  if (!branch) return undefined;
  const validate = ajv.compile(absolutize(branch, schema.$id) as AnySchemaObject);
  validators.set(key, validate);
  return validate;
}

/** Compiles schemas ahead of time (e.g. at server start) so the first validation is fast. */
export function preloadOscalSchemas(
  versions: readonly SupportedOscalVersion[] = SUPPORTED_OSCAL_VERSIONS,
  models: readonly OscalModel[] = ['catalog', 'profile'],
): void {
  for (const v of versions) for (const m of models) validatorFor(v, m);
}

function declaredVersionOf(document: Record<string, unknown>, model: OscalModel): string | undefined {
  const root = document[model];
  const metadata = isRecord(root) ? root.metadata : undefined;
  const version = isRecord(metadata) ? metadata['oscal-version'] : undefined;
  return typeof version === 'string' ? version : undefined;
}

/** Validates a parsed OSCAL JSON document against the schema of its declared OSCAL version. */
const MAX_DEPTH = 200;

/** The JSON pointer of the first value nested deeper than `limit`, found without recursion; or null. */
export function deeperThan(value: unknown, limit: number): string | null {
  const stack: Array<{ v: unknown; depth: number; path: string }> = [{ v: value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { v, depth, path } = stack.pop() as { v: unknown; depth: number; path: string };
    if (typeof v !== 'object' || v === null) continue;
    if (depth > limit) return path;
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) stack.push({ v: x, depth: depth + 1, path: `${path}/${k}` });
  }
  return null;
}

export function validateOscal(document: unknown, options: ValidateOptions = {}): OscalValidationResult {
  const maxErrors = options.maxErrors ?? 200;
  const model = oscalModelOf(document);
  const result: OscalValidationResult = {
    valid: false,
    model,
    declaredVersion: undefined,
    schemaVersion: undefined,
    notes: [],
    errors: [],
    truncated: false,
  };
  if (!isRecord(document) || model === undefined) {
    const message = `not an OSCAL document: expected a JSON object with exactly one of ${OSCAL_MODELS.join(', ')} as its root property`;
    result.errors.push({ pointer: '', keyword: 'model', message });
    return result;
  }
  const tooDeep = deeperThan(document, MAX_DEPTH);
  if (tooDeep !== null) {
    // The compiled schema validator recurses per level: refuse before it can overflow the stack.
    result.errors.push({
      pointer: tooDeep,
      keyword: 'depth',
      message: `nesting deeper than ${MAX_DEPTH} levels; no real OSCAL document is this deep`,
    });
    return result;
  }
  result.declaredVersion = declaredVersionOf(document, model);
  let requested = options.version ?? result.declaredVersion;
  if (requested === undefined) {
    requested = LATEST_OSCAL_VERSION;
    result.notes.push(`no metadata.oscal-version: validated with the newest bundled schema, ${LATEST_OSCAL_VERSION}`);
  }
  const choice = chooseSchemaVersion(requested);
  if (!choice.ok) {
    result.errors.push({ pointer: `/${model}/metadata/oscal-version`, keyword: 'oscal-version', message: choice.message });
    return result;
  }
  if (choice.note) result.notes.push(choice.note);
  result.schemaVersion = choice.version;
  const validate = validatorFor(choice.version, model);
  if (!validate) {
    const message = `the OSCAL ${choice.version} schema has no ${model} model (it was added in a later OSCAL version)`;
    result.errors.push({ pointer: `/${model}`, keyword: 'model', message });
    return result;
  }
  if (validate(document)) {
    result.valid = true;
    return result;
  }
  const errors = toOscalErrors(validate.errors ?? []);
  result.truncated = errors.length > maxErrors;
  result.errors = errors.slice(0, maxErrors);
  return result;
}
