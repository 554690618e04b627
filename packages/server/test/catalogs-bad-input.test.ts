import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrganisation, type TestClient } from './support/client.js';
import { type Harness, startHarness, stopHarness } from './support/harness.js';
import { hasShared, sharedJson } from './support/shared.js';

/** Hostile and broken OSCAL documents: a clear 4xx each time, and nothing stored. */
describe('catalog import refuses bad documents', () => {
  let h: Harness;
  let admin: TestClient;
  let orgId: string;
  beforeAll(async () => {
    h = await startHarness('sqlite', { env: { OSCAL_MAX_BYTES: String(3 * 1024 * 1024) } });
    ({ admin, orgId } = await newOrganisation(h));
  });
  afterAll(() => stopHarness(h));

  const stored = async () =>
    Number(
      (
        await h.runtime.ctx.db
          .selectFrom('catalog_versions')
          .innerJoin('catalogs', 'catalogs.id', 'catalog_versions.catalog_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('catalogs.org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a file over the configured size with 413', async () => {
    const res = await admin.request('POST', '/api/v1/catalogs/import', `{"catalog":{"pad":"${'x'.repeat(3 * 1024 * 1024)}"}}`, {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBe(413);
  });

  it('refuses malformed JSON and pathological nesting without crashing', async () => {
    const malformed = await admin.request('POST', '/api/v1/catalogs/import', '{"catalog": {', { 'content-type': 'application/json' });
    expect(malformed.statusCode).toBe(400);
    const deep = `{"catalog":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const res = await admin.request('POST', '/api/v1/catalogs/import', deep, { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect((await admin.get('/api/v1/health')).statusCode).toBe(200);
  });

  it('refuses a profile whose import is not in the library', async () => {
    const profile = {
      profile: {
        uuid: '0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0',
        metadata: { title: 'Orphan', version: '1', 'oscal-version': '1.1.2', 'last-modified': '2026-11-25T00:00:00Z' },
        imports: [{ href: '#11111111-2222-4333-8444-555555555555', 'include-all': {} }],
        'back-matter': {
          resources: [
            { uuid: '11111111-2222-4333-8444-555555555555', title: 'Nowhere', rlinks: [{ href: 'https://example.org/catalog.json' }] },
          ],
        },
      },
    };
    const res = await admin.post('/api/v1/catalogs/import', profile);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('resolved');
  });

  it.skipIf(!hasShared)('refuses many mutations of a real catalog and stores none of them', async () => {
    const base = sharedJson('examples/catalog/basic-catalog.json');
    expect((await admin.post('/api/v1/oscal/validate', base)).json().valid).toBe(true);
    const mutations: Array<(d: Record<string, unknown>) => void> = [
      (d) => {
        (d.catalog as Record<string, unknown>).metadata = undefined;
      },
      (d) => {
        ((d.catalog as Record<string, unknown>).metadata as Record<string, unknown>)['oscal-version'] = '7.0.0';
      },
      (d) => {
        (d.catalog as Record<string, unknown>).uuid = 'not-a-uuid';
      },
      (d) => {
        (d.catalog as Record<string, unknown>).groups = 'groups';
      },
      (d) => {
        (d.catalog as Record<string, unknown>).extra = { unexpected: true };
      },
      (d) => {
        const g = ((d.catalog as Record<string, unknown>).groups as Array<Record<string, unknown>>)[0];
        if (g) g.controls = [{ id: '' }];
      },
    ];
    for (const [i, mutate] of mutations.entries()) {
      const doc = structuredClone(base);
      mutate(doc);
      const res = await admin.post('/api/v1/catalogs/import', doc);
      expect(res.statusCode, `mutation ${i}: ${res.body.slice(0, 200)}`).toBe(400);
    }
    expect(await stored()).toBe(0);
  });
});
