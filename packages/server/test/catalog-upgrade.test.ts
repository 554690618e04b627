import { expect, it } from 'vitest';
import { HIGH } from './support/answers.js';
import { newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

type Control = { id: string; prose: string; withdrawn?: boolean };

/** A small catalog of our own, in two versions, to upgrade between. */
function catalog(version: string, controls: Control[]) {
  return {
    catalog: {
      uuid: version === '1.0' ? '6f1d1c2e-0d5e-4c56-9a43-1e0c5f0e7a01' : '6f1d1c2e-0d5e-4c56-9a43-1e0c5f0e7a02',
      metadata: { title: 'City ICT rules', 'last-modified': '2026-11-01T00:00:00Z', version, 'oscal-version': '1.1.2' },
      groups: [
        {
          id: 'ict',
          title: 'ICT rules',
          controls: controls.map((c) => ({
            id: c.id,
            title: `Rule ${c.id}`,
            ...(c.withdrawn ? { props: [{ name: 'status', value: 'withdrawn' }] } : {}),
            parts: [{ id: `${c.id}_smt`, name: 'statement', prose: c.prose }],
          })),
        },
      ],
    },
  };
}

async function importCatalog(admin: TestClient, doc: unknown) {
  const res = await admin.post('/api/v1/catalogs/import?source=test.json', doc);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().version.id as string;
}

describeOnEachDatabase('catalog upgrades of requirement records', (get) => {
  it('plans and applies an upgrade: unchanged kept, changed flagged, new added, removed and withdrawn retired', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const v1 = await importCatalog(
      admin,
      catalog('1.0', [
        { id: 'r-1', prose: 'Keep an inventory.' },
        { id: 'r-2', prose: 'Back up weekly.' },
        { id: 'r-3', prose: 'Use fax for secrets.' },
        { id: 'r-4', prose: 'Rotate passwords monthly.' },
      ]),
    );
    const map = await admin.request('PUT', '/api/v1/baselines/mapping', { levels: { L: v1, M: v1, H: v1 }, narrowByKind: true });
    expect(map.statusCode, map.body).toBe(200);
    const sys = (
      await admin.post('/api/v1/systems', { name: 'Library loans', sector: 'education', kind: 'application', hosting: 'cloud' })
    ).json();
    expect((await admin.post(`/api/v1/systems/${sys.id}/classification`, { answers: HIGH })).statusCode).toBe(201);
    const rows = (await admin.get(`/api/v1/requirements?systemId=${sys.id}`)).json().items as Array<{ id: string; controlId: string }>;
    expect(rows.map((r) => r.controlId)).toEqual(['r-1', 'r-2', 'r-3', 'r-4']);
    const id = (c: string) => rows.find((r) => r.controlId === c)?.id;
    await admin.post('/api/v1/requirements/bulk', { ids: [id('r-1'), id('r-2'), id('r-3')], set: { status: 'implemented' } });

    const v2 = await importCatalog(
      admin,
      catalog('2.0', [
        { id: 'r-1', prose: 'Keep an inventory.' },
        { id: 'r-2', prose: 'Back up daily and test restores.' },
        { id: 'r-4', prose: 'Rotate passwords monthly.', withdrawn: true },
        { id: 'r-5', prose: 'Use MFA.' },
      ]),
    );
    const pending = (await admin.get('/api/v1/baselines/upgrades')).json().items;
    expect(pending).toEqual([
      expect.objectContaining({ from: expect.objectContaining({ id: v1 }), to: expect.objectContaining({ id: v2 }), systems: 1 }),
    ]);

    const plan = await admin.get(`/api/v1/catalog-versions/${v2}/upgrade-plan?from=${v1}`);
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json()).toMatchObject({ systems: 1, records: { kept: 1, review: 1, retired: 2 }, newControls: 1 });
    expect(plan.json().diff.changed.find((c: { id: string }) => c.id === 'r-2').aspects).toEqual(['statement']);
    // Planning changed nothing.
    expect((await admin.get(`/api/v1/requirements?systemId=${sys.id}`)).json().total).toBe(4);

    const applied = await admin.post(`/api/v1/catalog-versions/${v2}/upgrade`, { from: v1 });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().result).toEqual({ systems: 1, kept: 1, flaggedForReview: 1, added: 1, retired: 2 });
    const after = (await admin.get(`/api/v1/requirements?systemId=${sys.id}`)).json().items as Array<{
      id: string;
      controlId: string;
      effectiveStatus: string;
      reviewRequired: boolean;
    }>;
    expect(after.map((r) => [r.controlId, r.effectiveStatus, r.reviewRequired])).toEqual([
      ['r-1', 'implemented', false],
      ['r-2', 'implemented', true],
      ['r-5', 'not-started', false],
    ]);
    expect((await admin.get(`/api/v1/requirements?systemId=${sys.id}&retired=true`)).json().total).toBe(2);
    expect((await admin.get('/api/v1/baselines/mapping')).json().levels.every((l: { versionId: string }) => l.versionId === v2)).toBe(true);
    expect((await admin.get('/api/v1/baselines/upgrades')).json().items).toEqual([]);
    const changes = (await admin.get(`/api/v1/systems/${sys.id}/baseline/changes`)).json().items[0];
    expect(changes).toMatchObject({ cause: 'upgrade', added: ['r-5'], changed: ['r-2'] });
    expect(changes.removed.sort()).toEqual(['r-3', 'r-4']);
    const audit = (await admin.get('/api/v1/audit?action=catalog.upgrade')).json().items[0];
    expect(audit.after).toMatchObject({ flaggedForReview: 1, retired: 2 });

    // The owner reviews the changed requirement: the flag goes.
    const r2 = after.find((r) => r.controlId === 'r-2');
    const reviewed = await admin.patch(`/api/v1/requirements/${r2?.id}`, { reviewed: true });
    expect(reviewed.json()).toMatchObject({ reviewRequired: false, effectiveStatus: 'implemented' });

    // Upgrading across catalogs or to itself is refused.
    const other = (await admin.get('/api/v1/baselines/mapping')).json().options.find((o: { builtIn: boolean }) => o.builtIn).id;
    expect((await admin.post(`/api/v1/catalog-versions/${other}/upgrade`, { from: v2 })).statusCode).toBe(400);
    expect((await admin.post(`/api/v1/catalog-versions/${v2}/upgrade`, { from: v2 })).statusCode).toBe(400);
  });
});
