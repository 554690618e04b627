import { expect, it } from 'vitest';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

const HIGH = {
  'outage-day': 'safety-at-risk',
  'physical-equipment': 'controls',
  'wrong-data-decisions': 'health-or-safety',
  'personal-data': 'none',
  'other-information': 'internal',
  'tolerable-downtime': 'hours',
  'official-record': 'no',
  'who-did-what': 'useful',
};
const LOW = { 'outage-day': 'inconvenient', 'personal-data': 'contact', 'other-information': 'internal', 'wrong-data-decisions': 'minor' };

async function register(client: TestClient, name: string, kind = 'application') {
  const res = await client.post('/api/v1/systems', { name, sector: 'transport', kind, hosting: 'on-premises' });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string };
}

describeOnEachDatabase('classification', (get) => {
  it('scores the questionnaire into an ISKE class with reasons and a review date', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const m = (await admin.get('/api/v1/classification/method')).json();
    expect(m.method.key).toBe('iske');
    expect(m.questions.length).toBeGreaterThanOrEqual(6);
    const tls = await register(admin, 'Traffic signal control', 'ot-iot');
    const res = await admin.post(`/api/v1/systems/${tls.id}/classification`, { answers: HIGH });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().classification).toMatchObject({ notation: 'K3T3S1', securityLevel: 'H', levels: { availability: '3' } });
    expect(res.json().classification.reviewDue).toMatch(/^\d{4}-\d{2}-\d{2}/);
    const current = (await admin.get(`/api/v1/systems/${tls.id}/classification`)).json();
    expect(current.effective).toMatchObject({ securityLevel: 'H' });
    expect(current.latest.explanation.reasons.availability[0].questionId).toBeDefined();
    expect((await admin.post(`/api/v1/systems/${tls.id}/classification`, { answers: { 'outage-day': 'no-such-option' } })).statusCode).toBe(
      400,
    );
    expect((await admin.post(`/api/v1/systems/${tls.id}/classification`, { answers: { 'no-such-question': 'x' } })).statusCode).toBe(400);
  });

  it('needs a written reason for an override and keeps the history', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const reg = await register(admin, 'Social benefits register', 'database');
    await admin.post(`/api/v1/systems/${reg.id}/classification`, { answers: LOW });
    const noReason = await admin.post(`/api/v1/systems/${reg.id}/classification`, {
      answers: LOW,
      overrides: { confidentiality: { level: '3', reason: '' } },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('reason');
    const ok = await admin.post(`/api/v1/systems/${reg.id}/classification`, {
      answers: LOW,
      overrides: { confidentiality: { level: '3', reason: 'Holds data on children in care.' } },
      reason: 'Reviewed with the data-protection officer',
    });
    expect(ok.json().classification).toMatchObject({ notation: 'K1T1S3', securityLevel: 'H' });
    const history = (await admin.get(`/api/v1/systems/${reg.id}/classification/history`)).json().items;
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ reason: 'Reviewed with the data-protection officer', classifiedByName: 'Ada Admin' });
    expect(history[1].notation).toBe('K1T1S1');
  });

  it('passes protection needs down dependencies by the maximum principle and reports what changed', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const web = await register(admin, 'City website', 'website');
    const app = await register(admin, 'Permit application');
    const db = await register(admin, 'Permit database', 'database');
    await admin.post(`/api/v1/systems/${web.id}/dependencies`, { dependsOnId: app.id });
    await admin.post(`/api/v1/systems/${app.id}/dependencies`, { dependsOnId: db.id });
    await admin.post(`/api/v1/systems/${db.id}/classification`, { answers: LOW });
    const res = (await admin.post(`/api/v1/systems/${web.id}/classification`, { answers: HIGH })).json();
    expect(res.changes.map((c: { name: string }) => c.name).sort()).toEqual(['City website', 'Permit application', 'Permit database']);
    const dbNeed = (await admin.get(`/api/v1/systems/${db.id}/classification`)).json();
    expect(dbNeed.latest.securityLevel).toBe('L');
    expect(dbNeed.effective.securityLevel).toBe('H');
    const availability = dbNeed.effective.provenance.find((p: { dimension: string }) => p.dimension === 'availability');
    expect(availability.source).toBe('inherited');
    expect(availability.origin.name).toBe('City website');
  });

  it('lets owners classify their own systems only, and the officer choose the method', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const owner = await newMember(h, admin, 'system_owner');
    const auditor = await newMember(h, admin, 'auditor');
    const mine = await register(owner.client, 'School meals');
    const theirs = await register(admin, 'Payroll');
    expect((await owner.client.post(`/api/v1/systems/${mine.id}/classification`, { answers: LOW })).statusCode).toBe(201);
    expect((await owner.client.post(`/api/v1/systems/${theirs.id}/classification`, { answers: LOW })).statusCode).toBe(404);
    expect((await auditor.client.post(`/api/v1/systems/${mine.id}/classification`, { answers: LOW })).statusCode).toBe(403);
    expect((await auditor.client.get(`/api/v1/systems/${mine.id}/classification`)).json().latest.notation).toBe('K1T1S1');
    expect((await owner.client.request('PUT', '/api/v1/classification/method', { method: 'bsi-200-2' })).statusCode).toBe(403);
    const changed = await admin.request('PUT', '/api/v1/classification/method', { method: 'bsi-200-2' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().method.key).toBe('bsi-200-2');
    expect((await admin.request('PUT', '/api/v1/classification/method', { method: 'astrology' })).statusCode).toBe(400);
  });
});
