import { validateOscal } from '@cityshield/core';
import { expect, it } from 'vitest';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';
import { coreSchemaMatchesShared, oscalErrors } from './support/oscal-schemas.js';
import { type AssuranceSeed, seedAssurance } from './support/oscal-seed.js';
import { hasShared, sharedJson } from './support/shared.js';

// biome-ignore lint/suspicious/noExplicitAny: tests reach deep into OSCAL JSON
type J = Record<string, any>;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

/** Generated uuids → their order of first appearance, timestamps → one token, the given names → one token. */
function normalise(doc: unknown, names: string[]): unknown {
  let text = JSON.stringify(doc);
  for (const n of [...names].sort((a, b) => b.length - a.length)) text = text.split(n).join('<NAME>');
  const seen = new Map<string, string>();
  text = text.replace(UUID, (u) => {
    const k = u.toLowerCase();
    if (!seen.has(k)) seen.set(k, `<uuid-${seen.size}>`);
    return seen.get(k) as string;
  });
  return JSON.parse(text.replace(TIME, '<time>'));
}

function expectValid(doc: unknown) {
  const r = oscalErrors(doc);
  expect(r.core, 'core validateOscal').toEqual([]);
  if (hasShared) expect(r.shared, 'official model schema in ../shared').toEqual([]);
  expect(r.version).toBe('1.1.2');
  // Forward check: the same document is also valid OSCAL 1.2.1 (the 1.1.3 release schemas have known defects).
  expect(validateOscal(doc, { version: '1.2.1' }).errors).toEqual([]);
}

