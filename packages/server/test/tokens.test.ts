import { expect, it } from 'vitest';
import { newMember, newOrganisation, TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

describeOnEachDatabase('API tokens', (get) => {
  it("are scoped to a subset of the creator's permissions, shown once and stored hashed", async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const res = await admin.post('/api/v1/tokens', { name: 'SIEM export', permissions: ['audit:read'], expiresInDays: 30 });
    expect(res.statusCode).toBe(201);
    const { secret, token } = res.json();
    expect(secret).toMatch(/^cst_/);
    const stored = await h.runtime.ctx.db.selectFrom('api_tokens').selectAll().where('id', '=', token.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
    expect(JSON.stringify((await admin.get('/api/v1/tokens')).json())).not.toContain(secret);

    const bot = new TestClient(h.built.app);
    bot.bearer = secret;
    expect((await bot.get('/api/v1/audit')).statusCode).toBe(200);
    expect((await bot.get('/api/v1/users')).statusCode).toBe(403);
    expect((await bot.get('/api/v1/auth/me')).json().user.permissions).toEqual(['audit:read']);
    const used = await h.runtime.ctx.db
      .selectFrom('api_tokens')
      .select('last_used_at')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(used.last_used_at).not.toBeNull();

    expect((await admin.delete(`/api/v1/tokens/${token.id}`)).statusCode).toBe(204);
    expect((await bot.get('/api/v1/audit')).statusCode).toBe(401);
  });

  it('cannot carry permissions the creator lacks', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const auditor = await newMember(h, admin, 'auditor');
    const res = await auditor.client.post('/api/v1/tokens', { name: 'x', permissions: ['users:manage'], expiresInDays: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toContain('users:manage');
  });

  it('narrow when the owner is demoted, and stop when the owner is disabled', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const officer = await newMember(h, admin, 'security_officer');
    const { secret } = (
      await officer.client.post('/api/v1/tokens', { name: 'reports', permissions: ['audit:read', 'users:read'], expiresInDays: 10 })
    ).json();
    const bot = new TestClient(h.built.app);
    bot.bearer = secret;
    expect((await bot.get('/api/v1/users')).statusCode).toBe(200);
    await admin.patch(`/api/v1/users/${officer.id}`, { role: 'staff' });
    expect((await bot.get('/api/v1/users')).statusCode).toBe(403);
    await admin.patch(`/api/v1/users/${officer.id}`, { disabled: true });
    expect((await bot.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expire, and a token cannot mint tokens', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const { secret, token } = (await admin.post('/api/v1/tokens', { name: 'short', permissions: ['org:read'], expiresInDays: 1 })).json();
    const bot = new TestClient(h.built.app);
    bot.bearer = secret;
    expect((await bot.post('/api/v1/tokens', { name: 'child', permissions: [], expiresInDays: 1 })).statusCode).toBe(403);
    await h.runtime.ctx.db.updateTable('api_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', token.id).execute();
    expect((await bot.get('/api/v1/organisation')).statusCode).toBe(401);
    bot.bearer = 'cst_not-a-real-token';
    expect((await bot.get('/api/v1/organisation')).statusCode).toBe(401);
  });

  it('service accounts act only through tokens', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const sa = await admin.post('/api/v1/service-accounts', { name: 'Uptime monitor', role: 'auditor' });
    expect(sa.statusCode).toBe(201);
    const res = await admin.post('/api/v1/tokens', {
      name: 'monitor',
      permissions: ['audit:read'],
      expiresInDays: 90,
      serviceAccountId: sa.json().id,
    });
    expect(res.statusCode).toBe(201);
    const tooMuch = await admin.post('/api/v1/tokens', {
      name: 'monitor',
      permissions: ['users:manage'],
      expiresInDays: 90,
      serviceAccountId: sa.json().id,
    });
    expect(tooMuch.statusCode).toBe(400);
    const bot = new TestClient(h.built.app);
    bot.bearer = res.json().secret;
    expect((await bot.get('/api/v1/auth/me')).json().user.name).toBe('Uptime monitor');
  });
});
