import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoRefusedError, type DemoResult, demoDomain, runDemo } from '../src/demo/index.js';
import { STRONG_PASSWORD, TestClient } from './support/client.js';
import { describeOnEachDatabase, type Harness } from './support/harness.js';
import { runCli } from './support/processes.js';

const DEMO_TIMEOUT = 240_000;

/** Row counts of everything the demo writes: a refused run must leave all of them as they were. */
async function counts(h: Harness, orgId: string) {
  const db = h.runtime.ctx.db;
  const out: Record<string, number> = {};
  for (const table of [
    'systems',
    'system_dependencies',
    'classifications',
    'system_requirements',
    'components',
    'system_components',
    'evidence',
    'requirement_comments',
    'compliance_snapshots',
    'audit_log',
    'users',
    'departments',
  ] as const) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

/** What a screenshot shows, without ids or timestamps: the same on every run. */
async function fingerprint(h: Harness, orgId: string) {
  const rows = await h.runtime.ctx.db
    .selectFrom('system_requirements as r')
    .innerJoin('systems as s', 's.id', 'r.system_id')
    .leftJoin('users as u', 'u.id', 'r.responsible_id')
    .select(['s.name', 's.security_level', 'r.control_id', 'r.effective_status', 'r.due_date', 'u.name as responsible'])
    .where('r.org_id', '=', orgId)
    .where('r.applies', '=', 1)
    .orderBy('s.name')
    .orderBy('r.control_id')
    .execute();
  return rows.map((r) => [r.name, r.security_level, r.control_id, r.effective_status, r.due_date, r.responsible].join('|'));
}

describeOnEachDatabase('cityshield demo', (get) => {
  const orgName = 'Demo City of Testing';
  let result: DemoResult;
  let officer: TestClient;

  beforeAll(async () => {
    result = await runDemo(get().runtime, { orgName, password: STRONG_PASSWORD });
    officer = new TestClient(get().built.app);
    const login = await officer.post('/api/v1/auth/login', { email: `kadri.tamm@${demoDomain(orgName)}`, password: STRONG_PASSWORD });
    if (login.statusCode !== 200) throw new Error(login.body);
  }, DEMO_TIMEOUT);

  it('creates the organisation, its administrator and the demo people', async () => {
    expect(result.createdOrganisation).toBe(true);
    expect(result.accounts.map((a) => a.role)).toEqual(
      expect.arrayContaining(['Administrator', 'Security officer', 'Auditor', 'System owner']),
    );
    const users = (await officer.get('/api/v1/users?pageSize=100')).json() as { items: Array<{ role: string }> };
    expect(users.items.filter((u) => u.role === 'system_owner').length).toBeGreaterThanOrEqual(8);
    const departments = (await officer.get('/api/v1/departments')).json() as { items: unknown[] };
    expect(departments.items.length).toBe(10);
  });

  it('registers a city of systems with a dependency graph, classified with a spread of levels', async () => {
    const h = get();
    const c = await counts(h, result.orgId);
    expect(c.systems).toBeGreaterThanOrEqual(50);
    expect(c.system_dependencies).toBeGreaterThanOrEqual(70);
    const systems = await h.runtime.ctx.db
      .selectFrom('systems')
      .select(['name', 'kind', 'sector', 'security_level', 'lifecycle'])
      .where('org_id', '=', result.orgId)
      .execute();
    expect(new Set(systems.map((s) => s.kind)).size).toBe(7);
    expect(new Set(systems.map((s) => s.sector)).size).toBeGreaterThanOrEqual(8);
    const level = (l: string | null) => systems.filter((s) => s.security_level === l);
    for (const l of ['L', 'M', 'H']) expect(level(l).length, l).toBeGreaterThanOrEqual(5);
    // Only the pilots and planned systems are left unclassified, on purpose.
    expect(
      level(null)
        .map((s) => s.lifecycle)
        .sort(),
    ).toEqual(['development', 'development', 'planned']);
    const due = (await officer.get('/api/v1/classification/due?status=unclassified')).json() as { total: number };
    expect(due.total).toBe(3);
  });

  it('computes requirement lists with the real code and spreads their statuses', async () => {
    const total = async (query: string) => {
      const res = await officer.get(`/api/v1/requirements?pageSize=1&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { total: number }).total;
    };
    const all = await total('');
    expect(all).toBeGreaterThan(2000);
    const by: Record<string, number> = {};
    for (const s of ['implemented', 'partially', 'planned', 'not-started', 'not-applicable']) by[s] = await total(`status=${s}`);
    expect(Object.values(by).reduce((a, b) => a + b, 0)).toBe(all);
    expect((by.implemented ?? 0) / all).toBeGreaterThan(0.3);
    expect((by.implemented ?? 0) / all).toBeLessThan(0.7);
    for (const s of ['partially', 'planned', 'not-started']) expect((by[s] ?? 0) / all, s).toBeGreaterThan(0.05);
    expect(by['not-applicable']).toBeGreaterThan(0);
    expect(await total('overdue=true')).toBeGreaterThan(0);
    expect(await total('q=backup')).toBeGreaterThan(0); // the search binds no booleans (SQLite refuses them)
    expect(await total('inherited=true')).toBeGreaterThan(100);
    const na = (await officer.get('/api/v1/requirements?status=not-applicable&pageSize=5')).json() as { items: Array<{ id: string }> };
    for (const item of na.items) {
      const detail = (await officer.get(`/api/v1/requirements/${item.id}`)).json() as { justification: string | null };
      expect(detail.justification?.length ?? 0).toBeGreaterThan(10);
    }
  });

  it('uses common components, evidence files and links, and comments', async () => {
    const h = get();
    const components = (await officer.get('/api/v1/components')).json() as { items: Array<{ name: string; systems: number }> };
    expect(components.items.map((c) => c.name).sort()).toEqual(
      ['Central identity service', 'City data centre', 'E-mail gateway', 'Regional IT provider hosting'].sort(),
    );
    for (const c of components.items) expect(c.systems, c.name).toBeGreaterThan(0);
    const c = await counts(h, result.orgId);
    expect(c.evidence).toBeGreaterThanOrEqual(5);
    expect(c.requirement_comments).toBeGreaterThanOrEqual(3);
    const files = await h.runtime.ctx.db
      .selectFrom('evidence')
      .select(['name', 'media_type'])
      .where('org_id', '=', result.orgId)
      .where('kind', '=', 'file')
      .execute();
    expect(files.map((f) => f.media_type).sort()).toEqual(expect.arrayContaining(['application/pdf', 'text/plain']));
  });

  it('shows a dashboard with a plausible share and an upward trend over 90 days', async () => {
    const res = await officer.get('/api/v1/dashboard/compliance');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as {
      totals: { share: number; systems: number; unclassified: number; overdue: number };
      byDepartment: unknown[];
      trend: Array<{ day: string; share: number | null }>;
    };
    expect(d.totals.share).toBeGreaterThan(0.2);
    expect(d.totals.share).toBeLessThan(0.9);
    expect(d.totals.unclassified).toBe(3);
    expect(d.totals.overdue).toBeGreaterThan(0);
    expect(d.byDepartment.length).toBe(10);
    expect(d.trend.length).toBe(91);
    const first = d.trend[0]?.share ?? 1;
    const last = d.trend.at(-1)?.share ?? 0;
    expect(last - first).toBeGreaterThan(0.1);
  });

  it('audits every change in an intact chain', async () => {
    const verdict = (await officer.get('/api/v1/audit/verify')).json() as { ok: boolean; checked: number };
    expect(verdict.ok).toBe(true);
    expect(verdict.checked).toBeGreaterThan(500);
    const classify = (await officer.get('/api/v1/audit?action=system.classify&pageSize=1')).json() as { total: number };
    expect(classify.total).toBe(62);
  });

  it('refuses a second run without --force and changes nothing', async () => {
    const h = get();
    const before = await counts(h, result.orgId);
    await expect(runDemo(h.runtime, { orgName, password: STRONG_PASSWORD })).rejects.toBeInstanceOf(DemoRefusedError);
    expect(await counts(h, result.orgId)).toEqual(before);
  });

  it(
    'is deterministic: a second city from the same seed looks the same',
    async () => {
      const h = get();
      // Once is enough to show it (the PostgreSQL half would only double the run time).
      if (h.kind === 'postgres') return;
      const twin = await runDemo(h.runtime, { orgName: 'Demo City Twin', password: STRONG_PASSWORD });
      expect(await fingerprint(h, twin.orgId)).toEqual(await fingerprint(h, result.orgId));
    },
    DEMO_TIMEOUT,
  );
});

describe('cityshield demo (CLI, SQLite)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cityshield-demo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'fills a new installation, prints the logins, keeps a given password to itself and refuses a second run',
    async () => {
      const env = { DATA_DIR: dir };
      const help = await runCli(['demo', '--help'], env);
      expect(help.out).toContain('--force');
      const r = await runCli(['demo', '--password-stdin'], env, `${STRONG_PASSWORD}\n`);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain('kadri.tamm@demo-city.example');
      expect(r.out).toContain('admin@demo-city.example');
      expect(r.out).toContain('http://localhost:8080/login');
      expect(r.out).not.toContain(STRONG_PASSWORD);
      const again = await runCli(['demo'], env);
      expect(again.code).toBe(1);
      expect(again.out).toContain('already has 65 systems');
      expect(again.out).not.toContain('Password of the new accounts');
      const verify = await runCli(['audit', 'verify'], env);
      expect(verify.code, verify.out).toBe(0);
      expect(verify.out).toContain('intact');
    },
    DEMO_TIMEOUT,
  );
});
