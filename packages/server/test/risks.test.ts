import { expect, it } from 'vitest';
import { HIGH } from './support/answers.js';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';
import { readPdf } from './support/pdf.js';

async function register(client: TestClient, name: string, kind: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/systems', { name, sector: 'transport', kind, hosting: 'on-premises', ...extra });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; ownerId: string | null };
}

async function classify(client: TestClient, id: string, answers: Record<string, string>) {
  const res = await client.post(`/api/v1/systems/${id}/classification`, { answers });
  if (res.statusCode !== 201) throw new Error(res.body);
}

async function createRisk(client: TestClient, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/risks', body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as Risk;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Rated {
  likelihood: number;
  impact: number;
  score: number;
  rating: string;
  ratingLabel: string;
  likelihoodLabel: string;
}
interface Risk {
  id: string;
  title: string;
  treatment: string;
  status: string;
  inherent: Rated;
  residual: Rated;
  acceptance: { approverName: string | null; expiresOn: string; expired: boolean } | null;
  controls: { total: number; implemented: number };
  controlStatus: Array<{ controlId: string; status: string | null; implemented: boolean; requirementId: string | null }>;
  editable: boolean;
  ownerId: string | null;
}

/** What a refused request must leave as it was: the risks and the audit log. */
async function snapshot(admin: TestClient) {
  const risks = (await admin.get('/api/v1/risks?pageSize=200&sort=title')).json();
  const audit = (await admin.get('/api/v1/audit?pageSize=1')).json().total;
  return JSON.stringify({ risks, audit });
}

