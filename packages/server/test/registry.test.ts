import { expect, it } from 'vitest';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

const system = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  sector: 'transport',
  kind: 'application',
  hosting: 'on-premises',
  ...extra,
});

async function register(client: TestClient, name: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/systems', system(name, extra));
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string; ownerId: string | null };
}

describeOnEachDatabase('information-system register', (get) => {
  it('registers, lists paged with filters and search, edits and deletes, all audited', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const dept = (await admin.post('/api/v1/departments', { name: 'Transport' })).json();
    const tls = await register(admin, 'Traffic light control', {
      kind: 'ot-iot',
      departmentId: dept.id,
      supplier: 'Signalbau AG',
      personalData: ['none'],
    });
    await register(admin, 'Parking permits', { kind: 'website', sector: 'public-administration', personalData: ['personal'] });
    await register(admin, 'Bus timetable', { kind: 'website' });
    const all = (await admin.get('/api/v1/systems?pageSize=2')).json();
    expect(all.total).toBe(3);
    expect(all.items.map((s: { name: string }) => s.name)).toEqual(['Bus timetable', 'Parking permits']);
    expect((await admin.get('/api/v1/systems?kind=website')).json().total).toBe(2);
    expect((await admin.get('/api/v1/systems?q=signalbau')).json().items[0].id).toBe(tls.id);
    expect((await admin.get(`/api/v1/systems?departmentId=${dept.id}`)).json().items[0].departmentName).toBe('Transport');
    const upd = await admin.patch(`/api/v1/systems/${tls.id}`, { lifecycle: 'retiring', tags: ['critical', 'critical', 'ot'] });
    expect(upd.json()).toMatchObject({ lifecycle: 'retiring', tags: ['critical', 'ot'], departmentName: 'Transport' });
    const audit = (await admin.get('/api/v1/audit?action=system.update')).json().items[0];
    expect(audit.before.lifecycle).toBe('production');
    expect(audit.after.lifecycle).toBe('retiring');
    expect((await admin.delete(`/api/v1/systems/${tls.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/systems/${tls.id}`)).statusCode).toBe(404);
  });

  it('refuses a duplicate name within a department, unknown references and bad values', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const dept = (await admin.post('/api/v1/departments', { name: 'Health' })).json();
    await register(admin, 'Patient register', { departmentId: dept.id, sector: 'health' });
    const dupe = await admin.post('/api/v1/systems', system('PATIENT REGISTER', { departmentId: dept.id, sector: 'health' }));
    expect(dupe.statusCode).toBe(409);
    expect((await admin.post('/api/v1/systems', system('Patient register', { sector: 'health' }))).statusCode).toBe(201);
    const unknown = await admin.post(
      '/api/v1/systems',
      system('X', { sector: 'space-travel', ownerId: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(
      unknown
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['ownerId', 'sector']);
    expect((await admin.post('/api/v1/systems', system('Y', { kind: 'spaceship' }))).statusCode).toBe(400);
    expect((await admin.post('/api/v1/sectors', { key: 'ports', name: 'Ports and harbours' })).statusCode).toBe(201);
    expect((await admin.post('/api/v1/systems', system('Harbour cranes', { sector: 'ports' }))).statusCode).toBe(201);
    expect((await admin.post('/api/v1/sectors', { key: 'transport', name: 'Again' })).statusCode).toBe(409);
  });

  it('shows system owners only their own systems and lets them change only those', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const owner = await newMember(h, admin, 'system_owner');
    const other = await newMember(h, admin, 'system_owner');
    const auditor = await newMember(h, admin, 'auditor');
    const mine = await register(owner.client, 'School meals');
    expect(mine.ownerId).toBe(owner.id);
    const theirs = await register(admin, 'Tax register', { ownerId: other.id, sector: 'finance' });
    const seen = (await owner.client.get('/api/v1/systems')).json();
    expect(seen.items.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    expect((await owner.client.get(`/api/v1/systems/${theirs.id}`)).statusCode).toBe(404);
    expect((await owner.client.patch(`/api/v1/systems/${theirs.id}`, { lifecycle: 'retired' })).statusCode).toBe(404);
    expect((await owner.client.patch(`/api/v1/systems/${mine.id}`, { ownerId: other.id })).statusCode).toBe(403);
    expect((await owner.client.post('/api/v1/systems', system('Not mine', { ownerId: other.id }))).statusCode).toBe(403);
    expect((await owner.client.delete(`/api/v1/systems/${mine.id}`)).statusCode).toBe(403);
    expect((await auditor.client.get('/api/v1/systems')).json().total).toBe(2);
    expect((await auditor.client.patch(`/api/v1/systems/${mine.id}`, { lifecycle: 'retired' })).statusCode).toBe(403);
  });

  it('records dependencies, refuses cycles naming the path, and draws the neighbourhood', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const web = await register(admin, 'City website', { kind: 'website' });
    const app = await register(admin, 'E-service application');
    const db = await register(admin, 'Resident register', { kind: 'database' });
    const dc = await register(admin, 'Data centre', { kind: 'building' });
    for (const [a, b] of [
      [web, app],
      [app, db],
      [db, dc],
    ] as const) {
      expect((await admin.post(`/api/v1/systems/${a.id}/dependencies`, { dependsOnId: b.id })).statusCode).toBe(204);
    }
    const cycle = await admin.post(`/api/v1/systems/${dc.id}/dependencies`, { dependsOnId: web.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.message).toContain('Data centre → City website → E-service application → Resident register → Data centre');
    expect((await admin.post(`/api/v1/systems/${web.id}/dependencies`, { dependsOnId: web.id })).statusCode).toBe(400);
    expect((await admin.post(`/api/v1/systems/${web.id}/dependencies`, { dependsOnId: app.id })).statusCode).toBe(409);
    const graph = (await admin.get(`/api/v1/systems/${app.id}/graph?depth=1`)).json();
    expect(graph.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['City website', 'E-service application', 'Resident register']);
    expect(graph.edges).toHaveLength(2);
    expect((await admin.delete(`/api/v1/systems/${app.id}/dependencies/${db.id}`)).statusCode).toBe(204);
    expect((await admin.post(`/api/v1/systems/${dc.id}/dependencies`, { dependsOnId: web.id })).statusCode).toBe(204);
  });

  it("keeps each city's register to itself", async () => {
    const h = get();
    const a = await newOrganisation(h);
    const b = await newOrganisation(h);
    const s = await register(a.admin, 'Smart meters', { kind: 'ot-iot', sector: 'energy' });
    const bs = await register(b.admin, 'Grid control', { kind: 'ot-iot', sector: 'energy' });
    expect((await b.admin.get('/api/v1/systems')).json().total).toBe(1);
    expect((await b.admin.get(`/api/v1/systems/${s.id}`)).statusCode).toBe(404);
    expect((await b.admin.post(`/api/v1/systems/${bs.id}/dependencies`, { dependsOnId: s.id })).statusCode).toBe(400);
  });
});
