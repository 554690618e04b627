import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlReport } from '../src/reports/html.js';
import { PdfReport } from '../src/reports/pdf.js';
import { newId } from '../src/util.js';
import { HIGH, LOW } from './support/answers.js';
import { newMember, newOrganisation, STRONG_PASSWORD, type TestClient } from './support/client.js';
import { describeOnEachDatabase, type Harness } from './support/harness.js';
import { readPdf } from './support/pdf.js';
import { runCli } from './support/processes.js';

/** The test's clock: due dates and "overdue" are fixed against it. */
const NOW = new Date('2026-11-25T10:00:00Z');
const clock = { now: () => new Date(NOW) };

/** Set REPORTS_KEEP_DIR to keep the generated files (and page images) for a look. */
const KEEP = process.env.REPORTS_KEEP_DIR;
function keep(name: string, bytes: Buffer) {
  if (!KEEP) return;
  mkdirSync(KEEP, { recursive: true });
  writeFileSync(join(KEEP, name), bytes);
}

/** Page `page` of a PDF as a PNG, rendered by poppler's pdftoppm as a viewer would. */
function pageImage(pdf: Buffer, page = 1): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'cs-png-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      join(dir, 'r.pdf'),
      join(dir, 'p'),
    ]);
    return readFileSync(join(dir, 'p.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of a PDF with runs of spaces collapsed (pdftotext -layout pads columns). */
const flat = (text: string) => text.replace(/[ \t]+/g, ' ');

const HOSTILE = '<script>alert("x")</script> Parking';

interface City {
  admin: TestClient;
  orgId: string;
  adminId: string;
  auditor: { client: TestClient; id: string };
  owner: { client: TestClient; id: string };
  portal: string;
  database: string;
  signals: string;
  hostile: string;
  auditId: string;
}

async function post<T = { id: string }>(c: TestClient, url: string, body: unknown, status = 201): Promise<T> {
  const res = await c.post(url, body);
  if (res.statusCode !== status) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

async function requirementIds(c: TestClient, query: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const res = (await c.get(`/api/v1/requirements?${query}&pageSize=200&page=${page}`)).json() as {
      items: { id: string }[];
      total: number;
    };
    ids.push(...res.items.map((i) => i.id));
    if (ids.length >= res.total) return ids;
  }
}

/** Totals as the council report states them: implemented / applicable over every requirement. */
async function totals(c: TestClient) {
  const d = (await c.get('/api/v1/dashboard/compliance')).json().totals as {
    implemented: number;
    partially: number;
    planned: number;
    notStarted: number;
  };
  const applicable = d.implemented + d.partially + d.planned + d.notStarted;
  return { implemented: d.implemented, applicable, pct: Math.round((d.implemented / applicable) * 100) };
}

/** A small city: two departments, four classified systems (one with a hostile name), requirements partly implemented, an audit with results, a finding and corrective actions. */
async function buildCity(h: Harness): Promise<City> {
  const { admin, orgId, adminId } = await newOrganisation(h, 'Tartu City');
  const auditor = await newMember(h, admin, 'auditor');
  const owner = await newMember(h, admin, 'system_owner');
  const transport = await post(admin, '/api/v1/departments', { name: 'Transport' });
  const health = await post(admin, '/api/v1/departments', { name: 'Health and Welfare' });
  const system = (name: string, kind: string, departmentId: string, extra: Record<string, unknown> = {}) =>
    post(admin, '/api/v1/systems', { name, kind, departmentId, sector: 'transport', hosting: 'on-premises', ...extra }).then((s) => s.id);
  const portal = await system('Permit portal', 'website', transport.id, {
    description: 'Citizens apply for parking and building permits online.',
    personalData: ['personal'],
    supplier: 'Webfactory OÜ',
  });
  const database = await system('Permit database', 'database', transport.id);
  const signals = await system('Traffic signals', 'ot-iot', transport.id);
  const hostile = await system(HOSTILE, 'application', health.id, { ownerId: owner.id });
  const dep = await admin.post(`/api/v1/systems/${portal}/dependencies`, { dependsOnId: database });
  if (dep.statusCode >= 300) throw new Error(dep.body);
  await post(admin, `/api/v1/systems/${portal}/classification`, { answers: HIGH });
  await post(admin, `/api/v1/systems/${signals}/classification`, { answers: LOW });
  await post(admin, `/api/v1/systems/${hostile}/classification`, { answers: LOW });

  // Implement some: 12 of the portal's, 6 of the database's partially, 4 of the signals'.
  const bulk = async (ids: string[], set: Record<string, unknown>) => {
    const res = await admin.post('/api/v1/requirements/bulk', { ids, set });
    if (res.statusCode !== 200) throw new Error(res.body);
  };
  await bulk((await requirementIds(admin, `systemId=${portal}`)).slice(0, 12), {
    status: 'implemented',
    statement: 'In place since 2025.',
  });
  await bulk((await requirementIds(admin, `systemId=${database}`)).slice(0, 6), { status: 'partially' });
  await bulk((await requirementIds(admin, `systemId=${signals}`)).slice(0, 4), { status: 'implemented' });
  await bulk((await requirementIds(admin, `systemId=${signals}`)).slice(4, 6), { status: 'planned', dueDate: '2026-01-31' });

  // The audit, its results, a finding and corrective actions: inserted directly (the audits API is built elsewhere).
  const db = h.runtime.ctx.db;
  const at = NOW.toISOString();
  const auditId = newId();
  await db
    .insertInto('audits')
    .values({
      id: auditId,
      org_id: orgId,
      ref: 'AUD-2026-001',
      title: 'Permit services audit',
      method: 'Interviews with the system owners, review of configuration and evidence, sampling of 20 user accounts.',
      families: '[]',
      period_start: '2026-10-01',
      period_end: '2026-11-15',
      status: 'reporting',
      conclusion: 'The permit services are managed with care; access control needs work before the next cycle.',
      created_by: adminId,
      created_at: at,
      updated_at: at,
      closed_at: null,
    })
    .execute();
  await db
    .insertInto('audit_systems')
    .values([
      { org_id: orgId, audit_id: auditId, system_id: portal },
      { org_id: orgId, audit_id: auditId, system_id: database },
    ])
    .execute();
  await db
    .insertInto('audit_auditors')
    .values({
      org_id: orgId,
      audit_id: auditId,
      user_id: auditor.id,
      lead: 1,
      independence: 'I have not consulted on or operated the permit services in the last two years.',
      declared_at: at,
    })
    .execute();
  const reqs = await db
    .selectFrom('system_requirements')
    .select(['id', 'system_id', 'control_id'])
    .where('system_id', '=', portal)
    .where('applies', '=', 1)
    .orderBy('position')
    .limit(3)
    .execute();
  const results = ['satisfied', 'not-satisfied', 'partially'];
  await db
    .insertInto('audit_results')
    .values(
      reqs.map((r, i) => ({
        id: newId(),
        org_id: orgId,
        audit_id: auditId,
        requirement_id: r.id,
        system_id: r.system_id,
        control_id: r.control_id,
        result: results[i] ?? 'satisfied',
        observations: i === 1 ? 'Administrators share one account.' : 'As documented.',
        sampling: '20 accounts',
        evidence_reviewed: '[]',
        assessed_by: auditor.id,
        assessed_at: at,
      })),
    )
    .execute();
  const finding = newId();
  await db
    .insertInto('findings')
    .values({
      id: finding,
      org_id: orgId,
      audit_id: auditId,
      ref: 'F-2026-001',
      title: 'Shared admin account',
      description: 'The administrators of the permit portal share one account without MFA.',
      severity: 'high',
      control_id: reqs[1]?.control_id ?? null,
      status: 'open',
      created_by: auditor.id,
      created_at: at,
    })
    .execute();
  await db.insertInto('finding_systems').values({ org_id: orgId, finding_id: finding, system_id: portal }).execute();
  const overdue = newId();
  const accepted = newId();
  await db
    .insertInto('corrective_actions')
    .values([
      {
        id: overdue,
        org_id: orgId,
        source_type: 'finding',
        source_id: finding,
        title: 'Personal admin accounts',
        description: 'Give every administrator a personal account with MFA.',
        owner_id: adminId,
        due_date: '2026-11-01',
        status: 'in-progress',
        created_at: at,
        closed_at: null,
        risk_accepted_by: null,
        risk_accepted_until: null,
        risk_acceptance_reason: null,
        verified_by: null,
        verified_at: null,
        verification_note: null,
        reminded_on: null,
      },
      {
        id: accepted,
        org_id: orgId,
        source_type: 'finding',
        source_id: finding,
        title: 'Legacy export job',
        description: 'Replace the nightly export job that uses the shared account.',
        owner_id: adminId,
        due_date: '2027-03-01',
        status: 'risk-accepted',
        created_at: at,
        closed_at: at,
        risk_accepted_by: adminId,
        risk_accepted_until: '2027-06-30',
        risk_acceptance_reason: 'The job is retired with the new portal in June.',
        verified_by: null,
        verified_at: null,
        verification_note: null,
        reminded_on: null,
      },
    ])
    .execute();
  await db
    .insertInto('action_milestones')
    .values([
      {
        id: newId(),
        org_id: orgId,
        action_id: overdue,
        title: 'Accounts created',
        due_date: '2026-10-20',
        done_at: '2026-10-19T12:00:00.000Z',
      },
      { id: newId(), org_id: orgId, action_id: overdue, title: 'Shared account disabled', due_date: '2026-11-01', done_at: null },
    ])
    .execute();
  return { admin, orgId, adminId, auditor, owner, portal, database, signals, hostile, auditId };
}

describeOnEachDatabase(
  'reports and exports',
  (get) => {
    let city: City;
    beforeAll(async () => {
      city = await buildCity(get());
    });

    /** Asks for a report, runs the queued job, checks the progress and downloads the file. */
    async function generate(c: TestClient, body: Record<string, unknown>) {
      const h = get();
      const res = await c.post('/api/v1/reports', body);
      expect(res.statusCode, res.body).toBe(202);
      const queued = res.json();
      expect(queued).toMatchObject({ status: 'queued', progress: 0, kind: body.kind });
      const early = await c.get(`/api/v1/reports/${queued.id}/file`);
      expect(early.statusCode).toBe(409);
      await h.runtime.runner.drain();
      let status = (await c.get(`/api/v1/reports/${queued.id}`)).json();
      for (let i = 0; status.status !== 'done' && status.status !== 'failed' && i < 50; i++) {
        await new Promise((r) => setTimeout(r, 50));
        await h.runtime.runner.drain();
        status = (await c.get(`/api/v1/reports/${queued.id}`)).json();
      }
      expect(status, JSON.stringify(status)).toMatchObject({ status: 'done', progress: 100, error: null });
      const file = await c.get(`/api/v1/reports/${queued.id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-disposition']).toContain('attachment');
      expect(file.rawPayload.length).toBe(status.size);
      return { bytes: file.rawPayload, report: status as { id: string; fileName: string; sha256: string } };
    }

    it('writes the council report: one-page summary with charts, detail per department; it changes when more is implemented', async () => {
      const h = get();
      const t = await totals(city.admin);
      const { bytes, report } = await generate(city.admin, { kind: 'council', format: 'pdf' });
      keep(`council-${h.kind}.pdf`, bytes);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(report.fileName).toBe('compliance-report-2026-11-25.pdf');
      const { text, pages } = readPdf(bytes);
      const f = flat(text);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(f).toContain('Tartu City');
      expect(f).toContain('Information security compliance report');
      expect(f).toContain(`${t.implemented} of ${t.applicable}`);
      expect(f).toContain(`${t.pct} % fully implemented`);
      for (const name of ['Permit portal', 'Permit database', 'Traffic signals', 'Transport', 'Health and Welfare'])
        expect(f).toContain(name);
      expect(f).toContain('Shared admin account');
      expect(f).toContain('Personal admin accounts'); // overdue since 1 Nov
      expect(f).toContain('24 days');
      expect(f).toContain('This is the first measurement');
      expect(f).toContain(`Page ${pages} of ${pages}`);
      // Page 1 is the summary: the key figure and the department chart are on it.
      const first = readPdf(bytes).text.split('\f')[0] ?? '';
      expect(flat(first)).toContain('Summary');
      expect(flat(first)).toContain(`${t.implemented} of ${t.applicable}`);
      expect(flat(first)).toContain('Compliance by department');
      const png = pageImage(bytes, 1);
      keep(`council-${h.kind}-p1.png`, png);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(10_000);

      // Yesterday's snapshot, then more work done: the next report shows the change.
      await h.runtime.ctx.db
        .insertInto('compliance_snapshots')
        .values({ org_id: city.orgId, day: '2026-11-24', applicable: t.applicable, implemented: t.implemented, partially: 6, overdue: 2 })
        .execute();
      const more = (await requirementIds(city.admin, `systemId=${city.portal}&status=not-started`)).slice(0, 20);
      expect((await city.admin.post('/api/v1/requirements/bulk', { ids: more, set: { status: 'implemented' } })).statusCode).toBe(200);
      const t2 = await totals(city.admin);
      expect(t2.implemented).toBe(t.implemented + 20);
      const again = await generate(city.admin, { kind: 'council', format: 'pdf' });
      keep(`council-${h.kind}-2.pdf`, again.bytes);
      expect(again.report.sha256).not.toBe(report.sha256);
      const f2 = flat(readPdf(again.bytes).text);
      expect(f2).toContain(`${t2.implemented} of ${t2.applicable}`);
      expect(f2).not.toContain(`${t.implemented} of ${t.applicable}`);
      expect(f2).toMatch(/Since 24 Nov 2026 compliance has risen from \d+ % to \d+ %/);
    });

    it('writes the council report as self-contained HTML with the same figures, every value escaped', async () => {
      const t = await totals(city.admin);
      const { bytes, report } = await generate(city.admin, { kind: 'council', format: 'html' });
      keep(`council-${get().kind}.html`, bytes);
      const html = bytes.toString('utf8');
      expect(report.fileName).toMatch(/\.html$/);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('Tartu City');
      expect(html).toContain(`${t.implemented} of ${t.applicable}`);
      expect(html).toContain('Shared admin account');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Parking');
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<link|src="http|@import/i); // nothing fetched
      expect(html).toContain('<svg class="line"');
    });

    it('writes the system security plan with classification reasons, dependencies, requirements by family and findings', async () => {
      const h = get();
      const { bytes, report } = await generate(city.admin, { kind: 'system', format: 'pdf', subjectId: city.portal });
      keep(`system-${h.kind}.pdf`, bytes);
      expect(report.fileName).toBe('system-security-plan-permit-portal-2026-11-25.pdf');
      const { text, pages } = readPdf(bytes);
      const f = flat(text);
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(f).toContain('System security plan');
      expect(f).toContain('Permit portal');
      expect(f).toContain('Citizens apply for parking and building permits online.');
      expect(f).toContain('Webfactory OÜ');
      expect(f).toContain('K3T3S1');
      expect(f).toContain('Permit database'); // the dependency
      expect(f).toContain('In place since 2025.'); // an implementation statement
      expect(f).toContain('Shared admin account');
      expect(f).toContain('Personal admin accounts');
      const progress = (await city.admin.get(`/api/v1/systems/${city.portal}/requirements/progress`)).json();
      expect(f).toContain(`${progress.counts.implemented} of ${progress.total - progress.counts['not-applicable']}`);
      expect(pageImage(bytes, 1).subarray(1, 4).toString()).toBe('PNG');
      keep(`system-${h.kind}-p1.png`, pageImage(bytes, 1));

      // The hostile name is text in the PDF and escaped in the HTML.
      const hostilePdf = await generate(city.admin, { kind: 'system', format: 'pdf', subjectId: city.hostile });
      expect(flat(readPdf(hostilePdf.bytes).text)).toContain(HOSTILE);
      const hostileHtml = (await generate(city.admin, { kind: 'system', format: 'html', subjectId: city.hostile })).bytes.toString('utf8');
      keep(`system-hostile-${h.kind}.html`, Buffer.from(hostileHtml));
      expect(hostileHtml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Parking');
      expect(hostileHtml).not.toMatch(/<script/i);
    });

    it('writes the audit report with scope, method, auditors and their independence, results, findings and conclusion', async () => {
      const h = get();
      const { bytes } = await generate(city.auditor.client, { kind: 'audit', format: 'pdf', subjectId: city.auditId });
      keep(`audit-${h.kind}.pdf`, bytes);
      const f = flat(readPdf(bytes).text);
      for (const s of [
        'Audit report',
        'AUD-2026-001',
        'Permit services audit',
        'Permit portal',
        'Permit database',
        'Interviews with the system owners',
        'Member auditor',
        'I have not consulted on or operated the permit',
        'Lead auditor',
        'Not satisfied',
        'Administrators share one account.',
        'Shared admin account',
        'access control needs work',
      ])
        expect(f).toContain(s);
      expect(f).toMatch(/Requirements assessed\s/);
      expect(f).toMatch(/3 of \d+/);
      const html = (await generate(city.auditor.client, { kind: 'audit', format: 'html', subjectId: city.auditId })).bytes.toString('utf8');
      keep(`audit-${h.kind}.html`, Buffer.from(html));
      expect(html).toContain('I have not consulted on or operated the permit services in the last two years.');
    });

    it('writes the corrective-action plan with owners, milestones, risk acceptance and overdue marks', async () => {
      const h = get();
      const { bytes } = await generate(city.admin, { kind: 'poam', format: 'pdf' });
      keep(`poam-${h.kind}.pdf`, bytes);
      const f = flat(readPdf(bytes).text);
      for (const s of [
        'Corrective-action plan',
        'Personal admin accounts',
        'Legacy export job',
        'Accounts created',
        'Shared account disabled',
        'Accepted by Ada Admin until 30 Jun 2027',
        'The job is retired with the',
        'OVERDUE 24 days',
        'F-2026-001',
      ])
        expect(f).toContain(s);
      const html = (await generate(city.admin, { kind: 'poam', format: 'html' })).bytes.toString('utf8');
      keep(`poam-${h.kind}.html`, Buffer.from(html));
      expect(html).toContain('Accepted by Ada Admin until 30 Jun 2027');
    });

    it('audits each generation, lists your own reports and refuses what you may not see', async () => {
      const h = get();
      const audit = (await city.admin.get('/api/v1/audit?action=report.generate&pageSize=100')).json();
      expect(audit.total).toBeGreaterThanOrEqual(5);
      expect(audit.items.map((e: { after: { kind: string } }) => e.after.kind)).toEqual(
        expect.arrayContaining(['council', 'system', 'poam']),
      );
      const mine = (await city.admin.get('/api/v1/reports?pageSize=100')).json();
      expect(mine.total).toBeGreaterThanOrEqual(5);
      expect(mine.items.every((r: { status: string }) => r.status === 'done')).toBe(true);
      const system = mine.items.find((r: { kind: string; subjectId: string }) => r.kind === 'system' && r.subjectId === city.portal);
      expect(system.subjectName).toBe('Permit portal');
      // Another person's report is not found.
      expect((await city.auditor.client.get(`/api/v1/reports/${system.id}`)).statusCode).toBe(404);
      expect((await city.auditor.client.get(`/api/v1/reports/${system.id}/file`)).statusCode).toBe(404);

      // Bad requests change nothing.
      expect((await city.admin.post('/api/v1/reports', { kind: 'system' })).statusCode).toBe(400);
      expect((await city.admin.post('/api/v1/reports', { kind: 'council', subjectId: city.portal })).statusCode).toBe(400);
      expect((await city.admin.post('/api/v1/reports', { kind: 'audit', subjectId: newId() })).statusCode).toBe(404);
      expect((await city.admin.post('/api/v1/reports', { kind: 'council', format: 'docx' })).statusCode).toBe(400);

      // System owners may not generate reports by default …
      expect((await city.owner.client.post('/api/v1/reports', { kind: 'council' })).statusCode).toBe(403);
      // … and with the permission see only their own systems.
      await h.runtime.ctx.db
        .insertInto('role_permissions')
        .values({ org_id: city.orgId, role: 'system_owner', permission: 'reports:generate' })
        .execute();
      try {
        expect((await city.owner.client.post('/api/v1/reports', { kind: 'system', subjectId: city.portal })).statusCode).toBe(404);
        const own = await generate(city.owner.client, { kind: 'council', format: 'pdf' });
        const f = flat(readPdf(own.bytes).text);
        expect(f).toContain('Parking');
        expect(f).not.toContain('Permit portal');
        expect(f).not.toContain('Shared admin account');
      } finally {
        await h.runtime.ctx.db
          .deleteFrom('role_permissions')
          .where('org_id', '=', city.orgId)
          .where('role', '=', 'system_owner')
          .where('permission', '=', 'reports:generate')
          .execute();
      }
      // A requester who lost the permission before the job ran gets a failed report, not a file.
      const res = await city.admin.post('/api/v1/reports', { kind: 'poam' });
      await h.runtime.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', city.adminId).execute();
      await h.runtime.runner.drain();
      await h.runtime.ctx.db.updateTable('users').set({ disabled: 0 }).where('id', '=', city.adminId).execute();
      const failed = (await city.admin.get(`/api/v1/reports/${res.json().id}`)).json();
      expect(failed).toMatchObject({ status: 'failed', sha256: null });
      expect(failed.error).toContain('can no longer sign in');
      expect((await city.admin.get(`/api/v1/reports/${res.json().id}/file`)).statusCode).toBe(409);
    });

    it('exports every list as CSV and XLSX with the list filters, neutralising formulas', async () => {
      const admin = city.admin;
      const csv = async (url: string) => {
        const res = await admin.get(url);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toContain('text/csv');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[\w-]+-2026-11-25\.csv"$/);
        return parseCsv(res.rawPayload, { bom: true }) as string[][];
      };
      const xlsx = async (url: string) => {
        const res = await admin.get(url);
        expect(res.statusCode, res.body).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
        const ws = wb.worksheets[0];
        if (!ws) throw new Error('no sheet');
        return ws;
      };

      const listTotal = async (query: string) => (await admin.get(`/api/v1/requirements?${query}`)).json().total as number;
      const all = await csv('/api/v1/requirements/export');
      expect(all[0]?.slice(0, 4)).toEqual(['System', 'Control', 'Label', 'Title']);
      expect(all.length - 1).toBe(await listTotal(''));
      const implemented = await csv(`/api/v1/requirements/export?status=implemented&systemId=${city.portal}`);
      expect(implemented.length - 1).toBe(await listTotal(`status=implemented&systemId=${city.portal}`));
      expect(implemented.slice(1).every((r) => r[0] === 'Permit portal' && r[6] === 'Implemented')).toBe(true);
      const sheet = await xlsx(`/api/v1/requirements/export?format=xlsx&systemId=${city.signals}`);
      expect(sheet.name).toBe('Requirements');
      expect(sheet.actualRowCount - 1).toBe(await listTotal(`systemId=${city.signals}`));
      expect((await admin.get('/api/v1/requirements/export?format=pdf')).statusCode).toBe(400);
      expect((await admin.get('/api/v1/requirements/export?bogus=1')).statusCode).toBe(400);

      // A hostile incident title is neutralised.
      const inc = await admin.post('/api/v1/incidents', {
        title: '=HYPERLINK("http://evil.example","x")',
        severity: 'low',
        systemIds: [city.portal],
      });
      expect(inc.statusCode, inc.body).toBe(201);
      await admin.post('/api/v1/incidents', { title: 'Phishing wave', severity: 'medium' });
      const incidents = await csv('/api/v1/incidents/export');
      expect(incidents.length - 1).toBe(2);
      expect(incidents.map((r) => r[1])).toContain(`'=HYPERLINK("http://evil.example","x")`);
      expect((await csv(`/api/v1/incidents/export?systemId=${city.portal}`)).length - 1).toBe(1);
      const incSheet = await xlsx('/api/v1/incidents/export?format=xlsx');
      const titles = (incSheet.getColumn(2).values as unknown[]).map(String);
      expect(titles).toContain(`'=HYPERLINK("http://evil.example","x")`);

      const actions = await csv('/api/v1/corrective-actions/export');
      expect(actions.length - 1).toBe(2);
      expect(actions.find((r) => r[0] === 'Personal admin accounts')?.[10]).toContain('Accounts created (due 2026-10-20, done 2026-10-19)');
      expect((await csv('/api/v1/corrective-actions/export?overdue=true')).length - 1).toBe(1);
      expect((await csv('/api/v1/corrective-actions/export?status=risk-accepted')).length - 1).toBe(1);
      const findings = await csv('/api/v1/findings/export?severity=high');
      expect(findings.slice(1).map((r) => [r[0], r[1], r[8]])).toEqual([['F-2026-001', 'Shared admin account', 'Permit portal']]);
      expect((await csv('/api/v1/findings/export?severity=low')).length - 1).toBe(0);
      const audits = await csv('/api/v1/audits/export');
      expect(audits.slice(1).map((r) => [r[0], r[7], r[9]])).toEqual([
        ['AUD-2026-001', 'Permit database, Permit portal', 'Member auditor (lead)'],
      ]);
      await post(admin, '/api/v1/components', { name: '+Central identity service', kind: 'service' });
      const components = await xlsx('/api/v1/components/export?format=xlsx');
      expect(components.actualRowCount - 1).toBe(1);
      expect(String(components.getRow(2).getCell(1).value)).toBe("'+Central identity service");

      // Owners see their own: no findings or actions on their system, only their system's requirements.
      const owner = city.owner.client;
      const ownReqs = await owner.get('/api/v1/requirements/export');
      const rows = parseCsv(ownReqs.rawPayload, { bom: true }) as string[][];
      expect(rows.slice(1).every((r) => r[0] === HOSTILE)).toBe(true);
      expect(rows.length).toBeGreaterThan(1);
      expect(parseCsv((await owner.get('/api/v1/findings/export')).rawPayload, { bom: true })).toHaveLength(1);
      expect((await owner.get('/api/v1/incidents/export')).statusCode).toBe(200);
    });
  },
  { clock },
);

describe('cityshield report (CLI, SQLite)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cityshield-report-'));
    env = { DATA_DIR: dir };
    const r = await runCli(
      ['admin', 'create', '--org', 'Pärnu', '--email', 'a@parnu.example', '--password-stdin'],
      env,
      `${STRONG_PASSWORD}\n`,
    );
    expect(r.code, r.out).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the council report and the plan as PDF or HTML without a server, audited', async () => {
    const pdf = join(dir, 'council.pdf');
    const r = await runCli(['report', 'council', '-o', pdf], env);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Information security compliance report: PDF');
    const bytes = readFileSync(pdf);
    keep('cli-council.pdf', bytes);
    const { text, pages } = readPdf(bytes);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(flat(text)).toContain('Pärnu');
    expect(flat(text)).toContain('None of them has security requirements yet');
    expect(pageImage(bytes).subarray(1, 4).toString()).toBe('PNG');

    const html = join(dir, 'plan.html');
    expect((await runCli(['report', 'poam', '--org', 'Pärnu', '-o', html], env)).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('There are no corrective actions');

    const bad = await runCli(['report', 'system', '--system', 'Nothing here', '-o', join(dir, 'x.pdf')], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('No system named "Nothing here"');
    expect((await runCli(['report', 'council', '-o', join(dir, 'x.docx')], env)).out).toContain('.pdf or .html');
    expect((await runCli(['report', 'weekly', '-o', join(dir, 'x.pdf')], env)).code).toBe(1);
    expect((await runCli(['report', '--help'], env)).out).toContain('--system <name>');

    const verify = await runCli(['audit', 'verify'], env);
    expect(verify.code, verify.out).toBe(0);
  });
});

