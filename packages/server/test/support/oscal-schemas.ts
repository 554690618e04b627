import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateOscal } from '@cityshield/core';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { hasShared, SHARED } from './shared.js';

/**
 * Checks an exported document twice: with the core's validator (which uses the bundled complete
 * schema of the declared version) and with the official model schema from ../shared/oscal/schema/
 * compiled here on its own, so a divergence between the two would show.
 */

type FormatsPlugin = (ajv: Ajv, formats?: string[]) => Ajv;
const addFormats: FormatsPlugin =
  (formatsModule as unknown as { default?: FormatsPlugin }).default ?? (formatsModule as unknown as FormatsPlugin);

const FILES: Record<string, string> = {
  'system-security-plan': 'oscal_ssp_schema.json',
  'assessment-results': 'oscal_assessment-results_schema.json',
  'plan-of-action-and-milestones': 'oscal_poam_schema.json',
};

const compiled = new Map<string, ValidateFunction>();

export function sharedModelValidator(version: string, model: string): ValidateFunction {
  const key = `${version}/${model}`;
  let v = compiled.get(key);
  if (!v) {
    const schema = JSON.parse(readFileSync(`${SHARED}schema/${version}/${FILES[model]}`, 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
    addFormats(ajv, ['date-time', 'date', 'email', 'uri', 'uri-reference']);
    v = ajv.compile(schema);
    compiled.set(key, v);
  }
  return v;
}

/** Errors of both validations (empty when the document is valid OSCAL of its declared version; `shared` stays empty without ../shared). */
export function oscalErrors(doc: unknown): { core: string[]; shared: string[]; model: string | undefined; version: string | undefined } {
  const r = validateOscal(doc);
  const model = r.model;
  const version = r.declaredVersion;
  const core = r.errors.map((e) => `${e.pointer}: ${e.message}`);
  let shared: string[] = [];
  if (hasShared && model && version && FILES[model]) {
    const v = sharedModelValidator(version, model);
    shared = v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath}: ${e.message}`);
  }
  return { core, shared, model, version };
}

/** The core bundles the official complete schema; true when its copy is byte-identical to ../shared's. */
export function coreSchemaMatchesShared(version: string): boolean {
  const bundled = readFileSync(fileURLToPath(new URL(`../../../core/schemas/${version}/oscal_complete_schema.json`, import.meta.url)));
  return bundled.equals(readFileSync(`${SHARED}schema/${version}/oscal_complete_schema.json`));
}
