import { expect, it } from 'vitest';
import { newMember, newOrganisation } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

describeOnEachDatabase('two cities on one installation', (get) => {
  it("never shows or changes one city's data from the other", async () => {
    const h = get();
    const tallinn = await newOrganisation(h, 'Tallinn');
    const tartu = await newOrganisation(h, 'Tartu');
    const tDept = (await tallinn.admin.post('/api/v1/departments', { name: 'Tallinn Transport' })).json();
    const tMember = await newMember(h, tallinn.admin, 'auditor');
    const inv = (await tallinn.admin.post('/api/v1/invitations', { email: 'someone@tallinn.ee', role: 'staff' })).json();

    const users = (await tartu.admin.get('/api/v1/users?pageSize=200')).json();
    expect(users.items.map((u: { email: string }) => u.email)).toEqual([tartu.email]);
    expect((await tartu.admin.get('/api/v1/departments')).json().items).toEqual([]);
    expect((await tartu.admin.get('/api/v1/invitations')).json().total).toBe(0);
    const audit = (await tartu.admin.get('/api/v1/audit?pageSize=200')).json();
    expect(JSON.stringify(audit)).not.toContain('Tallinn');
    expect((await tartu.admin.get('/api/v1/organisation')).json().name).toBe('Tartu');

    expect((await tartu.admin.get(`/api/v1/users/${tMember.id}`)).statusCode).toBe(404);
    expect((await tartu.admin.patch(`/api/v1/users/${tMember.id}`, { role: 'admin' })).statusCode).toBe(404);
    expect((await tartu.admin.post(`/api/v1/users/${tMember.id}/end-sessions`)).statusCode).toBe(404);
    expect((await tartu.admin.patch(`/api/v1/departments/${tDept.id}`, { name: 'Hijacked' })).statusCode).toBe(404);
    expect((await tartu.admin.delete(`/api/v1/departments/${tDept.id}`)).statusCode).toBe(404);
    expect((await tartu.admin.delete(`/api/v1/invitations/${inv.invitation.id}`)).statusCode).toBe(404);
    expect((await tartu.admin.post('/api/v1/departments', { name: 'Child', parentId: tDept.id })).statusCode).toBe(400);
    expect((await tartu.admin.post('/api/v1/invitations', { email: 'x@tartu.ee', role: 'staff', departmentId: tDept.id })).statusCode).toBe(
      400,
    );

    expect((await tMember.client.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await tallinn.admin.get(`/api/v1/departments`)).json().items[0].name).toBe('Tallinn Transport');
  });
});
