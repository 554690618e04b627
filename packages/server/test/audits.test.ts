import { expect, it } from 'vitest';
import { HIGH, LOW } from './support/answers.js';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

const declaration = 'I have not consulted on the audited systems or their area in the last two years.';

async function system(admin: TestClient, name: string, ownerId: string | null, answers = HIGH) {
  const s = (
    await admin.post('/api/v1/systems', { name, sector: 'transport', kind: 'application', hosting: 'on-premises', ownerId })
  ).json();
  await admin.post(`/api/v1/systems/${s.id}/classification`, { answers });
  return s.id as string;
}

/** A fixed day, so that due dates and the audit calendar read the same whenever the suite runs. */
const clock = { now: () => new Date('2026-11-25T10:00:00Z') };

describeOnEachDatabase(
  'audits, findings and the plan of action',
  (get) => {
    it('runs an audit from planning to verified closure, keeping auditors and owners to their parts', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const owner = await newMember(h, admin, 'system_owner');
      const auditor = await newMember(h, admin, 'auditor');
      const tls = await system(admin, 'Traffic signal control', owner.id);
      const other = await system(admin, 'Library loans', null, LOW);

      // Calendar: both never audited, with ISKE cycles.
      const cycles = (await admin.get('/api/v1/audit-cycles')).json();
      expect(cycles.levels.map((l: { level: string; years: number }) => [l.level, l.years])).toEqual([
        ['L', 4],
        ['M', 3],
        ['H', 2],
      ]);
      expect((await admin.get('/api/v1/audits/calendar')).json().counts['never-audited']).toBe(2);

      // Bad plans change nothing.
      const plan = { title: 'Transport systems 2026', periodStart: '2026-11-01', periodEnd: '2026-12-15', systemIds: [tls] };
      expect((await admin.post('/api/v1/audits', { ...plan, periodEnd: '2026-10-01' })).statusCode).toBe(400);
      expect((await admin.post('/api/v1/audits', { ...plan, systemIds: [] })).statusCode).toBe(400);
      expect((await owner.client.post('/api/v1/audits', plan)).statusCode).toBe(403);
      const created = await admin.post('/api/v1/audits', plan);
      expect(created.statusCode, created.body).toBe(201);
      const audit = created.json();
      expect(audit).toMatchObject({ ref: 'AUD-2026-001', status: 'planned', progress: { assessed: 0 } });
      expect(audit.progress.inScope).toBeGreaterThan(10);

      // The owner of a system in scope cannot audit it; an auditor must declare independence.
      const own = await admin.post(`/api/v1/audits/${audit.id}/auditors`, {
        userId: owner.id,
        independence: declaration,
        noConsultingConfirmed: true,
      });
      expect(own.statusCode).toBe(400);
      expect(
        (
          await admin.post(`/api/v1/audits/${audit.id}/auditors`, {
            userId: auditor.id,
            independence: declaration,
            noConsultingConfirmed: false,
          })
        ).statusCode,
      ).toBe(400);
      expect((await admin.patch(`/api/v1/audits/${audit.id}`, { status: 'fieldwork' })).statusCode).toBe(400); // no auditor yet
      const assigned = await admin.post(`/api/v1/audits/${audit.id}/auditors`, {
        userId: auditor.id,
        lead: true,
        independence: declaration,
        noConsultingConfirmed: true,
      });
      expect(assigned.statusCode, assigned.body).toBe(200);
      expect(assigned.json().auditors[0]).toMatchObject({ lead: true, independence: declaration });
      expect((await admin.patch(`/api/v1/audits/${audit.id}`, { status: 'fieldwork' })).json().status).toBe('fieldwork');

      // Fieldwork: results in scope only, by the audit's auditors only.
      const reqs = (await auditor.client.get(`/api/v1/audits/${audit.id}/requirements?pageSize=5`)).json();
      const [r1, r2] = reqs.items;
      const outside = (await admin.get(`/api/v1/requirements?systemId=${other}&pageSize=1`)).json().items[0];
      const put = (c: TestClient, id: string, body: unknown) => c.request('PUT', `/api/v1/audits/${audit.id}/results/${id}`, body);
      expect(
        (await put(auditor.client, r1.requirementId, { result: 'satisfied', observations: 'Checked the configuration.' })).statusCode,
      ).toBe(200);
      expect((await put(auditor.client, outside.id, { result: 'satisfied' })).statusCode).toBe(400);
      expect((await put(owner.client, r2.requirementId, { result: 'satisfied' })).statusCode).toBe(403);
      expect((await put(admin, r2.requirementId, { result: 'satisfied' })).statusCode).toBe(403); // not an assigned auditor
      expect(
        (
          await put(auditor.client, r2.requirementId, {
            result: 'not-satisfied',
            observations: 'No MFA for administrators.',
            sampling: '5 of 40 accounts',
          })
        ).statusCode,
      ).toBe(200);
      // Auditors never change what they audit.
      expect((await auditor.client.patch(`/api/v1/requirements/${r2.requirementId}`, { status: 'implemented' })).statusCode).toBe(403);
      const progress = (await admin.get(`/api/v1/audits/${audit.id}`)).json().progress;
      expect(progress).toMatchObject({ assessed: 2, satisfied: 1, 'not-satisfied': 1 });

      // A finding becomes the owner's corrective action.
      expect(
        (await auditor.client.post(`/api/v1/audits/${audit.id}/findings`, { title: 'x', severity: 'high', systemIds: [other] })).statusCode,
      ).toBe(400);
      const finding = await auditor.client.post(`/api/v1/audits/${audit.id}/findings`, {
        title: 'Administrators log in without MFA',
        description: 'Five of forty administrator accounts had no second factor.',
        severity: 'high',
        controlId: r2.controlId,
        systemIds: [tls],
        action: { title: 'Enforce MFA for every administrator', dueDate: '2027-01-31' },
      });
      expect(finding.statusCode, finding.body).toBe(201);
      const actionId = finding.json().actionId;
      const mine = (await owner.client.get('/api/v1/corrective-actions')).json();
      expect(mine.items).toEqual([
        expect.objectContaining({
          id: actionId,
          ownerId: owner.id,
          status: 'open',
          source: expect.objectContaining({ type: 'finding', severity: 'high' }),
        }),
      ]);
      expect(
        (await owner.client.post(`/api/v1/corrective-actions/${actionId}/milestones`, { title: 'Roll out tokens', dueDate: '2027-03-01' }))
          .statusCode,
      ).toBe(400);
      const ms = await owner.client.post(`/api/v1/corrective-actions/${actionId}/milestones`, {
        title: 'Roll out tokens',
        dueDate: '2027-01-15',
      });
      expect(ms.statusCode, ms.body).toBe(200);
      await owner.client.patch(`/api/v1/corrective-actions/${actionId}/milestones/${ms.json().milestones[0].id}`, { done: true });
      // Verification waits for "done", and is the auditor's.
      expect((await auditor.client.post(`/api/v1/corrective-actions/${actionId}/verification`, { verified: true })).statusCode).toBe(409);
      expect((await owner.client.patch(`/api/v1/corrective-actions/${actionId}`, { status: 'done' })).json().status).toBe('done');
      expect((await owner.client.post(`/api/v1/corrective-actions/${actionId}/verification`, { verified: true })).statusCode).toBe(403);
      const verified = await auditor.client.post(`/api/v1/corrective-actions/${actionId}/verification`, {
        verified: true,
        note: 'MFA enforced; sampled 10 accounts.',
      });
      expect(verified.statusCode, verified.body).toBe(200);
      expect(verified.json()).toMatchObject({ status: 'verified', verification: { note: 'MFA enforced; sampled 10 accounts.' } });
      expect((await admin.get(`/api/v1/findings?auditId=${audit.id}`)).json().items[0].status).toBe('closed');

      // Reporting, then closing with a conclusion; the calendar moves on.
      await admin.patch(`/api/v1/audits/${audit.id}`, { status: 'reporting' });
      expect((await admin.patch(`/api/v1/audits/${audit.id}`, { status: 'closed' })).statusCode).toBe(400);
      expect(
        (await admin.patch(`/api/v1/audits/${audit.id}`, { status: 'closed', conclusion: 'Adequate, with one finding now closed.' })).json()
          .status,
      ).toBe('closed');
      const cal = (await admin.get('/api/v1/audits/calendar')).json();
      expect(cal.items.find((i: { systemId: string }) => i.systemId === tls)).toMatchObject({
        lastAuditEnd: '2026-12-15',
        nextDue: '2028-12-15',
        state: 'ok',
      });
      expect((await admin.get('/api/v1/audit?action=corrective_action.verify')).json().total).toBe(1);
    });

    it('accepts a risk with a named approver and expiry, and reminds owners of overdue actions once a day', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const auditor = await newMember(h, admin, 'auditor');
      const owner = await newMember(h, admin, 'system_owner');
      const sys = await system(admin, 'Payroll', owner.id, LOW);
      const audit = (
        await admin.post('/api/v1/audits', { title: 'Payroll', periodStart: '2026-01-01', periodEnd: '2026-02-01', systemIds: [sys] })
      ).json();
      await admin.post(`/api/v1/audits/${audit.id}/auditors`, {
        userId: auditor.id,
        independence: declaration,
        noConsultingConfirmed: true,
      });
      await admin.patch(`/api/v1/audits/${audit.id}`, { status: 'fieldwork' });
      const f = (
        await auditor.client.post(`/api/v1/audits/${audit.id}/findings`, {
          title: 'Backups untested',
          severity: 'moderate',
          systemIds: [sys],
          action: { title: 'Test restore quarterly', dueDate: '2026-12-01' },
        })
      ).json();
      const url = `/api/v1/corrective-actions/${f.actionId}/risk-acceptance`;
      expect((await admin.post(url, { approverId: owner.id, until: '2020-01-01', reason: 'x' })).statusCode).toBe(400);
      expect((await admin.post(url, { approverId: owner.id, until: '2027-06-30', reason: ' ' })).statusCode).toBe(400);
      expect(
        (await owner.client.post(url, { approverId: owner.id, until: '2027-06-30', reason: 'Supplier fixes it in Q2.' })).statusCode,
      ).toBe(403);
      const ok = await admin.post(url, { approverId: owner.id, until: '2027-06-30', reason: 'Supplier fixes it in Q2.' });
      expect(ok.json()).toMatchObject({ status: 'risk-accepted', riskAcceptance: { approverId: owner.id, until: '2027-06-30' } });
      expect((await admin.get(`/api/v1/findings?auditId=${audit.id}`)).json().items[0].status).toBe('closed');

      // An overdue action (due date in the past, written directly as time passing would).
      const g = (
        await auditor.client.post(`/api/v1/audits/${audit.id}/findings`, {
          title: 'Leavers keep access',
          severity: 'high',
          systemIds: [sys],
          action: { title: 'Disable leavers within a day', dueDate: '2026-12-20' },
        })
      ).json();
      await h.runtime.ctx.db.updateTable('corrective_actions').set({ due_date: '2026-01-01' }).where('id', '=', g.actionId).execute();
      expect((await owner.client.get('/api/v1/corrective-actions?overdue=true')).json().items.map((a: { id: string }) => a.id)).toEqual([
        g.actionId,
      ]);
      const remind = () => h.runtime.services.actions.remindOverdue();
      await remind();
      const row = await h.runtime.ctx.db
        .selectFrom('corrective_actions')
        .select('reminded_on')
        .where('id', '=', g.actionId)
        .executeTakeFirstOrThrow();
      expect(row.reminded_on).toBe('2026-11-25');
      expect(await remind()).toBe(0); // once a day
    });

    it('keeps a statement of applicability with reasons and implementation over systems', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const sys = await system(admin, 'Permit portal', null, LOW);
      const first = (await admin.get(`/api/v1/requirements?systemId=${sys}&pageSize=1`)).json().items[0];
      await admin.patch(`/api/v1/requirements/${first.id}`, { status: 'implemented' });
      const catalogs = (await admin.get('/api/v1/catalogs')).json().items;
      const baseline = catalogs.find((c: { kind: string; builtIn: boolean }) => c.kind === 'catalog' && c.builtIn);
      const soa = (await admin.get(`/api/v1/soa/${baseline.id}?pageSize=200`)).json();
      expect(soa.summary.controls).toBeGreaterThan(100);
      const row = soa.items.find((r: { controlId: string }) => r.controlId === first.controlId);
      expect(row).toMatchObject({ applicable: true, systems: 1, implemented: 1, decided: false });
      const unused = soa.items.find((r: { applicable: boolean }) => !r.applicable);
      expect(unused.reason).toContain('No system');
      expect(
        (await admin.request('PUT', `/api/v1/soa/${baseline.id}/${unused.controlId}`, { applicable: false, reason: ' ' })).statusCode,
      ).toBe(400);
      expect(
        (
          await admin.request('PUT', `/api/v1/soa/${baseline.id}/${unused.controlId}`, {
            applicable: true,
            reason: 'Planned for 2027 systems.',
          })
        ).statusCode,
      ).toBe(204);
      const after = (await admin.get(`/api/v1/soa/${baseline.id}?q=${encodeURIComponent(unused.controlId)}`)).json().items[0];
      expect(after).toMatchObject({ applicable: true, decided: true, reason: 'Planned for 2027 systems.' });
    });
  },
  { clock },
);