async function getJson(c: TestClient, url: string): Promise<J> {
  const res = await c.get(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as J;
}

const tinyCatalog = {
  catalog: {
    uuid: '2f6b3c1e-8a3d-4c6e-9f0a-1b2c3d4e5f60',
    metadata: { title: 'Least privilege excerpt', 'last-modified': '2026-01-01T00:00:00Z', version: '1', 'oscal-version': '1.1.2' },
    groups: [
      {
        id: 'ac',
        title: 'Access Control',
        controls: [
          {
            id: 'ac-6',
            title: 'Least Privilege',
            controls: [{ id: 'ac-6.1', title: 'Authorize Access to Security Functions' }],
          },
        ],
      },
    ],
  },
};

describeOnEachDatabase('OSCAL exports and SSP import', (get) => {
  let seed: AssuranceSeed | undefined;
  const seeded = async () => {
    seed ??= await seedAssurance(get());
    return seed;
  };

  it('checks against the official schemas: the core bundles them byte for byte', () => {
    if (!hasShared) return;
    for (const v of ['1.1.2', '1.1.3', '1.2.1']) expect(coreSchemaMatchesShared(v), v).toBe(true);
  });

  it('exports a system security plan that validates and carries classification, components and statements', async () => {
    const s = await seeded();
    const res = await s.admin.get(`/api/v1/systems/${s.systemId}/oscal/ssp`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('ssp-parking-permits.json');
    const doc = res.json() as J;
    expectValid(doc);
    const ssp = doc['system-security-plan'];
    expect(ssp.metadata['oscal-version']).toBe('1.1.2');
    expect(ssp.metadata.parties.map((p: J) => p.type)).toEqual(['organization', 'person', 'person', 'organization']);
    expect(ssp.metadata['responsible-parties']).toEqual([{ 'role-id': 'system-owner', 'party-uuids': [expect.any(String)] }]);

    // ISKE K3T3S1: K = availability, T = integrity, S = confidentiality.
    const chars = ssp['system-characteristics'];
    expect(chars['system-name']).toBe('Parking permits');
    expect(chars['security-sensitivity-level']).toBe('iske-H');
    expect(chars['security-impact-level']).toEqual({
      'security-objective-confidentiality': 'iske-1',
      'security-objective-integrity': 'iske-3',
      'security-objective-availability': 'iske-3',
    });
    expect(chars.status).toEqual({ state: 'operational' });
    const types = chars['system-information']['information-types'];
    expect(types.map((t: J) => t.title)).toEqual(['Transport service information', 'Personal data', 'Special categories of personal data']);
    expect(types[1]['confidentiality-impact']).toEqual({ base: 'iske-1' });
    expect(chars.props).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'notation', value: 'K3T3S1' }),
        expect.objectContaining({ name: 'protection-need', class: 'availability', value: '3' }),
      ]),
    );

    // The import points into the back-matter at the profile the requirements come from.
    const href: string = ssp['import-profile'].href;
    expect(ssp['back-matter'].resources.map((r: J) => `#${r.uuid}`)).toContain(href);

    const components = ssp['system-implementation'].components;
    expect(components.map((c: J) => [c.type, c.title])).toEqual([
      ['this-system', 'Parking permits'],
      ['service', 'Central identity service'],
    ]);
    const [thisSystem, identity] = components;
    expect(identity['responsible-roles'][0]['role-id']).toBe('provider');

    const reqs: J[] = ssp['control-implementation']['implemented-requirements'];
    expect(reqs).toHaveLength(s.total);
    const of = (controlId: string) => reqs.find((r) => r['control-id'] === controlId) as J;
    const implemented = of(s.req.implemented.controlId);
    expect(implemented.props).toContainEqual({ name: 'implementation-status', value: 'implemented' });
    expect(implemented['by-components']).toEqual([
      expect.objectContaining({
        'component-uuid': thisSystem.uuid,
        description: expect.stringContaining('e-ID login'),
        'implementation-status': { state: 'implemented' },
      }),
    ]);
    expect(implemented['responsible-roles'][0]['role-id']).toBe('implementation-responsible');
    expect(of(s.req.notApplicable.controlId).remarks).toBe('The system keeps no paper records.');
    const inherited = of(s.req.inherited.controlId);
    expect(inherited['by-components']).toEqual([
      expect.objectContaining({
        'component-uuid': identity.uuid,
        description: 'Single sign-on with MFA for every city application.',
        'implementation-status': { state: 'implemented' },
      }),
    ]);
    expect(of(s.req.overridden.controlId).props).toContainEqual(expect.objectContaining({ name: 'inheritance', value: 'overridden' }));

    // Deterministic: a second export differs only in last-modified.
    const again = await getJson(s.admin, `/api/v1/systems/${s.systemId}/oscal/ssp`);
    again['system-security-plan'].metadata['last-modified'] = ssp.metadata['last-modified'];
    expect(again).toEqual(doc);

    const audit = (await s.admin.get('/api/v1/audit?action=oscal.export')).json();
    expect(audit.total).toBeGreaterThanOrEqual(2);
    expect(audit.items[0]).toMatchObject({ entityType: 'system', entityId: s.systemId });
  });

  it('exports the assessment results of an audit: scope, observations, findings and independence', async () => {
    const s = await seeded();
    const res = await s.admin.get(`/api/v1/audits/${s.auditId}/oscal/assessment-results`);
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json() as J;
    expectValid(doc);
    const ar = doc['assessment-results'];
    expect(ar['back-matter'].resources.map((r: J) => `#${r.uuid}`)).toContain(ar['import-ap'].href);
    const [result] = ar.results;
    expect(result).toMatchObject({ title: 'Parking permits audit 2026', start: '2026-01-12T00:00:00Z', end: '2026-02-20T23:59:59Z' });
    const inScope = result['reviewed-controls']['control-selections'][0]['include-controls'].map((c: J) => c['control-id']);
    expect(inScope).toHaveLength(s.total);
    expect(result.attestations[0].parts[0].prose).toContain('have not advised');

    expect(result.observations).toHaveLength(4);
    const satisfied = result.observations.find((o: J) => o.description.startsWith('Login configuration'));
    expect(satisfied.methods).toEqual(['EXAMINE']);
    expect(satisfied['relevant-evidence'][0]).toMatchObject({ description: 'Evidence reviewed: Login configuration' });
    expect(result.observations.find((o: J) => o.description.startsWith('No restore')).methods).toEqual(['TEST']);

    // Not-satisfied, partially and not-applicable results, plus the two recorded findings.
    const findings: J[] = result.findings;
    expect(findings).toHaveLength(5);
    const states = findings.map((f) => f.target.status.state);
    expect(states.filter((x) => x === 'not-satisfied')).toHaveLength(4);
    const na = findings.find((f) => f.target['implementation-status']?.state === 'not-applicable') as J;
    expect(na.target.status.state).toBe('satisfied');
    const logFinding = findings.find((f) => f.title.includes('Logs are not collected centrally')) as J;
    expect(logFinding.props).toContainEqual(expect.objectContaining({ name: 'severity', value: 'high' }));
    expect(logFinding['related-observations']).toHaveLength(1);

    // The implementation statement a finding points at is the SSP's implemented requirement.
    const ssp = await getJson(s.admin, `/api/v1/systems/${s.systemId}/oscal/ssp`);
    const reqUuids = new Set(ssp['system-security-plan']['control-implementation']['implemented-requirements'].map((r: J) => r.uuid));
    for (const f of findings.filter((x) => x['implementation-statement-uuid']))
      expect(reqUuids.has(f['implementation-statement-uuid'])).toBe(true);

    // The auditor of the audit may export it; a system owner may not (no reports:generate).
    expect((await s.auditor.client.get(`/api/v1/audits/${s.auditId}/oscal/assessment-results`)).statusCode).toBe(200);
    const owner = await newMember(get(), s.admin, 'system_owner');
    expect((await owner.client.get(`/api/v1/audits/${s.auditId}/oscal/assessment-results`)).statusCode).toBe(403);
    expect((await s.admin.get('/api/v1/audits/01900000-0000-7000-8000-000000000000/oscal/assessment-results')).statusCode).toBe(404);
  });

  it('exports the plan of action and milestones with milestones, risk acceptance and the findings behind it', async () => {
    const s = await seeded();
    const doc = await getJson(s.admin, '/api/v1/oscal/poam');
    expectValid(doc);
    const poam = doc['plan-of-action-and-milestones'];
    expect(poam['back-matter'].resources.map((r: J) => `#${r.uuid}`)).toContain(poam['import-ssp'].href);
    expect(poam['back-matter'].resources[0].rlinks[0].href).toBe(`/api/v1/systems/${s.systemId}/oscal/ssp`);
    expect(poam['poam-items'].map((i: J) => i.title)).toEqual(['Ship logs to the central collector', 'Rewrite the operating manual']);
    const [open, accepted] = poam['poam-items'];
    expect(open.props).toContainEqual(expect.objectContaining({ name: 'status', value: 'in-progress' }));
    expect(open['related-findings']).toHaveLength(1);
    const risk = poam.risks.find((r: J) => r.uuid === open['related-risks'][0]['risk-uuid']);
    expect(risk).toMatchObject({ status: 'remediating', deadline: '2027-03-31T23:59:59Z' });
    const tasks = risk.remediations[0].tasks;
    expect(tasks.map((t: J) => t.title)).toEqual(['Collector endpoint agreed', 'Logs shipped in production']);
    expect(tasks[0].props).toContainEqual(expect.objectContaining({ name: 'completed' }));
    const acceptedRisk = poam.risks.find((r: J) => r.uuid === accepted['related-risks'][0]['risk-uuid']);
    expect(acceptedRisk.status).toBe('deviation-approved');
    expect(acceptedRisk.remediations[1]).toMatchObject({
      title: 'Risk accepted',
      props: expect.arrayContaining([{ name: 'type', value: 'accept' }]),
    });
    // The same finding and observation carry the same uuid as in the assessment results.
    const ar = await getJson(s.admin, `/api/v1/audits/${s.auditId}/oscal/assessment-results`);
    const arFindings = new Set(ar['assessment-results'].results[0].findings.map((f: J) => f.uuid));
    for (const f of poam.findings) expect(arFindings.has(f.uuid)).toBe(true);
    expect(poam.observations.length).toBe(1);
  });

  it('refuses exports that OSCAL cannot express: an unclassified system, an organisation without actions', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const sys = (await admin.post('/api/v1/systems', { name: 'Unrated', sector: 'water', kind: 'database', hosting: 'cloud' })).json();
    const res = await admin.get(`/api/v1/systems/${sys.id}/oscal/ssp`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('Classify the system');
    expect((await admin.get('/api/v1/oscal/poam')).statusCode).toBe(409);
  });

  it('imports the NIST example SSP: unclassified under ISKE, classified and with its statement under FIPS 199', async () => {
    if (!hasShared) return;
    const h = get();
    const example = sharedJson('examples/ssp/ifa_ssp-example.json');

    const iske = await newOrganisation(h);
    const res = await iske.admin.post('/api/v1/oscal/ssp/import', example);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.system).toMatchObject({ name: 'IFA GoodRead', lifecycle: 'production', securityLevel: null });
    expect(r.system.description).toBe('This system acts as a link shortener for IFA employees');
    expect(r.classification).toMatchObject({ classified: false, method: 'iske' });
    expect(r.classification.note).toContain('do not map cleanly');
    expect(r.imported).toMatchObject({
      securitySensitivityLevel: 'moderate',
      impacts: { confidentiality: 'low', integrity: 'medium', availability: 'low' },
    });
    expect(r.requirements).toEqual({ inSsp: 1, matched: 0, unmatched: ['ac-6.1'] });
    expect(r.defaults).toEqual(expect.arrayContaining([expect.stringContaining('sector: public-administration')]));

    // Under FIPS 199, with MODERATE mapped to a catalog that has AC-6(1), the statement lands on the requirement.
    const fips = await newOrganisation(h);
    expect((await fips.admin.request('PUT', '/api/v1/classification/method', { method: 'fips-199' })).statusCode).toBe(200);
    const cat = await fips.admin.post('/api/v1/catalogs/import?source=least-privilege.json', tinyCatalog);
    expect(cat.statusCode, cat.body).toBe(201);
    const mapped = await fips.admin.request('PUT', '/api/v1/baselines/mapping', {
      levels: { moderate: cat.json().version.id },
      narrowByKind: false,
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const imported = await fips.admin.post('/api/v1/oscal/ssp/import', example);
    expect(imported.statusCode, imported.body).toBe(201);
    const f = imported.json();
    expect(f.classification).toMatchObject({
      classified: true,
      levels: { confidentiality: 'low', integrity: 'moderate', availability: 'low' },
      securityLevel: 'moderate',
    });
    expect(f.requirements).toEqual({ inSsp: 1, matched: 1, unmatched: [] });
    const history = (await fips.admin.get(`/api/v1/systems/${f.system.id}/classification/history`)).json();
    expect(history.items[0].reason).toBe('Imported from OSCAL SSP');
    const reqs = (await fips.admin.get(`/api/v1/requirements?systemId=${f.system.id}&controlId=ac-6.1`)).json();
    const detail = (await fips.admin.get(`/api/v1/requirements/${reqs.items[0].id}`)).json();
    expect(detail).toMatchObject({ status: 'implemented', statement: expect.stringContaining('least privilege') });
    // And the imported system exports again as valid OSCAL.
    expectValid(await getJson(fips.admin, `/api/v1/systems/${f.system.id}/oscal/ssp`));
  });

  it('refuses a malformed SSP, another model, a taken name and callers without systems:manage-all, storing nothing', async () => {
    const s = await seeded();
    const db = get().runtime.ctx.db;
    const count = async () => ({
      systems: Number(
        (
          await db
            .selectFrom('systems')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('org_id', '=', s.orgId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
      audit: Number(
        (
          await db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('org_id', '=', s.orgId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    });
    const before = await count();
    const ssp = await getJson(s.admin, `/api/v1/systems/${s.systemId}/oscal/ssp`);
    const afterExport = await count();
    expect(afterExport.audit).toBe(before.audit + 1);

    const broken = structuredClone(ssp);
    delete broken['system-security-plan']['system-characteristics'];
    broken['system-security-plan'].uuid = 'not-a-uuid';
    const bad = await s.admin.post('/api/v1/oscal/ssp/import?name=Broken', broken);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Nothing was imported');
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/system-security-plan/uuid', '/system-security-plan']));

    const notSsp = await s.admin.post('/api/v1/oscal/ssp/import', tinyCatalog);
    expect(notSsp.statusCode).toBe(400);
    expect(notSsp.json().error.message).toContain('not a system security plan');

    const taken = await s.admin.post('/api/v1/oscal/ssp/import', ssp);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('?name=');

    expect((await s.auditor.client.post('/api/v1/oscal/ssp/import?name=Mine', ssp)).statusCode).toBe(403);
    expect(
      (await s.admin.request('POST', '/api/v1/oscal/ssp/import', '{"system-security-plan": {', { 'content-type': 'application/json' }))
        .statusCode,
    ).toBe(400);
    expect(await count()).toEqual(afterExport);
  });

  it('round-trips: export → import as a new system → export gives the same document apart from uuids, names and times', async () => {
    const s = await seeded();
    const first = await getJson(s.admin, `/api/v1/systems/${s.systemId}/oscal/ssp`);
    const copyName = 'Permits for parking (copy)';
    const res = await s.admin.post(`/api/v1/oscal/ssp/import?name=${encodeURIComponent(copyName)}`, first);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.classification).toMatchObject({ classified: true, securityLevel: 'H', notation: 'K3T3S1' });
    expect(r.requirements).toMatchObject({ inSsp: s.total, matched: s.total, unmatched: [] });
    expect(r.components).toEqual({ linked: [{ id: s.componentId, name: 'Central identity service' }], unmatched: [] });
    expect(r.defaults).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.system).toMatchObject({ ownerId: s.owner.id, sector: 'transport', hosting: 'cloud', supplier: 'ParkSoft OÜ' });

    const second = await getJson(s.admin, `/api/v1/systems/${r.system.id}/oscal/ssp`);
    expectValid(second);
    expect(normalise(second, [copyName])).toEqual(normalise(first, [s.systemName]));
    const imported = (await s.admin.get('/api/v1/audit?action=oscal.import')).json();
    expect(imported.items[0]).toMatchObject({ entityId: r.system.id });
  });
});
