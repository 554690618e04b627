import { describe, expect, it } from 'vitest';
import { newMember, newOrganisation, STRONG_PASSWORD, TestClient, uniqueEmail } from './support/client.js';
import { describeOnEachDatabase, startHarness, stopHarness } from './support/harness.js';

describeOnEachDatabase('first-run set-up', (get) => {
  it('offers set-up until an administrator exists, with a one-time link', async () => {
    const h = get();
    const anon = new TestClient(h.built.app);
    expect((await anon.get('/api/v1/setup/status')).json()).toEqual({ needsSetup: true });
    const link = await h.runtime.services.account.issueSetupLink();
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    expect(link).toMatch(/^http:\/\/localhost:8080\/setup\?token=/);

    const bad = await anon.post('/api/v1/setup', {
      token: 'x'.repeat(20),
      organisationName: 'Tartu',
      name: 'Ann',
      email: 'ann@tartu.ee',
      password: STRONG_PASSWORD,
    });
    expect(bad.statusCode).toBe(410);

    const ok = await anon.post('/api/v1/setup', {
      token,
      organisationName: 'Tartu',
      name: 'Ann',
      email: 'ann@tartu.ee',
      password: STRONG_PASSWORD,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user).toMatchObject({ role: 'admin', orgName: 'Tartu' });
    expect((await anon.get('/api/v1/auth/me')).json().user.email).toBe('ann@tartu.ee');
    expect((await anon.get('/api/v1/setup/status')).json()).toEqual({ needsSetup: false });

    const again = await new TestClient(h.built.app).post('/api/v1/setup', {
      token,
      organisationName: 'Other',
      name: 'Eve',
      email: 'eve@x.ee',
      password: STRONG_PASSWORD,
    });
    expect(again.statusCode).toBe(410);
    expect(await h.runtime.services.account.issueSetupLink()).toBeNull();
  });
});

describeOnEachDatabase('log in and sessions', (get) => {
  it('sets an HttpOnly SameSite=Lax cookie, not Secure on http', async () => {
    const h = get();
    const { email } = await newOrganisation(h);
    const res = await h.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'cs_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
  });

  it('answers unknown user and wrong password the same way', async () => {
    const h = get();
    const { email } = await newOrganisation(h);
    const anon = new TestClient(h.built.app);
    const wrong = await anon.post('/api/v1/auth/login', { email, password: 'not the right one at all' });
    const unknown = await anon.post('/api/v1/auth/login', { email: uniqueEmail('nobody'), password: 'not the right one at all' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks an account after repeated failures, for known and unknown e-mails alike', async () => {
    const h = get();
    const { email } = await newOrganisation(h);
    const anon = new TestClient(h.built.app);
    const headers = { 'x-forwarded-for': '1.1.1.1' };
    for (let i = 0; i < 5; i++) await anon.request('POST', '/api/v1/auth/login', { email, password: `wrong password ${i}` }, headers);
    const locked = await anon.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
    expect(locked.statusCode).toBe(429);
    const ghost = uniqueEmail('ghost');
    for (let i = 0; i < 5; i++) await anon.post('/api/v1/auth/login', { email: ghost, password: `wrong password ${i}` });
    const ghostLocked = await anon.post('/api/v1/auth/login', { email: ghost, password: 'anything long enough' });
    expect(ghostLocked.statusCode).toBe(429);
    expect(ghostLocked.json()).toEqual(locked.json());
    const users = await h.runtime.ctx.db
      .selectFrom('users')
      .select(['id', 'locked_until'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(users.locked_until).not.toBeNull();
  });

  it('an administrator can lift a lockout at once', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const m = await newMember(h, admin, 'staff');
    const anon = new TestClient(h.built.app);
    for (let i = 0; i < 5; i++) await anon.post('/api/v1/auth/login', { email: m.email, password: `wrong password ${i}` });
    expect((await admin.get(`/api/v1/users/${m.id}`)).json().status).toBe('locked');
    expect((await anon.post('/api/v1/auth/login', { email: m.email, password: STRONG_PASSWORD })).statusCode).toBe(429);
    const res = await admin.post(`/api/v1/users/${m.id}/unlock`);
    expect(res.json().status).toBe('active');
    expect((await anon.post('/api/v1/auth/login', { email: m.email, password: STRONG_PASSWORD })).statusCode).toBe(200);
  });

  it('logs out this session, or every session', async () => {
    const h = get();
    const { admin, email } = await newOrganisation(h);
    const second = new TestClient(h.built.app);
    await second.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
    const sessions = (await admin.get('/api/v1/profile/sessions')).json().items;
    expect(sessions.length).toBe(2);
    expect(sessions.filter((s: { current: boolean }) => s.current).length).toBe(1);
    expect((await second.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(401);
    const third = new TestClient(h.built.app);
    await third.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
    expect((await admin.post('/api/v1/auth/logout-all')).statusCode).toBe(204);
    expect((await third.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('refuses cookie-authenticated changes without the CSRF token', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const csrf = admin.csrf;
    admin.csrf = null;
    const res = await admin.post('/api/v1/departments', { name: 'Transport' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
    admin.csrf = 'forged-token-value';
    expect((await admin.post('/api/v1/departments', { name: 'Transport' })).statusCode).toBe(403);
    admin.csrf = csrf;
    expect((await admin.post('/api/v1/departments', { name: 'Transport' })).statusCode).toBe(201);
  });

  it('changing the password ends the other sessions and needs the current one', async () => {
    const h = get();
    const { admin, email } = await newOrganisation(h);
    const other = new TestClient(h.built.app);
    await other.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
    const wrong = await admin.post('/api/v1/profile/password', {
      currentPassword: 'not my password at all',
      newPassword: 'maple harbour lighthouse',
    });
    expect(wrong.statusCode).toBe(400);
    const weak = await admin.post('/api/v1/profile/password', { currentPassword: STRONG_PASSWORD, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe('newPassword');
    expect(
      (await admin.post('/api/v1/profile/password', { currentPassword: STRONG_PASSWORD, newPassword: 'maple harbour lighthouse' }))
        .statusCode,
    ).toBe(204);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('password reset links work once and end every session', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const member = await newMember(h, admin, 'staff');
    const res = await admin.post(`/api/v1/users/${member.id}/reset-link`);
    expect(res.statusCode).toBe(201);
    const token = new URL(res.json().link).searchParams.get('token');
    const anon = new TestClient(h.built.app);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'short' })).statusCode).toBe(400);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'copper meadow falcon' })).statusCode).toBe(204);
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'another fine phrase' })).statusCode).toBe(410);
    expect((await member.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/auth/login', { email: member.email, password: 'copper meadow falcon' })).statusCode).toBe(200);
  });

  it('asking for a reset answers 202 whether or not the account exists', async () => {
    const h = get();
    const anon = new TestClient(h.built.app);
    expect((await anon.post('/api/v1/auth/password-reset/request', { email: uniqueEmail('nobody') })).statusCode).toBe(202);
  });
});

describe('session timeouts and secure cookies', () => {
  it('ends a session after the idle timeout and the absolute timeout', async () => {
    let now = new Date('2026-11-25T08:00:00Z');
    const clock = { now: () => new Date(now) };
    const h = await startHarness('sqlite', { clock, env: { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '2' } });
    try {
      const { admin } = await newOrganisation(h);
      now = new Date(now.getTime() + 20 * 60_000);
      expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
      now = new Date(now.getTime() + 25 * 60_000); // 25 min after the last use: still within idle
      expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
      now = new Date(now.getTime() + 31 * 60_000);
      expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(401);

      const fresh = new TestClient(h.built.app);
      const email = (await h.runtime.ctx.db.selectFrom('users').select('email').executeTakeFirstOrThrow()).email;
      await fresh.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
      for (let i = 0; i < 5; i++) {
        now = new Date(now.getTime() + 25 * 60_000);
        await fresh.get('/api/v1/auth/me');
      }
      now = new Date(now.getTime() + 10 * 60_000); // 135 min after login: past the 2 h absolute limit
      expect((await fresh.get('/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await stopHarness(h);
    }
  });

  it('marks the cookie Secure and sends HSTS when BASE_URL is https', async () => {
    const h = await startHarness('sqlite', { env: { BASE_URL: 'https://cityshield.example.org' } });
    try {
      const { email } = await newOrganisation(h);
      const res = await h.built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } });
      expect(res.cookies.find((c) => c.name === 'cs_session')?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await stopHarness(h);
    }
  });
});
