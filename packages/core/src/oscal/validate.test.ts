import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson, sharedData } from './shared-fixtures.js';
import { testCatalog } from './unit-fixtures.js';
import { validateOscal } from './validate.js';
import { chooseSchemaVersion } from './versions.js';

const shared = sharedData();
const S = shared.dir ?? '';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
  );
}

describe('schema version choice', () => {
  it('uses bundled versions as is and maps unknown patches to the nearest of the same minor', () => {
    expect(chooseSchemaVersion('1.1.2')).toEqual({ ok: true, version: '1.1.2', exact: true });
    expect(chooseSchemaVersion('1.1.1')).toMatchObject({
      ok: true,
      version: '1.1.2',
      exact: false,
      note: expect.stringContaining('1.1.1'),
    });
    expect(chooseSchemaVersion('1.1.0')).toMatchObject({ version: '1.1.2' });
    expect(chooseSchemaVersion('1.2.0')).toMatchObject({ version: '1.2.1' });
    expect(chooseSchemaVersion('1.0.1')).toMatchObject({ version: '1.0.0' });
    expect(chooseSchemaVersion('1.0.2')).toMatchObject({ version: '1.0.4' }); // tie: the newer patch
    expect(chooseSchemaVersion('1.0.5')).toMatchObject({ version: '1.0.6' }); // tie: the newer patch
    expect(chooseSchemaVersion('1.0.0-rc2')).toMatchObject({ version: '1.0.0', exact: false });
  });

  it('refuses other minors and majors with the list of supported versions', () => {
    for (const v of ['1.3.0', '2.0.0', '0.9.0', 'latest']) {
      const choice = chooseSchemaVersion(v);
      expect(choice.ok).toBe(false);
      if (!choice.ok) expect(choice.message).toContain('1.0.0, 1.0.4, 1.0.6, 1.1.2, 1.1.3, 1.2.1');
    }
  });
});

describe('validateOscal', () => {
  it('accepts a valid document and reports the schema used', () => {
    const result = validateOscal(testCatalog());
    expect(result).toMatchObject({
      valid: true,
      model: 'catalog',
      declaredVersion: '1.1.2',
      schemaVersion: '1.1.2',
      errors: [],
      notes: [],
    });
  });

  it('names the JSON pointer and what was expected for each error', () => {
    const doc = testCatalog();
    const group = doc.catalog.groups?.[0];
    const control = group?.controls?.[1];
    if (!group || !control) throw new Error('fixture');
    control.id = 'bad id!';
    (group as unknown as Record<string, unknown>).title = 5;
    delete (doc.catalog.metadata as unknown as Record<string, unknown>).title;
    (doc.catalog as unknown as Record<string, unknown>).colour = 'red';
    const { valid, errors } = validateOscal(doc);
    expect(valid).toBe(false);
    expect(errors).toEqual([
      { pointer: '/catalog', keyword: 'additionalProperties', message: 'unexpected property "colour" (not allowed here)' },
      { pointer: '/catalog/metadata', keyword: 'required', message: 'missing required property "title"' },
      { pointer: '/catalog/groups/0/title', keyword: 'type', message: 'must be string, got number 5' },
      {
        pointer: '/catalog/groups/0/controls/1/id',
        keyword: 'pattern',
        message: expect.stringMatching(
          /^must match pattern \^\(\\p\{L\}\|_\).* \(a token: a letter or '_', then letters, digits, '\.', '-' or '_'\), got "bad id!"$/,
        ),
      },
    ]);
  });

  it('folds anyOf alternatives into one message, or into the deeper real error (1.2 schemas)', () => {
    const doc = testCatalog();
    doc.catalog.metadata['oscal-version'] = '1.2.1';
    const a1 = doc.catalog.groups?.[0]?.controls?.[0];
    if (!a1) throw new Error('fixture');
    a1.links = [{ href: '#x', rel: 'not a token' }];
    (a1.params?.[0] as unknown as Record<string, unknown>).label = ['not', 'a string'];
    const { errors } = validateOscal(doc);
    expect(errors).toEqual([
      { pointer: '/catalog/groups/0/controls/0/params/0/label', keyword: 'type', message: 'must be string, got an array of 2' },
      {
        pointer: '/catalog/groups/0/controls/0/links/0/rel',
        keyword: 'anyOf',
        message: expect.stringMatching(/^must match pattern .* \(a token.*\), or must be one of "reference", got "not a token"$/),
      },
    ]);
  });

  it('notes version mapping, refuses unsupported versions and non-OSCAL input', () => {
    const doc = testCatalog();
    doc.catalog.metadata['oscal-version'] = '1.1.1';
    expect(validateOscal(doc)).toMatchObject({
      valid: true,
      schemaVersion: '1.1.2',
      notes: [expect.stringContaining('nearest supported 1.1.x schema, 1.1.2')],
    });
    doc.catalog.metadata['oscal-version'] = '2.0.0';
    expect(validateOscal(doc)).toMatchObject({
      valid: false,
      schemaVersion: undefined,
      errors: [{ pointer: '/catalog/metadata/oscal-version', keyword: 'oscal-version', message: expect.stringContaining('not supported') }],
    });
    expect(validateOscal({ hello: 'world' }).errors[0]).toMatchObject({ pointer: '', keyword: 'model' });
    expect(validateOscal([1, 2]).valid).toBe(false);
    expect(validateOscal(doc, { version: '1.0.0' })).toMatchObject({ valid: true, schemaVersion: '1.0.0' });
  });

  it('caps the number of errors', () => {
    const doc = testCatalog();
    for (const c of doc.catalog.groups?.[0]?.controls ?? []) c.id = 'x y';
    const result = validateOscal(doc, { maxErrors: 2 });
    expect(result.errors).toHaveLength(2);
    expect(result.truncated).toBe(true);
  });
});

if (shared.mustFail) {
  it('has the reference OSCAL data (required when CI=true)', () => {
    throw new Error(shared.reason);
  });
}

describe.skipIf(!shared.dir)('validation of the reference documents', () => {
  it('every NIST example and rev5 profile is valid against its declared version', () => {
    const files = [...jsonFiles(join(S, 'examples')), ...jsonFiles(join(S, 'nist-800-53-rev5/profiles'))];
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const file of files) {
      const result = validateOscal(readJson(file));
      expect({ file, errors: result.errors }).toEqual({ file, errors: [] });
      expect(result.schemaVersion).toBeDefined();
    }
  });

  it('the 1.0.0 rev5 catalog and the 2.7 MB rev4 catalog (1.1.1 → 1.1.2) are valid, in well under a few seconds', () => {
    const rev5 = validateOscal(readJson(join(S, 'nist-800-53-rev5/catalog.json')));
    expect(rev5).toMatchObject({ valid: true, schemaVersion: '1.0.0' });
    const rev4Doc = readJson(join(S, 'nist-800-53-rev4/catalog-min.json'));
    const started = performance.now();
    const rev4 = validateOscal(rev4Doc); // includes compiling the 1.1.2 schema
    const first = performance.now() - started;
    expect(rev4).toMatchObject({ valid: true, schemaVersion: '1.1.2', notes: [expect.stringContaining('1.1.1')] });
    const again = performance.now();
    validateOscal(rev4Doc);
    const cached = performance.now() - again;
    expect(first).toBeLessThan(3000);
    expect(cached).toBeLessThan(500);
  });
});
