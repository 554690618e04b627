import { expect, it } from 'vitest';
import { HIGH } from './support/answers.js';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

const levels = [
  { key: 'green', name: 'Green', rank: 0 },
  { key: 'amber', name: 'Amber', rank: 1 },
  { key: 'red', name: 'Red', rank: 2 },
];
/** A city's own two-dimension method: privacy and continuity, green/amber/red. */
const ownMethod = {
  key: 'city-traffic-light',
  name: 'City traffic-light model',
  description: 'Privacy and continuity rated green, amber or red; the worst colour wins.',
  dimensions: [
    { key: 'privacy', name: 'Privacy', shortName: 'P', levels },
    { key: 'continuity', name: 'Continuity', shortName: 'C', levels },
  ],
  securityLevels: [
    { key: 'basic', name: 'Basic', rank: 0 },
    { key: 'elevated', name: 'Elevated', rank: 1 },
    { key: 'critical', name: 'Critical', rank: 2 },
  ],
  securityLevelRule: { kind: 'max-rank-table', table: { 0: 'basic', 1: 'elevated', 2: 'critical' } },
};
const questions = [
  {
    id: 'citizens-data',
    dimension: 'privacy',
    text: 'Does it hold data about citizens?',
    options: [
      { id: 'no', text: 'No', implies: [{ dimension: 'privacy', level: 'green' }], reason: 'No citizen data.' },
      {
        id: 'yes',
        text: 'Yes, health or social data',
        implies: [{ dimension: 'privacy', level: 'red' }],
        reason: 'Sensitive citizen data.',
      },
    ],
  },
  {
    id: 'outage',
    dimension: 'continuity',
    text: 'Can the city work a day without it?',
    options: [
      { id: 'yes', text: 'Yes', implies: [{ dimension: 'continuity', level: 'green' }], reason: 'A day is tolerable.' },
      { id: 'no', text: 'No', implies: [{ dimension: 'continuity', level: 'amber' }], reason: 'Needed daily.' },
    ],
  },
];

async function register(c: TestClient, name: string, kind = 'application') {
  return (await c.post('/api/v1/systems', { name, sector: 'health', kind, hosting: 'cloud' })).json() as { id: string };
}

