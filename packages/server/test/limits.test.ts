import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrganisation, STRONG_PASSWORD, TestClient, uniqueEmail } from './support/client.js';
import { type Harness, startHarness, stopHarness } from './support/harness.js';

describe('per-address login limit and expiring links', () => {
  let h: Harness;
  let now = new Date('2026-11-25T08:00:00Z');
  beforeAll(async () => {
    h = await startHarness('sqlite', {
      env: { LOGIN_IP_MAX_FAILURES: '4', TRUST_PROXY: 'true' },
      clock: { now: () => new Date(now) },
    });
  });
  afterAll(() => stopHarness(h));

  it('refuses a client address after too many failures across different accounts', async () => {
    const { email } = await newOrganisation(h);
    const anon = new TestClient(h.built.app);
    const from = { 'x-forwarded-for': '203.0.113.9' };
    for (let i = 0; i < 4; i++)
      await anon.request('POST', '/api/v1/auth/login', { email: uniqueEmail('spray'), password: 'some long guess' }, from);
    const blocked = await anon.request('POST', '/api/v1/auth/login', { email, password: STRONG_PASSWORD }, from);
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await anon.request(
      'POST',
      '/api/v1/auth/login',
      { email, password: STRONG_PASSWORD },
      { 'x-forwarded-for': '198.51.100.7' },
    );
    expect(elsewhere.statusCode).toBe(200);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await anon.request('POST', '/api/v1/auth/login', { email, password: STRONG_PASSWORD }, from)).statusCode).toBe(200);
  });

  it('refuses an invitation link after seven days', async () => {
    const { admin, email } = await newOrganisation(h);
    const inv = (await admin.post('/api/v1/invitations', { email: uniqueEmail('late'), role: 'staff' })).json();
    const token = new URL(inv.link).searchParams.get('token');
    now = new Date(now.getTime() + 7 * 24 * 60 * 60_000 + 60_000);
    const anon = new TestClient(h.built.app);
    expect((await anon.get(`/api/v1/invitations/lookup?token=${token}`)).statusCode).toBe(410);
    expect((await anon.post('/api/v1/invitations/accept', { token, name: 'Late', password: STRONG_PASSWORD })).statusCode).toBe(410);
    await admin.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
    const listed = (await admin.get('/api/v1/invitations?status=expired')).json();
    expect(listed.total).toBe(1);
  });
});

describe('one-time links expire', () => {
  let h: Harness;
  let now = new Date('2026-11-25T08:00:00Z');
  beforeAll(async () => {
    h = await startHarness('sqlite', { clock: { now: () => new Date(now) } });
  });
  afterAll(() => stopHarness(h));

  it('refuses the set-up link after an hour', async () => {
    const link = await h.runtime.services.account.issueSetupLink();
    const token = new URL(link ?? '').searchParams.get('token');
    now = new Date(now.getTime() + 61 * 60_000);
    const res = await new TestClient(h.built.app).post('/api/v1/setup', {
      token,
      organisationName: 'Late City',
      name: 'Ann',
      email: 'ann@late.example',
      password: STRONG_PASSWORD,
    });
    expect(res.statusCode).toBe(410);
    expect((await new TestClient(h.built.app).get('/api/v1/setup/status')).json()).toEqual({ needsSetup: true });
  });

  it('refuses a password-reset link after an hour', async () => {
    const { admin, adminId } = await newOrganisation(h);
    const link = (await admin.post(`/api/v1/users/${adminId}/reset-link`)).json().link;
    const token = new URL(link).searchParams.get('token');
    now = new Date(now.getTime() + 61 * 60_000);
    const res = await new TestClient(h.built.app).post('/api/v1/auth/password-reset/complete', {
      token,
      password: 'violet canyon drumbeat',
    });
    expect(res.statusCode).toBe(410);
  });
});
