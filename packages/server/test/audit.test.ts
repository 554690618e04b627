import { expect, it } from 'vitest';
import { newMember, newOrganisation } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

describeOnEachDatabase('audit log', (get) => {
  it('records who changed what, before and after, and filters on the server', async () => {
    const h = get();
    const { admin, email } = await newOrganisation(h);
    const m = await newMember(h, admin, 'staff');
    await admin.patch(`/api/v1/users/${m.id}`, { role: 'auditor' });
    const res = (await admin.get('/api/v1/audit?entityType=user&action=user.update')).json();
    expect(res.total).toBe(1);
    expect(res.items[0]).toMatchObject({ actorEmail: email, entityId: m.id, before: { role: 'staff' }, after: { role: 'auditor' } });
    expect(JSON.stringify(res)).not.toMatch(/argon2|password_hash/);
    const all = (await admin.get('/api/v1/audit?pageSize=200')).json();
    const seqs = all.items.map((i: { seq: number }) => i.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => b - a));
    expect(
      (await admin.get(`/api/v1/audit?actor=${encodeURIComponent(m.email)}`))
        .json()
        .items.every((i: { actorEmail: string }) => i.actorEmail === m.email),
    ).toBe(true);
    const future = (await admin.get('/api/v1/audit?from=2999-01-01')).json();
    expect(future.total).toBe(0);
  });

  it('verifies the chain and names the first entry that was tampered with', async () => {
    const h = get();
    const { admin, orgId } = await newOrganisation(h);
    for (const name of ['Finance', 'Health', 'Transport']) await admin.post('/api/v1/departments', { name });
    const ok = (await admin.get('/api/v1/audit/verify')).json();
    expect(ok).toMatchObject({ ok: true, brokenAt: null });
    expect(ok.checked).toBeGreaterThanOrEqual(5);

    const target = await h.runtime.ctx.db
      .selectFrom('audit_log')
      .select(['seq'])
      .where('org_id', '=', orgId)
      .where('action', '=', 'department.create')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await h.runtime.ctx.db
      .updateTable('audit_log')
      .set({ after_json: JSON.stringify({ name: 'Forged' }) })
      .where('org_id', '=', orgId)
      .where('seq', '=', target.seq)
      .execute();
    const broken = (await admin.get('/api/v1/audit/verify')).json();
    expect(broken).toMatchObject({ ok: false, brokenAt: Number(target.seq) });
    expect(broken.reason).toContain('changed');
  });

  it('writes nothing when the change fails', async () => {
    const h = get();
    const { admin, orgId } = await newOrganisation(h);
    const count = async () =>
      Number(
        (
          await h.runtime.ctx.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('org_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const dept = (await admin.post('/api/v1/departments', { name: 'A' })).json();
    await admin.post('/api/v1/departments', { name: 'B', parentId: dept.id });
    const mid = await count();
    expect(mid).toBe(before + 2);
    expect((await admin.delete(`/api/v1/departments/${dept.id}`)).statusCode).toBe(409);
    expect(await count()).toBe(mid);
  });
});
