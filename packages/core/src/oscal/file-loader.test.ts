import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileLoader } from './file-loader.js';
import type { ProfileDocument } from './model.js';
import { resolveProfile } from './resolve-profile.js';
import { controlIds, testCatalog, testProfile } from './unit-fixtures.js';

const RES = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
let dir = '';

function write(rel: string, value: unknown): string {
  const path = join(dir, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

function viaResource(rlinks: { href: string; 'media-type'?: string }[], base64?: string): ProfileDocument {
  return testProfile([{ href: `#${RES}`, 'include-controls': [{ 'with-ids': ['z-1'] }] }], {
    backMatter: { resources: [{ uuid: RES, ...(rlinks.length > 0 ? { rlinks } : {}), ...(base64 ? { base64: { value: base64 } } : {}) }] },
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cityshield-oscal-'));
  write('catalogs/cat.json', testCatalog());
  write('elsewhere/other.json', testCatalog());
  write('broken.json', '{ "catalog": ');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file loader', () => {
  it('resolves relative paths against the importing file’s directory, also for imported profiles', async () => {
    write('profiles/inner.json', testProfile([{ href: '../catalogs/cat.json', 'include-controls': [{ 'with-ids': ['a-2'] }] }]));
    const outer = testProfile([{ href: 'inner.json', 'include-all': {} }]);
    const outerPath = write('profiles/outer.json', outer);
    const { document } = await resolveProfile(outer, createFileLoader(), { location: outerPath });
    expect(controlIds(document.catalog)).toEqual(['a-2']);
  });

  it('follows #uuid to a back-matter resource, skipping XML/YAML and unreachable rlinks for a JSON file', async () => {
    const profile = viaResource([
      { href: '../catalogs/cat.xml', 'media-type': 'application/oscal.catalog+xml' },
      { href: '../../nist.gov/missing.json' },
      { href: '../catalogs/cat.json', 'media-type': 'application/oscal.catalog+json' },
    ]);
    const { document } = await resolveProfile(profile, createFileLoader(), { location: write('profiles/p.json', profile) });
    expect(controlIds(document.catalog)).toEqual(['z-1']);
  });

  it('reads a resource’s embedded base64 content', async () => {
    const profile = viaResource([], Buffer.from(JSON.stringify(testCatalog())).toString('base64'));
    expect(controlIds((await resolveProfile(profile, createFileLoader())).document.catalog)).toEqual(['z-1']);
  });

  it('uses the caller’s map: by href, by resource uuid, by rlink href; relative to baseDir', async () => {
    const profile = viaResource([{ href: 'https://example.org/catalog.json' }]);
    for (const key of [`#${RES}`, RES, 'https://example.org/catalog.json']) {
      const loader = createFileLoader({ sources: { [key]: 'elsewhere/other.json' }, baseDir: dir });
      expect(controlIds((await resolveProfile(profile, loader)).document.catalog)).toEqual(['z-1']);
    }
  });

  it('never fetches: an unmapped network href is an error naming the href and how to map it', async () => {
    const direct = testProfile([
      { href: 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/catalog.json', 'include-all': {} },
    ]);
    const err = await resolveProfile(direct, createFileLoader()).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'network-href',
      href: 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/catalog.json',
    });
    expect((err as Error).message).toMatch(/never makes.*sources \{ "https:\/\/raw\.githubusercontent\.com\/.*" \}.*--source/);
    const viaRlink = viaResource([{ href: 'https://example.org/catalog.json' }]);
    await expect(resolveProfile(viaRlink, createFileLoader())).rejects.toThrow(
      /https:\/\/example\.org\/catalog\.json \(network: not fetched\).*--source #dddddddd/,
    );
  });

  it('reports missing resources, missing files, invalid JSON and oversized files clearly', async () => {
    const noResource = testProfile([{ href: '#99999999-9999-4999-8999-999999999999', 'include-all': {} }]);
    await expect(resolveProfile(noResource, createFileLoader())).rejects.toThrow(/no back-matter resource with uuid 99999999/);
    const missing = testProfile([{ href: 'nowhere.json', 'include-all': {} }]);
    await expect(resolveProfile(missing, createFileLoader({ baseDir: dir }))).rejects.toMatchObject({ code: 'unresolvable-href' });
    const broken = testProfile([{ href: 'broken.json', 'include-all': {} }]);
    await expect(resolveProfile(broken, createFileLoader({ baseDir: dir }))).rejects.toMatchObject({ code: 'invalid-document' });
    const big = testProfile([{ href: 'catalogs/cat.json', 'include-all': {} }]);
    await expect(resolveProfile(big, createFileLoader({ baseDir: dir, maxBytes: 100 }))).rejects.toMatchObject({ code: 'too-large' });
  });
});
