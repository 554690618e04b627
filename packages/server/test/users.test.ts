import { expect, it } from 'vitest';
import { newMember, newOrganisation, STRONG_PASSWORD, TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

describeOnEachDatabase('users and invitations', (get) => {
  it('an invitation link creates the user with its role once; reuse and revocation are refused', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const dept = (await admin.post('/api/v1/departments', { name: 'Transport' })).json();
    const inv = await admin.post('/api/v1/invitations', { email: 'Mari.Maasikas@City.ee', role: 'system_owner', departmentId: dept.id });
    expect(inv.statusCode).toBe(201);
    expect(inv.json().invitation).toMatchObject({ email: 'mari.maasikas@city.ee', status: 'pending' });
    const token = new URL(inv.json().link).searchParams.get('token') ?? '';
    const anon = new TestClient(h.built.app);
    expect((await anon.get(`/api/v1/invitations/lookup?token=${token}`)).json()).toMatchObject({
      role: 'system_owner',
      roleName: 'System owner',
    });
    const acc = await anon.post('/api/v1/invitations/accept', { token, name: 'Mari Maasikas', password: STRONG_PASSWORD });
    expect(acc.statusCode).toBe(201);
    expect(acc.json().user).toMatchObject({ role: 'system_owner', departmentId: dept.id });
    expect(
      (await new TestClient(h.built.app).post('/api/v1/invitations/accept', { token, name: 'Eve', password: STRONG_PASSWORD })).statusCode,
    ).toBe(410);
    expect((await admin.post('/api/v1/invitations', { email: 'mari.maasikas@city.ee', role: 'staff' })).statusCode).toBe(409);

    const second = await admin.post('/api/v1/invitations', { email: 'jaan@city.ee', role: 'staff' });
    expect((await admin.delete(`/api/v1/invitations/${second.json().invitation.id}`)).statusCode).toBe(204);
    const t2 = new URL(second.json().link).searchParams.get('token');
    expect((await anon.get(`/api/v1/invitations/lookup?token=${t2}`)).statusCode).toBe(410);
    const revoked = (await admin.get('/api/v1/invitations?status=revoked')).json();
    expect(revoked.items.map((i: { email: string }) => i.email)).toEqual(['jaan@city.ee']);
  });

  it('lists users paged and searchable on the server', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    for (const role of ['auditor', 'staff', 'staff']) await newMember(h, admin, role);
    const page1 = (await admin.get('/api/v1/users?page=1&pageSize=2')).json();
    expect(page1.total).toBe(4);
    expect(page1.items).toHaveLength(2);
    const page2 = (await admin.get('/api/v1/users?page=2&pageSize=2')).json();
    expect(page2.items).toHaveLength(2);
    expect(new Set([...page1.items, ...page2.items].map((u: { id: string }) => u.id)).size).toBe(4);
    expect((await admin.get('/api/v1/users?role=staff')).json().total).toBe(2);
    expect((await admin.get('/api/v1/users?q=AUDITOR')).json().total).toBe(1);
    expect((await admin.get('/api/v1/users?q=%25')).json().total).toBe(0);
  });

  it("role changes and disabling end the user's sessions; the last administrator stays", async () => {
    const h = get();
    const { admin, adminId } = await newOrganisation(h);
    const m = await newMember(h, admin, 'auditor');
    expect((await m.client.get('/api/v1/audit')).statusCode).toBe(200);
    const upd = await admin.patch(`/api/v1/users/${m.id}`, { role: 'staff' });
    expect(upd.json().role).toBe('staff');
    expect((await m.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    await m.client.post('/api/v1/auth/login', { email: m.email, password: STRONG_PASSWORD });
    expect((await m.client.get('/api/v1/audit')).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/users/${m.id}/end-sessions`)).statusCode).toBe(204);
    expect((await m.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    await admin.patch(`/api/v1/users/${m.id}`, { disabled: true });
    expect((await m.client.post('/api/v1/auth/login', { email: m.email, password: STRONG_PASSWORD })).statusCode).toBe(401);
    expect((await admin.get(`/api/v1/users/${m.id}`)).json().status).toBe('disabled');
    const last = await admin.patch(`/api/v1/users/${adminId}`, { role: 'staff' });
    expect(last.statusCode).toBe(409);
  });

  it('lists roles with their permissions', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const roles = (await admin.get('/api/v1/roles')).json().items;
    expect(roles.map((r: { key: string }) => r.key)).toEqual(['admin', 'security_officer', 'system_owner', 'auditor', 'staff']);
    expect(roles[0].permissions).toContain('users:manage');
  });
});
