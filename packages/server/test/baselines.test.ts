import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { HIGH, LOW } from './support/answers.js';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

async function register(client: TestClient, name: string, kind = 'application', extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/systems', { name, sector: 'transport', kind, hosting: 'on-premises', ...extra });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string };
}

async function classify(client: TestClient, id: string, answers: Record<string, string>) {
  const res = await client.post(`/api/v1/systems/${id}/classification`, { answers });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { baseline: Array<{ systemId: string; added: number; removed: number }> };
}

type Item = { id: string; controlId: string; effectiveStatus: string; status: string; inherited: unknown; applies: boolean };
const list = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/v1/requirements?${query}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as { items: Item[]; total: number };
};

describeOnEachDatabase('baselines and implementation', (get) => {
  it('gives a classified system its requirements, carries statuses over on reclassification and shows the diff', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const sys = await register(admin, 'Traffic signal control', 'ot-iot');
    expect((await list(admin, `systemId=${sys.id}`)).total).toBe(0);

    const mapping = (await admin.get('/api/v1/baselines/mapping')).json();
    expect(mapping.levels.map((l: { level: string }) => l.level)).toEqual(['L', 'M', 'H']);
    expect(mapping.levels.every((l: { isDefault: boolean; versionId: string | null }) => l.isDefault && l.versionId)).toBe(true);

    const first = await classify(admin, sys.id, HIGH);
    const high = await list(admin, `systemId=${sys.id}&pageSize=200`);
    expect(high.total).toBeGreaterThan(60);
    expect(first.baseline).toEqual([{ systemId: sys.id, added: high.total, removed: 0 }]);
    const view = (await admin.get(`/api/v1/systems/${sys.id}`)).json();
    expect(view).toMatchObject({ securityLevel: 'H', notation: 'K3T3S1' });

    // Mark one implemented and one not applicable (the latter needs a justification).
    const [a, b] = high.items;
    if (!a || !b) throw new Error('no requirements');
    expect((await admin.patch(`/api/v1/requirements/${a.id}`, { status: 'implemented', statement: 'Done in 2025.' })).statusCode).toBe(200);
    const na = await admin.patch(`/api/v1/requirements/${b.id}`, { status: 'not-applicable' });
    expect(na.statusCode).toBe(400);
    expect(na.json().error.details[0].path).toBe('justification');
    expect(
      (await admin.patch(`/api/v1/requirements/${b.id}`, { status: 'not-applicable', justification: 'No user accounts.' })).statusCode,
    ).toBe(200);
    const progress = (await admin.get(`/api/v1/systems/${sys.id}/requirements/progress`)).json();
    expect(progress.counts).toMatchObject({ implemented: 1, 'not-applicable': 1, 'not-started': high.total - 2 });

    // Down to L: fewer requirements; the retired ones keep their status and come back at H.
    const lower = await classify(admin, sys.id, LOW);
    const low = await list(admin, `systemId=${sys.id}&pageSize=200`);
    expect(low.total).toBeLessThan(high.total);
    expect(lower.baseline[0]?.removed).toBe(high.total - low.total);
    const changes = (await admin.get(`/api/v1/systems/${sys.id}/baseline/changes`)).json().items;
    expect(changes[0].removed.length).toBe(high.total - low.total);
    expect(changes[0].cause).toBe('classification');
    const retired = await list(admin, `systemId=${sys.id}&retired=true&pageSize=200`);
    expect(retired.total).toBe(high.total - low.total);
    await classify(admin, sys.id, HIGH);
    const back = await list(admin, `systemId=${sys.id}&pageSize=200`);
    expect(back.total).toBe(high.total);
    expect(back.items.find((i) => i.id === a.id)?.effectiveStatus).toBe('implemented');
    expect(back.items.find((i) => i.id === b.id)?.effectiveStatus).toBe('not-applicable');

    const audit = (await admin.get('/api/v1/audit?action=requirement.update')).json();
    expect(audit.total).toBe(2);
  });

  it('narrows by system kind, follows the mapping and recomputes when it changes', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const site = await register(admin, 'City website', 'website');
    const fleet = await register(admin, 'Smart meters', 'ot-iot');
    await classify(admin, site.id, HIGH);
    await classify(admin, fleet.id, HIGH);
    const siteTotal = (await list(admin, `systemId=${site.id}`)).total;
    const fleetTotal = (await list(admin, `systemId=${fleet.id}`)).total;
    expect(siteTotal).not.toBe(fleetTotal);

    const mapping = (await admin.get('/api/v1/baselines/mapping')).json();
    const low = mapping.levels.find((l: { level: string }) => l.level === 'L').versionId;
    const res = await admin.request('PUT', '/api/v1/baselines/mapping', { levels: { H: low }, narrowByKind: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.systemsChanged).toBe(2);
    expect(res.json().levels.find((l: { level: string }) => l.level === 'H')).toMatchObject({ versionId: low, isDefault: false });
    const siteLow = (await list(admin, `systemId=${site.id}`)).total;
    const fleetLow = (await list(admin, `systemId=${fleet.id}`)).total;
    expect(siteLow).toBe(fleetLow); // no narrowing: the same profile for both
    expect(siteLow).toBeLessThan(siteTotal);
    const bad = await admin.request('PUT', '/api/v1/baselines/mapping', { levels: { X: low }, narrowByKind: true });
    expect(bad.statusCode).toBe(400);
    const unknown = await admin.request('PUT', '/api/v1/baselines/mapping', {
      levels: { H: '01900000-0000-7000-8000-000000000000' },
      narrowByKind: true,
    });
    expect(unknown.statusCode).toBe(400);
    expect((await list(admin, `systemId=${site.id}`)).total).toBe(siteLow); // nothing changed
  });

  it('inherits the need along dependencies: the database behind a high website gets the high baseline', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const site = await register(admin, 'Permit portal', 'website');
    const db = await register(admin, 'Permit database', 'database');
    const dep = await admin.post(`/api/v1/systems/${site.id}/dependencies`, { dependsOnId: db.id });
    expect(dep.statusCode, dep.body).toBeLessThan(300);
    const res = await classify(admin, site.id, HIGH);
    expect(res.baseline.map((b) => b.systemId).sort()).toEqual([site.id, db.id].sort());
    expect((await admin.get(`/api/v1/systems/${db.id}`)).json().securityLevel).toBe('H');
    expect((await list(admin, `systemId=${db.id}`)).total).toBeGreaterThan(0);
    // Removing the dependency takes the inherited need (and the requirements) away again.
    expect((await admin.delete(`/api/v1/systems/${site.id}/dependencies/${db.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/systems/${db.id}`)).json().securityLevel).toBeNull();
    expect((await list(admin, `systemId=${db.id}`)).total).toBe(0);
  });

  it('lets systems inherit from a common component, override it and inherit again', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const sys = await register(admin, 'School portal', 'website');
    await classify(admin, sys.id, HIGH);
    const target = (await list(admin, `systemId=${sys.id}`)).items[0];
    if (!target) throw new Error('no requirement');
    const comp = (await admin.post('/api/v1/components', { name: 'Central identity service', kind: 'service' })).json();
    const set = await admin.request('PUT', `/api/v1/components/${comp.id}/requirements/${target.controlId}`, {
      status: 'implemented',
      statement: 'Single sign-on with MFA for every city application.',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().systemsAffected).toBe(0);
    expect((await admin.post(`/api/v1/systems/${sys.id}/components`, { componentId: comp.id })).statusCode).toBe(204);
    let r = (await admin.get(`/api/v1/requirements/${target.id}`)).json();
    expect(r).toMatchObject({ effectiveStatus: 'implemented', status: 'not-started', overridden: false });
    expect(r.inherited).toMatchObject({ componentName: 'Central identity service', status: 'implemented' });
    expect((await list(admin, `systemId=${sys.id}&inherited=true`)).total).toBe(1);

    // The component gets worse: the system follows.
    await admin.request('PUT', `/api/v1/components/${comp.id}/requirements/${target.controlId}`, {
      status: 'partially',
      statement: 'MFA rollout.',
    });
    expect((await admin.get(`/api/v1/requirements/${target.id}`)).json().effectiveStatus).toBe('partially');

    // The system overrides, then inherits again.
    r = (await admin.patch(`/api/v1/requirements/${target.id}`, { status: 'planned' })).json();
    expect(r).toMatchObject({ effectiveStatus: 'planned', overridden: true, inherited: null });
    r = (await admin.patch(`/api/v1/requirements/${target.id}`, { override: false })).json();
    expect(r).toMatchObject({ effectiveStatus: 'partially', overridden: false });

    // Component evidence shows on the system's requirement as inherited.
    const cr = (await admin.get(`/api/v1/components/${comp.id}`)).json().requirements[0];
    const ev = await admin.request('POST', `/api/v1/component-requirements/${cr.id}/evidence/link`, {
      name: 'IdP configuration',
      url: 'https://intranet.example.org/idp',
    });
    expect(ev.statusCode, ev.body).toBe(201);
    expect((await admin.get(`/api/v1/requirements/${target.id}`)).json().evidence[0]).toMatchObject({
      inherited: true,
      name: 'IdP configuration',
    });
    // The component's own list of its evidence: readable by the register's readers, removable by managers.
    const file = await admin.request('POST', `/api/v1/component-requirements/${cr.id}/evidence?name=idp.txt`, Buffer.from('MFA on'), {
      'content-type': 'application/octet-stream',
    });
    expect(file.statusCode, file.body).toBe(201);
    const own = (await admin.get(`/api/v1/component-requirements/${cr.id}/evidence`)).json().items;
    expect(own.map((e: { name: string; inherited: boolean }) => [e.name, e.inherited])).toEqual([
      ['idp.txt', false],
      ['IdP configuration', false],
    ]);
    expect(own[0].sha256).toBe(createHash('sha256').update('MFA on').digest('hex'));
    const staff = await newMember(h, admin, 'staff');
    expect((await staff.client.get(`/api/v1/component-requirements/${cr.id}/evidence`)).statusCode).toBe(403);
    const other = await newOrganisation(h);
    expect((await other.admin.get(`/api/v1/component-requirements/${cr.id}/evidence`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/evidence/${own[0].id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/component-requirements/${cr.id}/evidence`)).json().items).toHaveLength(1);

    // Deleting the component: the system falls back to its own status.
    expect((await admin.delete(`/api/v1/components/${comp.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/requirements/${target.id}`)).json()).toMatchObject({ effectiveStatus: 'planned', inherited: null });
  });

  it('stores evidence files with their SHA-256, refuses forbidden types and oversize files, and keeps links', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const sys = await register(admin, 'Tax register', 'database');
    await classify(admin, sys.id, LOW);
    const req = (await list(admin, `systemId=${sys.id}`)).items[0];
    if (!req) throw new Error('no requirement');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = (name: string, body: Buffer, type = 'application/octet-stream') =>
      admin.request('POST', `/api/v1/requirements/${req.id}/evidence?name=${encodeURIComponent(name)}`, body, { 'content-type': type });
    const ok = await upload('backup-test-report.pdf', pdf, 'application/pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'file', size: pdf.length, mediaType: 'application/pdf' });
    expect(ok.json().sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const down = await admin.get(`/api/v1/evidence/${ok.json().id}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    expect(down.headers['content-disposition']).toContain("filename*=UTF-8''backup-test-report.pdf");

    expect((await upload('tool.exe', Buffer.from('MZ\x90\x00'))).statusCode).toBe(415);
    expect((await upload('page.html', Buffer.from('<script>alert(1)</script>'))).statusCode).toBe(415);
    expect((await upload('fake.pdf', Buffer.from('not a pdf at all'))).statusCode).toBe(415);
    expect((await upload('empty.txt', Buffer.alloc(0))).statusCode).toBe(400);
    expect((await upload('../../etc/passwd.txt', Buffer.from('x'))).statusCode).toBe(400);
    const huge = Buffer.alloc(h.runtime.ctx.config.EVIDENCE_MAX_BYTES + 1, 0x41);
    expect((await upload('huge.txt', huge)).statusCode).toBe(413);
    const link = await admin.post(`/api/v1/requirements/${req.id}/evidence/link`, {
      name: 'Backup policy',
      url: 'https://wiki.example.org/backup',
    });
    expect(link.statusCode).toBe(201);
    expect((await admin.post(`/api/v1/requirements/${req.id}/evidence/link`, { name: 'x', url: 'javascript:alert(1)' })).statusCode).toBe(
      400,
    );
    const detail = (await admin.get(`/api/v1/requirements/${req.id}`)).json();
    expect(detail.evidence.map((e: { name: string }) => e.name).sort()).toEqual(['Backup policy', 'backup-test-report.pdf']);
    expect((await admin.delete(`/api/v1/evidence/${link.json().id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/requirements/${req.id}`)).json().evidence).toHaveLength(1);
  });

  it('bulk-edits across systems all or nothing, and scopes owners to their own systems', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const owner = await newMember(h, admin, 'system_owner');
    const auditor = await newMember(h, admin, 'auditor');
    const mine = await register(owner.client, 'School meals', 'application');
    const theirs = await register(admin, 'Payroll', 'application');
    await classify(admin, mine.id, LOW);
    await classify(admin, theirs.id, LOW);
    const mineIds = (await list(owner.client, `systemId=${mine.id}&pageSize=5`)).items.map((i) => i.id);
    const theirIds = (await list(admin, `systemId=${theirs.id}&pageSize=5`)).items.map((i) => i.id);
    // The owner sees only their own system's requirements.
    expect(
      (await list(owner.client, '')).items.every((i) => mineIds.length > 0 && (i as unknown as { systemId: string }).systemId === mine.id),
    ).toBe(true);
    expect((await owner.client.get(`/api/v1/requirements/${theirIds[0]}`)).statusCode).toBe(404);
    expect((await owner.client.patch(`/api/v1/requirements/${theirIds[0]}`, { status: 'implemented' })).statusCode).toBe(404);

    // A bulk edit that includes someone else's requirement changes nothing.
    const mixed = await owner.client.post('/api/v1/requirements/bulk', { ids: [...mineIds, theirIds[0]], set: { status: 'planned' } });
    expect(mixed.statusCode).toBe(404);
    expect((await list(owner.client, `systemId=${mine.id}&status=planned`)).total).toBe(0);

    const due = '2020-01-31';
    const bulk = await admin.post('/api/v1/requirements/bulk', {
      ids: [...mineIds, ...theirIds],
      set: { status: 'planned', dueDate: due, responsibleId: owner.id },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json()).toEqual({ updated: 10, systems: 2 });
    expect((await list(admin, 'status=planned')).total).toBe(10);
    expect((await list(admin, 'overdue=true')).total).toBe(10);
    expect((await admin.post('/api/v1/requirements/bulk', { ids: mineIds, set: { status: 'not-applicable' } })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/requirements/bulk', { ids: mineIds, set: { dueDate: '2026-02-30' } })).statusCode).toBe(400);

    // My work: the owner is responsible for all ten, all overdue.
    const work = (await owner.client.get('/api/v1/my/work')).json();
    expect(work).toMatchObject({ open: 10, overdue: 10 });
    expect(work.requirements[0]).toMatchObject({ overdue: true, dueDate: due });

    // Auditors read but never change implementation records.
    expect((await auditor.client.get(`/api/v1/requirements/${mineIds[0]}`)).statusCode).toBe(200);
    expect((await auditor.client.patch(`/api/v1/requirements/${mineIds[0]}`, { status: 'implemented' })).statusCode).toBe(403);
    expect((await auditor.client.post(`/api/v1/requirements/${mineIds[0]}/comments`, { body: 'Sample checked.' })).statusCode).toBe(201);
  });

  it('aggregates the dashboard by department, level, family and sector, and it changes with the work', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const dept = (await admin.post('/api/v1/departments', { name: 'Transport' })).json();
    const sys = await register(admin, 'Parking permits', 'website', { departmentId: dept.id });
    await register(admin, 'Not yet classified', 'application');
    await classify(admin, sys.id, HIGH);
    const before = (await admin.get('/api/v1/dashboard/compliance')).json();
    expect(before.totals).toMatchObject({ systems: 2, unclassified: 1, implemented: 0, share: 0 });
    expect(before.heatmap).toEqual([expect.objectContaining({ departmentId: dept.id, securityLevel: 'H', implemented: 0 })]);
    const items = (await list(admin, `systemId=${sys.id}&pageSize=10`)).items;
    await admin.post('/api/v1/requirements/bulk', { ids: items.map((i) => i.id), set: { status: 'implemented' } });
    await admin.post('/api/v1/requirements/bulk', { ids: [items[9]?.id], set: { status: 'planned', dueDate: '2021-01-01' } });
    const after = (await admin.get('/api/v1/dashboard/compliance')).json();
    expect(after.totals.implemented).toBe(9);
    expect(after.totals.overdue).toBe(1);
    expect(after.totals.share).toBeGreaterThan(0);
    expect(after.byDepartment.find((d: { departmentId: string }) => d.departmentId === dept.id)).toMatchObject({
      implemented: 9,
      overdue: 1,
      systems: 1,
    });
    expect(after.byFamily.reduce((n: number, f: { implemented: number }) => n + f.implemented, 0)).toBe(9);
    expect(after.bySector[0]).toMatchObject({ sector: 'transport', implemented: 9 });
    expect(after.trend.at(-1).share).toBe(after.totals.share);
    const filtered = (await admin.get(`/api/v1/dashboard/compliance?securityLevel=L`)).json();
    expect(filtered.totals.implemented).toBe(0);
    // A daily snapshot feeds the trend.
    const snap = await h.runtime.services.dashboard.snapshot((await admin.get('/api/v1/organisation')).json().id);
    expect(snap.implemented).toBe(9);
  });
});
