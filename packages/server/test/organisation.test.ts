import { expect, it } from 'vitest';
import { newMember, newOrganisation } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

describeOnEachDatabase('organisation and departments', (get) => {
  it('keeps departments as a tree and refuses cycles and deleting non-empty ones', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const city = (await admin.post('/api/v1/departments', { name: 'City Office' })).json();
    const it1 = (await admin.post('/api/v1/departments', { name: 'IT', parentId: city.id })).json();
    const sec = (await admin.post('/api/v1/departments', { name: 'Security', parentId: it1.id })).json();
    expect(sec.parentId).toBe(it1.id);
    const cyc = await admin.patch(`/api/v1/departments/${city.id}`, { parentId: sec.id });
    expect(cyc.statusCode).toBe(400);
    expect(cyc.json().error.details[0].message).toContain('cycle');
    expect((await admin.patch(`/api/v1/departments/${city.id}`, { parentId: city.id })).statusCode).toBe(400);
    expect((await admin.delete(`/api/v1/departments/${it1.id}`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/v1/departments/${sec.id}`)).statusCode).toBe(204);
    expect((await admin.patch(`/api/v1/departments/${it1.id}`, { name: 'Digital Services' })).json().name).toBe('Digital Services');
    expect((await admin.get('/api/v1/departments')).json().items).toHaveLength(2);
  });

  it('validates the time zone and records the change in the audit log', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    expect((await admin.patch('/api/v1/organisation', { timeZone: 'Mars/Olympus' })).statusCode).toBe(400);
    const ok = await admin.patch('/api/v1/organisation', { timeZone: 'Europe/Stockholm' });
    expect(ok.json().timeZone).toBe('Europe/Stockholm');
    const entry = (await admin.get('/api/v1/audit?action=organisation.update')).json().items[0];
    expect(entry.before.timeZone).toBe('Europe/Tallinn');
    expect(entry.after.timeZone).toBe('Europe/Stockholm');
    // Every member reads the zone from /auth/me (deadlines are shown in it), not only org:read.
    const staff = await newMember(h, admin, 'staff');
    expect((await staff.client.get('/api/v1/organisation')).statusCode).toBe(403);
    expect((await staff.client.get('/api/v1/auth/me')).json().user.orgTimeZone).toBe('Europe/Stockholm');
  });
});
