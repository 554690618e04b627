import { expect, it } from 'vitest';
import { installBuiltInCatalogs } from '../src/modules/catalogs/built-in.js';
import { newMember, newOrganisation } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';
import { hasShared, sharedJson } from './support/shared.js';

const tiny = (version: string, statement: string, extra: Array<Record<string, unknown>> = []) => ({
  catalog: {
    uuid: version === '1' ? '6a3d1c8e-1f2b-4c5d-8e9f-0a1b2c3d4e5f' : '7a3d1c8e-1f2b-4c5d-8e9f-0a1b2c3d4e5f',
    metadata: { title: 'Tartu Local Rules', version, 'oscal-version': '1.1.2', 'last-modified': '2026-11-25T00:00:00Z' },
    groups: [
      {
        id: 'loc',
        title: 'Local',
        controls: [
          { id: 'loc-1', title: 'Badges', parts: [{ id: 'loc-1_smt', name: 'statement', prose: statement }] },
          { id: 'loc-2', title: 'Visitors', parts: [{ id: 'loc-2_smt', name: 'statement', prose: 'Log visitors.' }] },
          ...extra,
        ],
      },
    ],
  },
});

describeOnEachDatabase('catalog library', (get) => {
  it('imports a catalog, browses it paged with search, and exports it unchanged', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const doc = tiny('1', 'Wear badges at all times.');
    const res = await admin.post('/api/v1/catalogs/import?source=tartu.json', doc);
    expect(res.statusCode, res.body).toBe(201);
    const versionId = res.json().version.id;
    expect(res.json().version).toMatchObject({ controlCount: 2, version: '1', oscalVersion: '1.1.2' });
    const list = (await admin.get('/api/v1/catalogs')).json().items.filter((c: { builtIn: boolean }) => !c.builtIn);
    expect(list).toHaveLength(1);
    const found = (await admin.get(`/api/v1/catalog-versions/${versionId}/controls?q=BADGES`)).json();
    expect(found.items.map((c: { id: string }) => c.id)).toEqual(['loc-1']);
    const detail = (await admin.get(`/api/v1/catalog-versions/${versionId}/controls/loc-1`)).json();
    expect(detail.body.parts[0].prose).toBe('Wear badges at all times.');
    const exported = (await admin.get(`/api/v1/catalog-versions/${versionId}/oscal`)).json();
    expect(exported).toEqual(doc);
    const audit = (await admin.get('/api/v1/audit?action=catalog.import')).json();
    expect(audit.items[0].after).toMatchObject({ name: 'Tartu Local Rules', controls: 2 });
  });

  it('keeps versions of one catalog and diffs them', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const v1 = (await admin.post('/api/v1/catalogs/import', tiny('1', 'Wear badges.'))).json();
    const v2 = (
      await admin.post(
        '/api/v1/catalogs/import',
        tiny('2', 'Wear badges visibly.', [
          { id: 'loc-3', title: 'Keys', parts: [{ id: 'loc-3_smt', name: 'statement', prose: 'Track keys.' }] },
        ]),
      )
    ).json();
    expect(v2.catalogId).toBe(v1.catalogId);
    expect((await admin.get(`/api/v1/catalogs/${v1.catalogId}`)).json().versions).toHaveLength(2);
    const diff = (await admin.get(`/api/v1/catalog-versions/${v2.version.id}/diff?from=${v1.version.id}`)).json();
    expect(diff.added).toEqual([{ id: 'loc-3', title: 'Keys' }]);
    expect(diff.changed).toEqual([{ id: 'loc-1', title: 'Badges', aspects: ['statement'] }]);
    expect(diff.unchanged).toBe(1);
    expect(
      (
        await admin.post(
          '/api/v1/catalogs/import',
          tiny('2', 'Wear badges visibly.', [
            { id: 'loc-3', title: 'Keys', parts: [{ id: 'loc-3_smt', name: 'statement', prose: 'Track keys.' }] },
          ]),
        )
      ).statusCode,
    ).toBe(409);
  });

  it('rejects invalid documents whole, naming the JSON pointer, and stores nothing', async () => {
    const h = get();
    const { admin, orgId } = await newOrganisation(h);
    const count = async () =>
      Number(
        (
          await h.runtime.ctx.db
            .selectFrom('catalogs')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('org_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const bad = tiny('1', 'x');
    (bad.catalog.groups[0]?.controls[0] as Record<string, unknown>).id = 'has spaces!';
    const res = await admin.post('/api/v1/catalogs/import', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.some((d: { path: string }) => d.path.startsWith('/catalog/groups/0/controls/0'))).toBe(true);
    const dupe = tiny('1', 'x', [{ id: 'loc-1', title: 'Again' }]);
    const d = await admin.post('/api/v1/catalogs/import', dupe);
    expect(d.statusCode).toBe(400);
    expect(d.json().error.details[0].message).toContain('loc-1');
    expect((await admin.post('/api/v1/catalogs/import', { hello: 'world' })).statusCode).toBe(400);
    const wrongVersion = tiny('1', 'x');
    wrongVersion.catalog.metadata['oscal-version'] = '0.9.0';
    expect((await admin.post('/api/v1/catalogs/import', wrongVersion)).statusCode).toBe(400);
    expect(await count()).toBe(0);
  });

  it('only security officers and administrators import; every role reads', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const staff = await newMember(h, admin, 'staff');
    const officer = await newMember(h, admin, 'security_officer');
    expect((await staff.client.post('/api/v1/catalogs/import', tiny('1', 'x'))).statusCode).toBe(403);
    expect((await officer.client.post('/api/v1/catalogs/import', tiny('1', 'x'))).statusCode).toBe(201);
    expect((await staff.client.get('/api/v1/catalogs')).statusCode).toBe(200);
  });

  it.skipIf(!hasShared)('imports the NIST rev5 catalog and resolves the LOW baseline profile from the library', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const cat = await admin.post('/api/v1/catalogs/import?source=catalog.json', sharedJson('nist-800-53-rev5/catalog.json'));
    expect(cat.statusCode, cat.body).toBe(201);
    expect(cat.json().version.controlCount).toBe(1189);
    const prof = await admin.post(
      `/api/v1/catalogs/import?source=low.json&using=${cat.json().version.id}`,
      sharedJson('nist-800-53-rev5/profiles/NIST_SP-800-53_rev5_LOW-baseline_profile.json'),
    );
    expect(prof.statusCode, prof.body).toBe(201);
    expect(prof.json().version.controlCount).toBe(149);
    const ac = (await admin.get(`/api/v1/catalog-versions/${prof.json().version.id}/controls?q=account%20management&pageSize=5`)).json();
    expect(ac.items.map((c: { id: string }) => c.id)).toContain('ac-2');
    const resolved = (await admin.get(`/api/v1/catalog-versions/${prof.json().version.id}/oscal?resolved=true`)).json();
    expect(resolved.catalog.groups.length).toBeGreaterThan(10);
    const page = (await admin.get(`/api/v1/catalog-versions/${cat.json().version.id}/controls?topLevel=true&group=ac&pageSize=500`)).json();
    expect(page.total).toBe(25);
  });
});

describeOnEachDatabase('built-in City Baseline', (get) => {
  it('is installed for every organisation with its three level profiles, cumulative', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const items = (await admin.get('/api/v1/catalogs')).json().items.filter((c: { builtIn: boolean }) => c.builtIn);
    expect(items.map((c: { kind: string }) => c.kind).sort()).toEqual(['catalog', 'profile', 'profile', 'profile']);
    const catalog = items.find((c: { kind: string }) => c.kind === 'catalog');
    expect(catalog.name).toBe('CityShield City Baseline');
    const total = catalog.latest.controlCount;
    expect(total).toBeGreaterThanOrEqual(100);
    const counts = items
      .filter((c: { kind: string }) => c.kind === 'profile')
      .map((c: { latest: { controlCount: number } }) => c.latest.controlCount)
      .sort((a: number, b: number) => a - b);
    expect(counts[2]).toBe(total);
    expect(counts[0]).toBeLessThan(counts[1]);
    // A second start installs nothing new.
    expect(await installBuiltInCatalogs(h.runtime.ctx, h.runtime.services.catalogs)).toEqual([]);
  });
});