describe('report engine', () => {
  const branding = { orgName: 'Šiauliai <City>', title: 'Engine check', generatedAt: NOW, timeZone: 'Europe/Vilnius' };
  const fill = <T extends PdfReport | HtmlReport>(r: T): T => {
    r.stats([
      { label: 'Requirements implemented', value: '12345 of 67890', note: 'a long value is set smaller', tone: 'good' },
      { label: '<b>bold?</b>', value: '1', tone: 'bad' },
    ]);
    r.lineChart('Trend with a gap', [
      { label: '1 Nov', value: 0.2 },
      { label: '2 Nov', value: null },
      ...Array.from({ length: 28 }, (_, i) => ({ label: `${i + 3} Nov`, value: 0.25 + i / 100 })),
    ]);
    r.lineChart('One point', [{ label: 'today', value: 0.5 }], { height: 80 });
    r.bullets(['First <img src=x onerror=alert(1)>', 'Second']);
    r.table(
      ['Requirement', 'Status'],
      [
        ['CS-1 Title in bold\nA statement that is long enough to wrap onto a second line in a narrow column of the table.', 'Implemented'],
        ['CS-2 "quoted" & <tagged>', 'Not started'],
      ],
      [0.7, 0.3],
      { firstLineBold: true, tone: (row, i) => (i === 1 && row[1] === 'Implemented' ? 'good' : undefined) },
    );
    r.heatmap('Heat', ['<row>'], ['L', 'H'], [[0.1, null]]);
    r.keyValues([['<key>', '<value>']]);
    return r;
  };

  it('draws tiles, line charts (gaps, a single point), bullets and toned tables in the PDF', async () => {
    const pdf = await fill(new PdfReport(branding)).toBuffer();
    keep('engine.pdf', pdf);
    const f = flat(readPdf(pdf).text);
    for (const s of [
      '12345 of 67890',
      'Trend with a gap',
      '30 Nov',
      '50 %',
      'First <img',
      'CS-1 Title in bold',
      'CS-2 "quoted" & <tagged>',
      'Šiauliai <City>',
    ])
      expect(f).toContain(s);
    expect(pageImage(pdf).length).toBeGreaterThan(5_000);
  });

  it('writes the same blocks as one self-contained HTML file, escaping every value', async () => {
    const html = (await fill(new HtmlReport(branding)).toBuffer()).toString('utf8');
    keep('engine.html', Buffer.from(html));
    expect(html).toContain('Šiauliai &lt;City&gt;');
    expect(html).toContain('&lt;b&gt;bold?&lt;/b&gt;');
    expect(html).toContain('First &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<strong>CS-1 Title in bold</strong>');
    expect(html).toContain('CS-2 &quot;quoted&quot; &amp; &lt;tagged&gt;');
    expect(html).toContain('&lt;row&gt;');
    expect(html).toContain('<dt>&lt;key&gt;</dt><dd>&lt;value&gt;</dd>');
    expect(html).not.toMatch(/<(img|b|row|key|tagged|script)[\s>]/);
    expect(html.match(/<svg class="line"/g)).toHaveLength(2);
    expect(html).toContain('class="t-good"');
  });
});