describeOnEachDatabase('own classification methods and deviations', (get) => {
  it('defines an own method with a questionnaire, uses it, and protects it while in use', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const owner = await newMember(h, admin, 'system_owner');
    expect((await owner.client.request('PUT', '/api/v1/classification/methods/city-traffic-light', { method: ownMethod })).statusCode).toBe(
      403,
    );

    const broken = await admin.request('PUT', '/api/v1/classification/methods/city-traffic-light', {
      method: { ...ownMethod, securityLevelRule: { kind: 'max-rank-table', table: { 0: 'basic', 1: 'nope', 2: 'critical' } } },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details[0].path).toContain('method.');
    const badQuestions = await admin.request('PUT', '/api/v1/classification/methods/city-traffic-light', {
      method: ownMethod,
      questions: [questions[0]],
    });
    expect(badQuestions.statusCode).toBe(400); // continuity can never be rated
    expect(
      badQuestions
        .json()
        .error.details.map((d: { message: string }) => d.message)
        .join(),
    ).toContain('continuity');
    expect((await admin.request('PUT', '/api/v1/classification/methods/iske', { method: { ...ownMethod, key: 'iske' } })).statusCode).toBe(
      409,
    );

    const ok = await admin.request('PUT', '/api/v1/classification/methods/city-traffic-light', { method: ownMethod, questions });
    expect(ok.statusCode, ok.body).toBe(200);
    const listed = (await admin.get('/api/v1/classification/methods')).json();
    expect(listed.custom.map((m: { key: string }) => m.key)).toEqual(['city-traffic-light']);
    expect(listed.current).toBe('iske');

    expect((await admin.request('PUT', '/api/v1/classification/method', { method: 'city-traffic-light' })).statusCode).toBe(200);
    const m = (await admin.get('/api/v1/classification/method')).json();
    expect(m.method.key).toBe('city-traffic-light');
    expect(m.questions).toHaveLength(2);
    expect(m.available.map((a: { key: string }) => a.key)).toContain('city-traffic-light');

    const sys = await register(admin, 'Home care register', 'database');
    const res = await admin.post(`/api/v1/systems/${sys.id}/classification`, { answers: { 'citizens-data': 'yes', outage: 'no' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().classification).toMatchObject({ securityLevel: 'critical', levels: { privacy: 'red', continuity: 'amber' } });
    // The default mapping spreads the own levels over the City Baseline: critical → high.
    expect((await admin.get(`/api/v1/requirements?systemId=${sys.id}`)).json().total).toBeGreaterThan(0);
    const mapping = (await admin.get('/api/v1/baselines/mapping')).json();
    expect(mapping.levels.map((l: { level: string }) => l.level)).toEqual(['basic', 'elevated', 'critical']);

    // In use: neither changed nor deleted.
    expect(
      (await admin.request('PUT', '/api/v1/classification/methods/city-traffic-light', { method: ownMethod, questions })).statusCode,
    ).toBe(409);
    expect((await admin.delete('/api/v1/classification/methods/city-traffic-light')).statusCode).toBe(409);
    // Back to ISKE: the own method's classifications stay as history, the system waits for reclassification.
    await admin.request('PUT', '/api/v1/classification/method', { method: 'iske' });
    expect((await admin.get(`/api/v1/systems/${sys.id}`)).json()).toMatchObject({ securityLevel: null, reviewDue: null });
    expect((await admin.get(`/api/v1/requirements?systemId=${sys.id}`)).json().total).toBe(0);
  });

  it('gives every built-in method with its definition, so that any of them can start an own method', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const listed = (await admin.get('/api/v1/classification/methods')).json();
    expect(listed.builtIn.map((m: { key: string }) => m.key)).toEqual(expect.arrayContaining(['iske', 'fips-199']));
    for (const b of listed.builtIn) {
      expect(b.method.key).toBe(b.key);
      expect(b.method.dimensions.length).toBeGreaterThan(0);
      expect(Array.isArray(b.questions)).toBe(true);
    }
    // A copy of a method that is not the one in use, saved under a key of our own.
    const fips = listed.builtIn.find((m: { key: string }) => m.key === 'fips-199');
    const copy = await admin.request('PUT', '/api/v1/classification/methods/our-fips', {
      method: { ...fips.method, key: 'our-fips', name: 'Our FIPS 199' },
      questions: fips.questions,
    });
    expect(copy.statusCode, copy.body).toBe(200);
    expect(copy.json().questions).toHaveLength(fips.questions.length);
  });

  it('records cumulation and distribution only with a justification and recomputes the needs', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const owner = await newMember(h, admin, 'system_owner');
    const app = await register(admin, 'Ambulance dispatch');
    const server = await register(admin, 'Dispatch server cluster', 'network');
    await admin.post(`/api/v1/systems/${app.id}/dependencies`, { dependsOnId: server.id });
    await admin.post(`/api/v1/systems/${app.id}/classification`, { answers: HIGH });
    expect((await admin.get(`/api/v1/systems/${server.id}`)).json().securityLevel).toBe('H');
    const before = (await admin.get(`/api/v1/requirements?systemId=${server.id}`)).json().total;

    const url = `/api/v1/systems/${server.id}/deviations/availability`;
    expect((await admin.request('PUT', url, { kind: 'distribution', justification: '   ' })).statusCode).toBe(400);
    expect((await owner.client.request('PUT', url, { kind: 'distribution', justification: 'Redundant pair' })).statusCode).toBe(403);
    expect(
      (await admin.request('PUT', `/api/v1/systems/${server.id}/deviations/colour`, { kind: 'distribution', justification: 'x' }))
        .statusCode,
    ).toBe(400);
    for (const dimension of ['confidentiality', 'integrity', 'availability']) {
      const r = await admin.request('PUT', `/api/v1/systems/${server.id}/deviations/${dimension}`, {
        kind: 'distribution',
        justification: 'Two redundant servers in separate rooms; one failing does not stop dispatch.',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const lowered = (await admin.get(`/api/v1/systems/${server.id}`)).json();
    expect(lowered.securityLevel).toBe('M');
    expect((await admin.get(`/api/v1/requirements?systemId=${server.id}`)).json().total).toBeLessThan(before);
    const current = (await admin.get(`/api/v1/systems/${server.id}/classification`)).json();
    expect(current.effective.provenance.find((p: { dimension: string }) => p.dimension === 'availability').source).toBe('distribution');
    expect((await admin.get(`/api/v1/systems/${server.id}/deviations`)).json().items).toHaveLength(3);
    const audit = (await admin.get('/api/v1/audit?action=system.deviation_set')).json();
    expect(audit.total).toBe(3);
    // Removing them restores the plain maximum.
    for (const dimension of ['confidentiality', 'integrity', 'availability']) {
      expect((await admin.delete(`/api/v1/systems/${server.id}/deviations/${dimension}`)).statusCode).toBe(200);
    }
    expect((await admin.get(`/api/v1/systems/${server.id}`)).json().securityLevel).toBe('H');
    expect((await admin.delete(`/api/v1/systems/${server.id}/deviations/availability`)).statusCode).toBe(404);
  });
});