describeOnEachDatabase('risk register', (get) => {
  it('has a default 5×5 matrix; refuses invalid ones; a new matrix re-rates every risk', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const m = (await admin.get('/api/v1/risks/matrix')).json();
    expect(m.isDefault).toBe(true);
    expect(m.matrix.likelihood.map((s: { label: string }) => s.label)).toEqual([
      'Rare',
      'Unlikely',
      'Possible',
      'Likely',
      'Almost certain',
    ]);
    const sys = await register(admin, 'Traffic signal control', 'ot-iot');
    const risk = await createRisk(admin, {
      systemId: sys.id,
      threatKey: 'ot-manipulation',
      title: 'Signals switched by an intruder',
      vulnerability: 'Controllers reachable from the office network.',
      inherent: { likelihood: 5, impact: 4 },
      residual: { likelihood: 3, impact: 4 },
    });
    expect(risk.inherent).toMatchObject({ score: 20, rating: 'critical', likelihoodLabel: 'Almost certain' });
    expect(risk.residual).toMatchObject({ score: 12, rating: 'high' });

    const before = await snapshot(admin);
    const three = {
      likelihood: [{ label: 'Low' }, { label: 'Medium' }, { label: 'High' }],
      impact: [{ label: 'Limited' }, { label: 'Serious' }, { label: 'Grave', description: 'People in danger' }],
      bands: [
        { key: 'green', label: 'Acceptable', minScore: 1 },
        { key: 'amber', label: 'Watch', minScore: 3 },
        { key: 'red', label: 'Act now', minScore: 6 },
      ],
    };
    const bad = [
      { ...three, likelihood: three.likelihood.slice(0, 2) },
      { ...three, impact: [...three.impact, { label: 'a' }, { label: 'b' }, { label: 'c' }] },
      { ...three, bands: [three.bands[0], { key: 'amber', label: 'Watch', minScore: 1 }, three.bands[2]] },
      {
        ...three,
        bands: [
          { key: 'green', label: 'OK', minScore: 1 },
          { key: 'red', label: 'Bad', minScore: 10 },
        ],
      },
      {
        ...three,
        cells: [
          ['green', 'amber', 'green'],
          ['green', 'amber', 'red'],
          ['amber', 'red', 'red'],
        ],
      },
      { ...three, cells: [['green', 'violet', 'red']] },
    ];
    for (const body of bad) {
      const res = await admin.request('PUT', '/api/v1/risks/matrix', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.length).toBeGreaterThan(0);
    }
    expect(await snapshot(admin)).toBe(before);

    const put = await admin.request('PUT', '/api/v1/risks/matrix', three);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ isDefault: false, rerated: 1, rescaled: 1 });
    const after = (await admin.get(`/api/v1/risks/${risk.id}`)).json() as Risk;
    expect(after.inherent).toMatchObject({ likelihood: 3, impact: 3, score: 9, rating: 'red', ratingLabel: 'Act now' });
    expect(after.residual).toMatchObject({ likelihood: 2, impact: 3, score: 6, rating: 'red' });
    // A cell table decides the rating instead of the thresholds.
    const table = await admin.request('PUT', '/api/v1/risks/matrix', {
      ...three,
      cells: [
        ['green', 'green', 'amber'],
        ['green', 'amber', 'amber'],
        ['amber', 'amber', 'red'],
      ],
    });
    expect(table.json()).toMatchObject({ rerated: 1, rescaled: 0 });
    expect((await admin.get(`/api/v1/risks/${risk.id}`)).json().residual).toMatchObject({ score: 6, rating: 'amber' });
    // Outside the matrix now: refused.
    const off = await admin.patch(`/api/v1/risks/${risk.id}`, { inherent: { likelihood: 4, impact: 3 } });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.details[0]).toEqual({ path: 'inherent.likelihood', message: 'must be between 1 and 3' });
    const audit = (await admin.get('/api/v1/audit?action=risk_matrix.update')).json();
    expect(audit.total).toBe(2);
    // Only risks:manage may change the matrix.
    const owner = await newMember(h, admin, 'system_owner');
    expect((await owner.client.request('PUT', '/api/v1/risks/matrix', three)).statusCode).toBe(403);
  });

  it('records, treats, closes and deletes a risk, with its history', async () => {
    const h = get();
    const { admin, adminId } = await newOrganisation(h);
    const sys = await register(admin, 'Permit portal', 'website', { sector: 'public-administration' });
    const r = await createRisk(admin, {
      systemId: sys.id,
      threatKey: 'defacement',
      vulnerability: 'Outdated CMS plug-ins.',
      inherent: { likelihood: 3, impact: 3 },
      reviewDate: day(90),
    });
    expect(r.title).toBe('Website defacement: Permit portal');
    expect(r.residual).toMatchObject({ likelihood: 3, impact: 3 }); // residual starts at inherent
    expect(r).toMatchObject({ treatment: 'reduce', status: 'open', ownerId: adminId, editable: true });

    // Residual cannot exceed inherent.
    const worse = await admin.patch(`/api/v1/risks/${r.id}`, { residual: { likelihood: 4, impact: 2 } });
    expect(worse.statusCode).toBe(400);
    expect(worse.json().error.details.map((d: { path: string }) => d.path)).toEqual(['residual.likelihood']);

    // Accept: approver, expiry and reason are all needed; the expiry not in the past.
    const approver = await newMember(h, admin, 'security_officer');
    expect((await admin.patch(`/api/v1/risks/${r.id}`, { treatment: 'accept' })).json().error.details[0].path).toBe('acceptance');
    const past = await admin.patch(`/api/v1/risks/${r.id}`, {
      treatment: 'accept',
      acceptance: { approverId: approver.id, expiresOn: day(-1), reason: 'Budget next year.' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0]).toEqual({ path: 'acceptance.expiresOn', message: 'must not be in the past' });
    const noReason = await admin.patch(`/api/v1/risks/${r.id}`, {
      treatment: 'accept',
      acceptance: { approverId: approver.id, expiresOn: day(30), reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    const stranger = await admin.patch(`/api/v1/risks/${r.id}`, {
      treatment: 'accept',
      acceptance: { approverId: '01900000-0000-7000-8000-000000000000', expiresOn: day(30), reason: 'x' },
    });
    expect(stranger.json().error.details[0].path).toBe('acceptance.approverId');
    const accepted = await admin.patch(`/api/v1/risks/${r.id}`, {
      treatment: 'accept',
      residual: { likelihood: 2, impact: 3 },
      acceptance: { approverId: approver.id, expiresOn: day(20), reason: 'Replaced by the new portal in spring.' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().acceptance).toMatchObject({ approverName: 'Member security_officer', expiresOn: day(20), expired: false });

    // Acceptances ending within N days.
    expect((await admin.get('/api/v1/risks/acceptances/expiring?days=30')).json().items.map((i: Risk) => i.id)).toEqual([r.id]);
    expect((await admin.get('/api/v1/risks/acceptances/expiring?days=10')).json().items).toEqual([]);

    // Transfer needs a recipient; switching treatment drops the acceptance.
    expect((await admin.patch(`/api/v1/risks/${r.id}`, { treatment: 'transfer' })).json().error.details[0].path).toBe('transferTo');
    const transferred = (await admin.patch(`/api/v1/risks/${r.id}`, { treatment: 'transfer', transferTo: 'Cyber insurer' })).json();
    expect(transferred).toMatchObject({ treatment: 'transfer', transferTo: 'Cyber insurer', acceptance: null });
    // Controls belong to "reduce" only.
    expect((await admin.patch(`/api/v1/risks/${r.id}`, { controlIds: ['cs-app-5'] })).statusCode).toBe(400);

    const closed = (await admin.patch(`/api/v1/risks/${r.id}`, { treatment: 'avoid', status: 'closed' })).json();
    expect(closed).toMatchObject({ treatment: 'avoid', transferTo: null, status: 'closed' });
    expect(closed.closedAt).toBeTruthy();

    const list = async (qs: string) => {
      const res = await admin.get(`/api/v1/risks?${qs}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Risk[]; total: number };
    };
    expect((await list('status=closed')).total).toBe(1);
    expect((await list('status=open')).total).toBe(0);
    expect((await list('treatment=avoid&q=permit')).total).toBe(1);
    expect((await list('q=nothing-like-this')).total).toBe(0);

    const history = (await admin.get(`/api/v1/risks/${r.id}/history`)).json().items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['risk.update', 'risk.update', 'risk.update', 'risk.create']);
    expect(history[0].before.treatment).toBe('transfer');
    expect(history[0].after.status).toBe('closed');

    expect((await admin.delete(`/api/v1/risks/${r.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/risks/${r.id}`)).statusCode).toBe(404);
  });

  it('shows the live status of linked requirements and lists risks whose mitigations are not implemented', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const site = await register(admin, 'City website', 'website', { sector: 'public-administration' });
    await classify(admin, site.id, HIGH);
    const reqs = (await admin.get(`/api/v1/requirements?systemId=${site.id}&pageSize=200`)).json().items as Array<{
      id: string;
      controlId: string;
    }>;
    const a = reqs.find((x) => x.controlId === 'cs-app-5');
    const b = reqs.find((x) => x.controlId === 'cs-app-10');
    if (!a || !b) throw new Error('expected cs-app-5 and cs-app-10 in the list');

    // An unknown control is refused; a catalog control outside the list is allowed but not implemented.
    const before = await snapshot(admin);
    const unknown = await admin.post('/api/v1/risks', {
      systemId: site.id,
      threatKey: 'ddos',
      inherent: { likelihood: 4, impact: 3 },
      controlIds: ['cs-app-10', 'zz-99'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'controlIds', message: 'unknown control "zz-99"' }]);
    expect(await snapshot(admin)).toBe(before);

    const risk = await createRisk(admin, {
      systemId: site.id,
      threatKey: 'defacement',
      title: 'Defacement of the front page',
      inherent: { likelihood: 4, impact: 4 },
      residual: { likelihood: 2, impact: 4 },
      controlIds: ['cs-app-5', 'cs-app-10', 'cs-ot-7'],
    });
    expect(risk.controlStatus).toEqual([
      { controlId: 'cs-app-5', title: expect.any(String), status: 'not-started', requirementId: a.id, implemented: false },
      { controlId: 'cs-app-10', title: expect.any(String), status: 'not-started', requirementId: b.id, implemented: false },
      { controlId: 'cs-ot-7', title: expect.any(String), status: null, requirementId: null, implemented: false },
    ]);
    const gaps = async () => (await admin.get('/api/v1/risks/unmitigated')).json().items as Array<{ id: string; openControls: unknown[] }>;
    expect((await gaps()).map((g) => [g.id, g.openControls.length])).toEqual([[risk.id, 3]]);

    // Marking a requirement implemented shows at once on the risk.
    expect((await admin.patch(`/api/v1/requirements/${a.id}`, { status: 'implemented' })).statusCode).toBe(200);
    const live = (await admin.get(`/api/v1/risks/${risk.id}`)).json() as Risk;
    expect(live.controlStatus[0]).toMatchObject({ controlId: 'cs-app-5', status: 'implemented', implemented: true });
    expect(live.controls).toEqual({ total: 3, implemented: 1 });
    expect((await gaps())[0]?.openControls.length).toBe(2);

    await admin.patch(`/api/v1/requirements/${b.id}`, { status: 'implemented' });
    await admin.patch(`/api/v1/risks/${risk.id}`, { controlIds: ['cs-app-5', 'cs-app-10'] });
    expect(await gaps()).toEqual([]);
    expect((await admin.get('/api/v1/risks?unmitigated=true')).json().total).toBe(0);
    await admin.patch(`/api/v1/requirements/${b.id}`, { status: 'partially' });
    expect((await admin.get('/api/v1/risks?unmitigated=true')).json().total).toBe(1);
  });

  it('suggests manipulation and DDoS for an OT traffic system, defacement for a website; accepted suggestions become risks', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const signals = await register(admin, 'Traffic signals', 'ot-iot');
    await classify(admin, signals.id, HIGH); // K3T3S1
    const site = await register(admin, 'Tourism website', 'website', { hosting: 'supplier', supplier: 'WebHost Ltd' });

    type Suggestions = {
      classified: boolean;
      items: Array<{ threatKey: string; reason: string; likelihood: number; impact: number; controls: Array<{ controlId: string }> }>;
    };
    const ot = (await admin.get(`/api/v1/systems/${signals.id}/risks/suggestions`)).json() as Suggestions;
    expect(ot.classified).toBe(true);
    const otKeys = ot.items.map((s) => s.threatKey);
    expect(otKeys).toEqual(expect.arrayContaining(['ot-manipulation', 'ddos']));
    expect(otKeys).not.toContain('defacement');
    const manip = ot.items.find((s) => s.threatKey === 'ot-manipulation');
    expect(manip?.impact).toBe(5);
    expect(manip?.reason).toMatch(/in transport, manipulated devices can endanger people/);
    expect(manip?.controls.map((c) => c.controlId)).toContain('cs-ot-1');

    const web = (await admin.get(`/api/v1/systems/${site.id}/risks/suggestions`)).json() as Suggestions;
    expect(web.classified).toBe(false);
    const webKeys = web.items.map((s) => s.threatKey);
    expect(webKeys).toEqual(expect.arrayContaining(['defacement', 'ddos', 'supplier-compromise']));
    expect(webKeys).not.toContain('ot-manipulation');

    const accepted = await admin.post(`/api/v1/systems/${signals.id}/risks/suggestions`, { threatKeys: ['ot-manipulation', 'ddos'] });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const items = accepted.json().items as Array<Risk & { threat: { key: string } }>;
    expect(items.map((i) => i.threat.key).sort()).toEqual(['ddos', 'ot-manipulation']);
    const m = items.find((i) => i.threat.key === 'ot-manipulation');
    expect(m?.title).toBe('Manipulation of OT and IoT devices: Traffic signals');
    expect(m?.controls.total).toBeGreaterThan(3);
    expect(m?.inherent).toMatchObject({ likelihood: manip?.likelihood, impact: 5 });

    // Covered threats are no longer suggested, and cannot be accepted twice.
    const again = (await admin.get(`/api/v1/systems/${signals.id}/risks/suggestions`)).json() as Suggestions;
    expect(again.items.map((s) => s.threatKey)).not.toContain('ot-manipulation');
    const twice = await admin.post(`/api/v1/systems/${signals.id}/risks/suggestions`, { threatKeys: ['ddos'] });
    expect(twice.statusCode).toBe(400);
    expect((await admin.post(`/api/v1/systems/${signals.id}/risks/suggestions`, { threatKeys: ['defacement'] })).statusCode).toBe(400);

    // Heatmap (inherent beside residual) and top risks.
    const heat = (await admin.get('/api/v1/risks/heatmap')).json();
    expect(heat.open).toBe(2);
    expect(heat.cells).toHaveLength(25);
    const sum = (k: 'inherent' | 'residual') => heat.cells.reduce((a: number, c: Record<string, number>) => a + (c[k] ?? 0), 0);
    expect([sum('inherent'), sum('residual')]).toEqual([2, 2]);
    const cell = heat.cells.find((c: { likelihood: number; impact: number }) => c.likelihood === m?.inherent.likelihood && c.impact === 5);
    expect(cell.inherent).toBeGreaterThanOrEqual(1);
    const top = (await admin.get('/api/v1/risks/top?limit=1')).json().items;
    expect(top).toHaveLength(1);
    expect(top[0].residual.score).toBe(Math.max(...items.map((i) => i.residual.score)));
    const byCell = (await admin.get(`/api/v1/risks?basis=inherent&likelihood=${m?.inherent.likelihood}&impact=5`)).json();
    expect(byCell.items.map((i: Risk) => i.id)).toContain(m?.id);
    expect((await admin.get(`/api/v1/risks/heatmap?systemId=${site.id}`)).json().open).toBe(0);
  });

  it('scopes risks to owners: owners see and edit only their own systems’ risks, auditors read, staff are refused', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const alice = await newMember(h, admin, 'system_owner');
    const bob = await newMember(h, admin, 'system_owner');
    const auditor = await newMember(h, admin, 'auditor');
    const staff = await newMember(h, admin, 'staff');
    const aliceSys = await register(alice.client, 'School meals', 'application', { sector: 'education', personalData: ['children'] });
    const bobSys = await register(bob.client, 'Parking permits', 'application');
    const officerRisk = await createRisk(admin, {
      systemId: bobSys.id,
      threatKey: 'insider-misuse',
      inherent: { likelihood: 2, impact: 3 },
    });

    // Alice records a risk of her own system; she is its owner.
    const own = await createRisk(alice.client, { systemId: aliceSys.id, threatKey: 'data-breach', inherent: { likelihood: 3, impact: 4 } });
    expect(own).toMatchObject({ ownerId: alice.id, editable: true });
    expect((await alice.client.patch(`/api/v1/risks/${own.id}`, { residual: { likelihood: 2, impact: 4 } })).statusCode).toBe(200);
    // …but not of Bob's system (she cannot see it: unknown), nor of a component, nor delete.
    const foreign = await alice.client.post('/api/v1/risks', {
      systemId: bobSys.id,
      threatKey: 'phishing',
      inherent: { likelihood: 2, impact: 2 },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details[0].path).toBe('systemId');
    expect((await alice.client.get(`/api/v1/risks/${officerRisk.id}`)).statusCode).toBe(404);
    expect((await alice.client.patch(`/api/v1/risks/${officerRisk.id}`, { status: 'closed' })).statusCode).toBe(404);
    expect((await alice.client.delete(`/api/v1/risks/${own.id}`)).statusCode).toBe(403);
    expect((await alice.client.get(`/api/v1/systems/${bobSys.id}/risks/suggestions`)).statusCode).toBe(404);
    const comp = (await admin.post('/api/v1/components', { name: 'Central identity service', kind: 'service' })).json();
    expect(
      (await alice.client.post('/api/v1/risks', { componentId: comp.id, threatKey: 'phishing', inherent: { likelihood: 2, impact: 2 } }))
        .statusCode,
    ).toBe(403);
    const compRisk = await createRisk(admin, {
      componentId: comp.id,
      threatKey: 'credential-theft',
      inherent: { likelihood: 3, impact: 4 },
    });

    const ids = async (c: TestClient) => ((await c.get('/api/v1/risks')).json().items as Risk[]).map((r) => r.id).sort();
    expect(await ids(alice.client)).toEqual([own.id]);
    expect(await ids(bob.client)).toEqual([officerRisk.id]);
    // Once her system uses the component, Alice sees (not edits) the component's risk.
    expect((await alice.client.post(`/api/v1/systems/${aliceSys.id}/components`, { componentId: comp.id })).statusCode).toBe(204);
    expect(await ids(alice.client)).toEqual([own.id, compRisk.id].sort());
    const seen = (await alice.client.get(`/api/v1/risks/${compRisk.id}`)).json();
    expect(seen.editable).toBe(false);
    expect((await alice.client.patch(`/api/v1/risks/${compRisk.id}`, { status: 'closed' })).statusCode).toBe(403);
    expect((await alice.client.get('/api/v1/risks/heatmap')).json().open).toBe(2);

    // The auditor reads everything and changes nothing.
    expect((await ids(auditor.client)).length).toBe(3);
    expect((await auditor.client.get(`/api/v1/risks/${own.id}`)).json().editable).toBe(false);
    expect((await auditor.client.patch(`/api/v1/risks/${own.id}`, { status: 'closed' })).statusCode).toBe(403);
    expect(
      (await auditor.client.post('/api/v1/risks', { systemId: aliceSys.id, threatKey: 'phishing', inherent: { likelihood: 1, impact: 1 } }))
        .statusCode,
    ).toBe(403);
    expect((await auditor.client.get('/api/v1/risks/report.pdf')).statusCode).toBe(200);

    // Staff have no access to the register.
    for (const url of [
      '/api/v1/risks',
      `/api/v1/risks/${own.id}`,
      '/api/v1/risks/heatmap',
      '/api/v1/risks/threats',
      '/api/v1/risks/matrix',
    ])
      expect((await staff.client.get(url)).statusCode, url).toBe(403);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const sys = await register(admin, 'Water SCADA', 'ot-iot', { sector: 'water' });
    const ok = await createRisk(admin, { systemId: sys.id, threatKey: 'ot-manipulation', inherent: { likelihood: 2, impact: 5 } });
    const comp = (await admin.post('/api/v1/components', { name: 'Data centre', kind: 'physical' })).json();
    const before = await snapshot(admin);
    const base = { systemId: sys.id, threatKey: 'ransomware', inherent: { likelihood: 3, impact: 3 } };
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['likelihood above the matrix', { ...base, inherent: { likelihood: 6, impact: 3 } }, 'inherent'],
      ['impact zero', { ...base, inherent: { likelihood: 3, impact: 0 } }, 'inherent'],
      ['residual above inherent', { ...base, residual: { likelihood: 3, impact: 4 } }, 'residual.impact'],
      ['unknown system', { ...base, systemId: '01900000-0000-7000-8000-000000000000' }, 'systemId'],
      ['unknown component', { ...base, systemId: undefined, componentId: '01900000-0000-7000-8000-000000000000' }, 'componentId'],
      ['both system and component', { ...base, componentId: comp.id }, 'systemId'],
      ['neither system nor component', { ...base, systemId: undefined }, 'systemId'],
      ['unknown threat', { ...base, threatKey: 'alien-invasion' }, 'threatKey'],
      ['unknown control', { ...base, controlIds: ['nope-1'] }, 'controlIds'],
      ['accept without acceptance', { ...base, treatment: 'accept' }, 'acceptance'],
      ['accept without approver', { ...base, treatment: 'accept', acceptance: { expiresOn: day(30), reason: 'x' } }, 'acceptance'],
      ['accept without expiry', { ...base, treatment: 'accept', acceptance: { approverId: ok.ownerId, reason: 'x' } }, 'acceptance'],
      ['accept without reason', { ...base, treatment: 'accept', acceptance: { approverId: ok.ownerId, expiresOn: day(30) } }, 'acceptance'],
      [
        'accept expired yesterday',
        { ...base, treatment: 'accept', acceptance: { approverId: ok.ownerId, expiresOn: day(-1), reason: 'x' } },
        'acceptance.expiresOn',
      ],
      [
        'accept with impossible date',
        { ...base, treatment: 'accept', acceptance: { approverId: ok.ownerId, expiresOn: '2031-02-30', reason: 'x' } },
        'acceptance',
      ],
      [
        'acceptance with another treatment',
        { ...base, acceptance: { approverId: ok.ownerId, expiresOn: day(30), reason: 'x' } },
        'acceptance',
      ],
      ['transfer to nobody', { ...base, treatment: 'transfer' }, 'transferTo'],
      ['unknown owner', { ...base, ownerId: '01900000-0000-7000-8000-000000000000' }, 'ownerId'],
      ['unknown field', { ...base, severity: 'high' }, ''],
      ['bad treatment', { ...base, treatment: 'ignore' }, 'treatment'],
    ];
    for (const [name, body, path] of cases) {
      const res = await admin.post('/api/v1/risks', body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      const paths = (res.json().error.details as Array<{ path: string }>).map((d) => d.path);
      if (path)
        expect(
          paths.some((p) => p.startsWith(path) || p.includes(path)),
          `${name}: ${paths.join(',')}`,
        ).toBe(true);
    }
    const patches: Array<[string, Record<string, unknown>]> = [
      ['likelihood 9', { inherent: { likelihood: 9, impact: 1 } }],
      ['unknown threat', { threatKey: 'nope' }],
      ['residual above inherent', { residual: { likelihood: 3, impact: 5 } }],
      ['accept in the past', { treatment: 'accept', acceptance: { approverId: ok.ownerId, expiresOn: day(-10), reason: 'x' } }],
      ['bad status', { status: 'archived' }],
      ['bad review date', { reviewDate: '31.12.2026' }],
    ];
    for (const [name, body] of patches) {
      const res = await admin.patch(`/api/v1/risks/${ok.id}`, body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
    }
    const sugg = await admin.post(`/api/v1/systems/${sys.id}/risks/suggestions`, { threatKeys: ['alien-invasion'] });
    expect(sugg.statusCode).toBe(400);
    expect((await admin.post(`/api/v1/systems/${sys.id}/risks/suggestions`, { threatKeys: [] })).statusCode).toBe(400);
    expect((await admin.get('/api/v1/risks?likelihood=7')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/risks?sort=random')).statusCode).toBe(400);
    expect(await snapshot(admin)).toBe(before);
  });

  it('extends the threat catalogue with own threats; built-in ones are read-only; incidents use the catalogue', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const threats = (await admin.get('/api/v1/risks/threats')).json().items as Array<{
      key: string;
      builtIn: boolean;
      mitigations: string[];
    }>;
    expect(threats.length).toBeGreaterThanOrEqual(10);
    expect(threats.every((t) => t.builtIn)).toBe(true);
    expect(threats.find((t) => t.key === 'phishing')?.mitigations).toContain('cs-awa-6');

    const body = {
      key: 'drone-intrusion',
      name: 'Drone intrusion',
      description: 'Drones fly over the water works and disturb operations.',
      dimensions: ['availability', 'integrity'],
      kinds: ['building'],
      sectors: ['water'],
      mitigations: ['cs-hwe-7', 'cs-bcm-2'],
    };
    const created = await admin.post('/api/v1/risks/threats', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ key: 'drone-intrusion', builtIn: false, risks: 0 });
    expect((await admin.post('/api/v1/risks/threats', body)).statusCode).toBe(409);
    expect((await admin.post('/api/v1/risks/threats', { ...body, key: 'phishing' })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/risks/threats', { ...body, key: 'other', mitigations: ['xx-1'] })).json().error.details[0].path).toBe(
      'mitigations',
    );
    expect((await admin.post('/api/v1/risks/threats', { ...body, key: 'other', sectors: ['moon'] })).statusCode).toBe(400);
    expect((await admin.patch('/api/v1/risks/threats/phishing', { name: 'Fishing' })).statusCode).toBe(409);
    expect((await admin.delete('/api/v1/risks/threats/ddos')).statusCode).toBe(409);
    const renamed = await admin.patch('/api/v1/risks/threats/drone-intrusion', { name: 'Drones over critical sites' });
    expect(renamed.json().name).toBe('Drones over critical sites');

    // Suggested for a matching system; usable in a risk and as an incident type.
    const plant = await register(admin, 'Water works building', 'building', { sector: 'water' });
    const sugg = (await admin.get(`/api/v1/systems/${plant.id}/risks/suggestions`)).json().items as Array<{ threatKey: string }>;
    expect(sugg.map((s) => s.threatKey)).toContain('drone-intrusion');
    const risk = await createRisk(admin, { systemId: plant.id, threatKey: 'drone-intrusion', inherent: { likelihood: 2, impact: 3 } });
    expect((risk as unknown as { threat: { name: string; builtIn: boolean } }).threat).toEqual({
      key: 'drone-intrusion',
      name: 'Drones over critical sites',
      builtIn: false,
    });
    expect((await admin.delete('/api/v1/risks/threats/drone-intrusion')).statusCode).toBe(409);
    const inc = await admin.post('/api/v1/incidents', { title: 'Drone seen over the reservoir', type: 'drone-intrusion' });
    expect(inc.statusCode, inc.body).toBe(201);
    expect((await admin.post('/api/v1/incidents', { title: 'Something odd', type: 'alien-invasion' })).statusCode).toBe(400);

    const spare = await admin.post('/api/v1/risks/threats', { ...body, key: 'spare-threat' });
    expect(spare.statusCode).toBe(201);
    expect((await admin.delete('/api/v1/risks/threats/spare-threat')).statusCode).toBe(204);
    const audit = (await admin.get('/api/v1/audit?action=risk_threat.create')).json();
    expect(audit.total).toBe(2);
  });

  it('renders the council-ready "Risks" PDF with the heatmap, top risks and expiring acceptances', async () => {
    const h = get();
    const { admin, adminId } = await newOrganisation(h, `Pdf City ${Date.now()}`);
    const signals = await register(admin, 'Traffic signals', 'ot-iot');
    const site = await register(admin, 'City website', 'website');
    await createRisk(admin, {
      systemId: signals.id,
      threatKey: 'ot-manipulation',
      title: 'Traffic lights switched remotely',
      inherent: { likelihood: 4, impact: 5 },
      residual: { likelihood: 3, impact: 5 },
      controlIds: ['cs-ot-4'],
    });
    await createRisk(admin, {
      systemId: site.id,
      threatKey: 'defacement',
      title: 'Front page defaced before elections',
      inherent: { likelihood: 3, impact: 3 },
      residual: { likelihood: 2, impact: 3 },
      treatment: 'accept',
      acceptance: { approverId: adminId, expiresOn: day(14), reason: 'New platform in autumn.' },
    });
    const res = await admin.get('/api/v1/risks/report.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = readPdf(res.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(1);
    // Table cells wrap: the words of a phrase appear in order, other cells' words may come between.
    if (process.env.RISK_PDF_DEBUG) console.log(text);
    const words = text.split(/\s+/).filter(Boolean);
    const inOrder = (phrase: string) => {
      const [first, ...rest] = phrase.split(' ');
      return words.some((w, start) => {
        if (w !== first) return false;
        let at = start + 1;
        for (const next of rest) {
          const found = words.indexOf(next, at);
          if (found < 0 || found - at > 40) return false;
          at = found + 1;
        }
        return true;
      });
    };
    for (const s of [
      'Risks',
      'Inherent risk (before treatment):',
      'Residual risk (after treatment):',
      'Top risks',
      'Traffic lights switched remotely',
      'Front page defaced before elections',
      'Acceptances ending within 60 days',
      'New platform in autumn.',
      'Almost certain',
      'cs-ot-4',
    ])
      expect(inOrder(s), s).toBe(true);
  });
});
