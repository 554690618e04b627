import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newMember, newOrganisation, STRONG_PASSWORD, TestClient } from './support/client.js';
import { describeOnEachDatabase, type Harness, startHarness, stopHarness } from './support/harness.js';
import { mailText, startSmtp } from './support/smtp.js';

/** Attempts to get more than one is given: each must be refused and change nothing. */
describeOnEachDatabase('abuse', (get) => {
  it('a token holding users:manage cannot invite or make an administrator, nor reset one', async () => {
    const h = get();
    const { admin, adminId } = await newOrganisation(h);
    const officer = await newMember(h, admin, 'security_officer');
    const t = (
      await admin.post('/api/v1/tokens', {
        name: 'hr-sync',
        permissions: ['users:manage', 'users:read', 'catalogs:read', 'incidents:report'],
        expiresInDays: 1,
      })
    ).json();
    const bot = new TestClient(h.built.app);
    bot.bearer = t.secret;
    const res = await bot.post('/api/v1/invitations', { email: 'mallory@example.org', role: 'admin' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.map((d: { message: string }) => d.message)).toContain('requires audit:read');
    expect((await bot.patch(`/api/v1/users/${officer.id}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await bot.post(`/api/v1/users/${adminId}/reset-link`)).statusCode).toBe(403);
    expect((await bot.post('/api/v1/invitations', { email: 'staff@example.org', role: 'staff' })).statusCode).toBe(201);
  });

  it('a burst of parallel guesses gets no more tries than the lockout allows', async () => {
    const h = get();
    const { email } = await newOrganisation(h);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new TestClient(h.built.app).post('/api/v1/auth/login', { email, password: `parallel guess ${i}` }),
      ),
    );
    const judged = results.filter((r) => r.statusCode === 401).length;
    expect(judged).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(15);
    expect((await new TestClient(h.built.app).post('/api/v1/auth/login', { email, password: STRONG_PASSWORD })).statusCode).toBe(429);
  });

  it('system owners can neither depend on nor see systems they do not own', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const owner = await newMember(h, admin, 'system_owner');
    const mine = (
      await owner.client.post('/api/v1/systems', { name: 'My app', sector: 'transport', kind: 'application', hosting: 'cloud' })
    ).json();
    const secret = (
      await admin.post('/api/v1/systems', { name: 'Hidden register', sector: 'public-safety', kind: 'database', hosting: 'on-premises' })
    ).json();
    const dep = await owner.client.post(`/api/v1/systems/${mine.id}/dependencies`, { dependsOnId: secret.id });
    expect(dep.statusCode).toBe(400);
    await admin.post(`/api/v1/systems/${mine.id}/dependencies`, { dependsOnId: secret.id });
    const graph = (await owner.client.get(`/api/v1/systems/${mine.id}/graph`)).json();
    expect(JSON.stringify(graph)).not.toContain('Hidden register');
  });

  it('a department that still has systems is not deleted (409, not 500)', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const dept = (await admin.post('/api/v1/departments', { name: 'Water' })).json();
    await admin.post('/api/v1/systems', { name: 'Pumps', sector: 'water', kind: 'ot-iot', hosting: 'on-premises', departmentId: dept.id });
    const res = await admin.delete(`/api/v1/departments/${dept.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('1 systems');
  });

  it('deeply nested OSCAL is refused with 400 before validation can overflow', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    let part: Record<string, unknown> = { id: 'p0', name: 'item', prose: 'x' };
    for (let i = 1; i < 2000; i++) part = { id: `p${i}`, name: 'item', parts: [part] };
    const doc = {
      catalog: {
        uuid: '5a3d1c8e-1f2b-4c5d-8e9f-0a1b2c3d4e5f',
        metadata: { title: 'Deep', version: '1', 'oscal-version': '1.1.2', 'last-modified': '2026-11-25T00:00:00Z' },
        controls: [{ id: 'c-1', title: 'Deep', parts: [part] }],
      },
    };
    const v = await admin.post('/api/v1/oscal/validate', doc);
    expect(v.statusCode).toBe(200);
    expect(v.json().valid).toBe(false);
    expect(v.json().errors[0].message).toContain('nesting');
    expect((await admin.post('/api/v1/catalogs/import', doc)).statusCode).toBe(400);
  });
});

describe('e-mail secrets and repeated reset requests', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: Harness;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startHarness('sqlite', { env: { SMTP_URL: smtp.url } });
  });
  afterAll(async () => {
    await stopHarness(h);
    await smtp.close();
  });

  it('a second reset request keeps the e-mailed link valid, and sent e-mails leave no link in the job table', async () => {
    const { email } = await newOrganisation(h, 'Reset City');
    const anon = new TestClient(h.built.app);
    await anon.post('/api/v1/auth/password-reset/request', { email });
    await anon.post('/api/v1/auth/password-reset/request', { email });
    await h.runtime.runner.drain();
    const mails = smtp.mails.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    const token = new URL(
      mailText(mails[0]?.raw ?? '').match(/http:\/\/\S+reset-password\/complete\?token=[\w-]+/)?.[0] ?? 'http://x',
    ).searchParams.get('token');
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'violet canyon drumbeat' })).statusCode).toBe(204);
    const payloads = await h.runtime.ctx.db.selectFrom('jobs').select('payload').where('name', '=', 'send-email').execute();
    expect(payloads.length).toBeGreaterThan(0);
    for (const p of payloads) expect(p.payload).not.toContain('token=');
  });
});
