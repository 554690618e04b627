import { describe, expect, it } from 'vitest';
import { OscalError } from './errors.js';
import type { CatalogDocument } from './model.js';
import { resolveProfile } from './resolve-profile.js';
import { controlIds, findControl, memoryLoader, RES_CITED, RES_KEEP, RES_UNUSED, testCatalog, testProfile } from './unit-fixtures.js';
import { validateOscal } from './validate.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const UUID = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';

describe('imports of profiles', () => {
  it('a profile importing a profile selects from the imported profile’s resolution (with its modifications)', async () => {
    const inner = testProfile([{ href: 'cat.json', 'include-controls': [{ 'with-ids': ['a-1', 'a-2', 'b-1'] }] }], {
      merge: { 'as-is': true },
      modify: {
        'set-parameters': [{ 'param-id': 'a-1_prm_1', values: ['monthly'] }],
        alters: [{ 'control-id': 'a-2', adds: [{ props: [{ name: 'baseline', value: 'inner' }] }] }],
      },
    });
    const outer = testProfile([{ href: 'inner.json', 'exclude-controls': [{ 'with-ids': ['b-1'] }] }], {
      merge: { 'as-is': true },
      modify: { alters: [{ 'control-id': 'a-2', adds: [{ props: [{ name: 'baseline', value: 'outer' }] }] }] },
    });
    const loader = memoryLoader({ 'cat.json': testCatalog(), 'inner.json': inner });
    const { document } = await resolveProfile(outer, loader, { location: 'outer.json' });
    expect(controlIds(document.catalog)).toEqual(['a-1', 'a-2']);
    expect(findControl(document.catalog, 'a-1')?.params?.[0]?.values).toEqual(['monthly']);
    expect(findControl(document.catalog, 'a-2')?.props?.map((p) => p.value)).toEqual(['A-2', 'inner', 'outer']);
    // The imported profile's resolution carried the cited back-matter resource along.
    expect(document.catalog['back-matter']?.resources?.map((r) => r.uuid)).toEqual([RES_CITED, RES_KEEP]);
    expect(loader.calls).toEqual(['inner.json', 'cat.json']);
  });

  it('detects a cycle through other profiles and names it', async () => {
    const a = testProfile([{ href: 'b.json', 'include-all': {} }]);
    const b = testProfile([{ href: 'c.json', 'include-all': {} }]);
    const c = testProfile([{ href: 'a.json', 'include-all': {} }]);
    const loader = memoryLoader({ 'a.json': a, 'b.json': b, 'c.json': c });
    const err = await resolveProfile(a, loader, { location: 'a.json' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OscalError);
    expect(err).toMatchObject({ code: 'circular-import', href: 'a.json' });
    expect((err as Error).message).toContain('a.json → b.json → c.json → a.json');
  });

  it('detects a profile importing itself, also when the location is unknown (by uuid)', async () => {
    const self = testProfile([{ href: 'self.json', 'include-all': {} }]);
    const loader = memoryLoader({ 'self.json': self });
    await expect(resolveProfile(self, loader)).rejects.toMatchObject({ code: 'circular-import' });
  });

  it('the same catalog imported by two branches is not a cycle', async () => {
    const left = testProfile([{ href: 'cat.json', 'include-controls': [{ 'with-ids': ['a-2'] }] }]);
    const right = testProfile([{ href: 'cat.json', 'include-controls': [{ 'with-ids': ['b-1'] }] }]);
    const top = testProfile([
      { href: 'left.json', 'include-all': {} },
      { href: 'right.json', 'include-all': {} },
    ]);
    const { document } = await resolveProfile(top, memoryLoader({ 'cat.json': testCatalog(), 'left.json': left, 'right.json': right }));
    expect(controlIds(document.catalog)).toEqual(['a-2', 'b-1']);
  });

  it('stops with a clear error when an import is not a catalog or profile, or cannot be loaded', async () => {
    const ssp = { 'system-security-plan': { uuid: UUID } };
    const p = testProfile([{ href: 'ssp.json', 'include-all': {} }]);
    await expect(resolveProfile(p, memoryLoader({ 'ssp.json': ssp }))).rejects.toThrow(
      /is an OSCAL system-security-plan; expected a catalog or a profile/,
    );
    const failing = () => {
      throw new Error('disk on fire');
    };
    await expect(resolveProfile(p, failing)).rejects.toMatchObject({
      code: 'unresolvable-href',
      message: expect.stringContaining('disk on fire'),
    });
  });

  it('accepts loaders returning the bare document, synchronously or as a promise', async () => {
    const p = testProfile([{ href: 'cat.json', 'include-controls': [{ 'with-ids': ['z-1'] }] }]);
    expect(controlIds((await resolveProfile(p, () => testCatalog())).document.catalog)).toEqual(['z-1']);
    expect(controlIds((await resolveProfile(p, async () => testCatalog())).document.catalog)).toEqual(['z-1']);
  });

  it('follows `#uuid` imports through the profile’s back-matter resources', async () => {
    const p = testProfile([{ href: `#${UUID}`, 'include-controls': [{ 'with-ids': ['z-1'] }] }], {
      backMatter: { resources: [{ uuid: UUID, rlinks: [{ href: 'cat.json', 'media-type': 'application/oscal.catalog+json' }] }] },
    });
    const { document } = await resolveProfile(p, memoryLoader({ 'cat.json': testCatalog() }));
    expect(controlIds(document.catalog)).toEqual(['z-1']);
    // The import's own resource is not referenced by the result: pruned.
    expect(document.catalog['back-matter']?.resources?.map((r) => r.uuid)).toEqual([RES_KEEP]);
  });
});

describe('resolved catalog: back matter and metadata', () => {
  async function resolved(extra: Parameters<typeof testProfile>[1] = {}, withIds = ['a-1']) {
    const p = testProfile([{ href: 'cat.json', 'include-controls': [{ 'with-ids': withIds }] }], { merge: { 'as-is': true }, ...extra });
    return resolveProfile(p, memoryLoader({ 'cat.json': testCatalog() }), {
      location: '/srv/profiles/city baseline.json',
      now: () => NOW,
      uuid: () => UUID,
    });
  }

  it('keeps referenced and keep=always resources, drops the rest; profile resources come last', async () => {
    const own = '55555555-5555-4555-8555-555555555555';
    const { document } = await resolved({
      backMatter: {
        resources: [
          { uuid: own, title: 'Cited in an added part' },
          { uuid: RES_UNUSED, title: 'Profile version of unused' },
        ],
      },
      modify: { alters: [{ 'control-id': 'a-1', adds: [{ parts: [{ name: 'note', prose: `See [this](#${own}).` }] }] }] },
    });
    expect(document.catalog['back-matter']?.resources?.map((r) => r.uuid)).toEqual([RES_CITED, RES_KEEP, own]);
    const none = await resolved({}, ['a-2']);
    expect(none.document.catalog['back-matter']?.resources?.map((r) => r.uuid)).toEqual([RES_KEEP]);
  });

  it('writes provenance metadata: source-profile link and prop, resolution-tool, new last-modified and uuid', async () => {
    const { document } = await resolved();
    const { catalog } = document;
    expect(catalog.uuid).toBe(UUID);
    expect(catalog.metadata['last-modified']).toBe('2026-03-01T12:00:00.000Z');
    expect(catalog.metadata.title).toBe('Test profile');
    // Only the file name: absolute server paths are not published.
    expect(catalog.metadata.links).toEqual([{ href: 'city%20baseline.json', rel: 'source-profile' }]);
    expect(catalog.metadata.props).toEqual([
      { name: 'resolution-tool', value: 'CityShield OSCAL profile resolver' },
      { name: 'source-profile', value: 'city%20baseline.json' },
    ]);
    expect(validateOscal(document).errors).toEqual([]);
  });

  it('oscal-version is the newest of the profile’s and the imports’, never newer than supported', async () => {
    expect((await resolved({ oscalVersion: '1.0.4' })).document.catalog.metadata['oscal-version']).toBe('1.1.2');
    expect((await resolved({ oscalVersion: '1.1.3' })).document.catalog.metadata['oscal-version']).toBe('1.1.3');
    expect((await resolved({ oscalVersion: '1.9.0' })).document.catalog.metadata['oscal-version']).toBe('1.2.1');
    await expect(resolved({ oscalVersion: '2.0.0' })).rejects.toMatchObject({ code: 'version-mismatch' });
  });

  it('keeps roles and parties of imported catalogs marked keep=always', async () => {
    const cat: CatalogDocument = testCatalog();
    cat.catalog.metadata.roles = [
      { id: 'maintainer', title: 'Maintainer', props: [{ name: 'keep', value: 'always' }] },
      { id: 'other', title: 'Other' },
    ];
    const p = testProfile([{ href: 'cat.json', 'include-all': {} }]);
    const { document } = await resolveProfile(p, memoryLoader({ 'cat.json': cat }));
    expect(document.catalog.metadata.roles?.map((r) => r.id)).toEqual(['maintainer']);
  });
});
