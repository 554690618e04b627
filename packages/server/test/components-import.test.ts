import { expect, it } from 'vitest';
import { newMember, newOrganisation } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';
import { hasShared, sharedJson } from './support/shared.js';

describeOnEachDatabase('common components from OSCAL component definitions', (get) => {
  it.skipIf(!hasShared)(
    'imports the NIST example and the BSI Grundschutz++ Keycloak definition whole, with their implementations',
    async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const nist = await admin.post(
        '/api/v1/components/import',
        sharedJson('examples/component-definition/example-component-definition.json'),
      );
      expect(nist.statusCode, nist.body).toBe(201);
      expect(nist.json().created).toEqual([expect.objectContaining({ name: 'MongoDB', requirements: 3 })]);
      const mongo = (await admin.get(`/api/v1/components/${nist.json().created[0].id}`)).json();
      expect(mongo.requirements.map((r: { controlId: string }) => r.controlId)).toEqual(['sa-4.9', 'sc-8', 'sc-8.1']);
      expect(mongo.requirements[1].statement).toContain('SC-8');
      expect(mongo.kind).toBe('service');

      const keycloak = await admin.post(
        '/api/v1/components/import',
        sharedJson('bsi-grundschutz-plus-plus/component-definitions/Keycloak-component_definition.json'),
      );
      expect(keycloak.statusCode, keycloak.body).toBe(201);
      expect(keycloak.json().created.map((c: { name: string }) => c.name)).toEqual([
        'Realm',
        'Admin Console',
        'OIDC/OAuth2 Provider Endpoints',
      ]);
      expect(keycloak.json().created.reduce((n: number, c: { requirements: number }) => n + c.requirements, 0)).toBe(43);
      expect((await admin.get('/api/v1/components')).json().items).toHaveLength(4);
      expect((await admin.get('/api/v1/audit?action=component.import')).json().total).toBe(2);
    },
  );

  it('refuses what is not a valid component definition and stores nothing; only managers import', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const owner = await newMember(h, admin, 'system_owner');
    const valid = hasShared
      ? sharedJson('examples/component-definition/example-component-definition.json')
      : { 'component-definition': { uuid: 'x' } };
    expect((await owner.client.post('/api/v1/components/import', valid)).statusCode).toBe(403);
    const catalog = {
      catalog: {
        uuid: '6f1d1c2e-0d5e-4c56-9a43-1e0c5f0e7a01',
        metadata: { title: 'x', 'last-modified': '2026-01-01T00:00:00Z', version: '1', 'oscal-version': '1.1.2' },
      },
    };
    expect((await admin.post('/api/v1/components/import', catalog)).statusCode).toBe(400);
    const broken = structuredClone(valid) as { 'component-definition': { components?: unknown[] } };
    broken['component-definition'].components = [{ title: 'No uuid or type' }];
    const res = await admin.post('/api/v1/components/import', broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.length).toBeGreaterThan(0);
    expect((await admin.get('/api/v1/components')).json().items).toHaveLength(0);
  });
});
