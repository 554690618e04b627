import { expect, it } from 'vitest';
import type { Actor } from '../src/context.js';
import { listRequirements } from '../src/modules/baselines/requirement-list.js';
import { HIGH, LOW } from './support/answers.js';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase, type Harness } from './support/harness.js';

type Item = { id: string; systemId: string; controlId: string; title: string; dueDate: string | null; effectiveStatus: string };
type Page = { items: Item[]; total: number };

const list = async (c: TestClient, query: string): Promise<Page> => {
  const res = await c.get(`/api/v1/requirements?${query}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as Page;
};

/** Every page of a list (pages hold at most 200). */
async function listAll(c: TestClient, query: string): Promise<Page> {
  const items: Item[] = [];
  for (let page = 1; ; page++) {
    const p = await list(c, `${query}&page=${page}&pageSize=200`);
    items.push(...p.items);
    if (items.length >= p.total || p.items.length === 0) return { items, total: p.total };
  }
}

async function system(c: TestClient, name: string, answers: Record<string, string>, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/v1/systems', { name, sector: 'transport', kind: 'application', hosting: 'on-premises', ...extra });
  if (res.statusCode !== 201) throw new Error(res.body);
  const { id } = res.json() as { id: string };
  const cls = await c.post(`/api/v1/systems/${id}/classification`, { answers });
  if (cls.statusCode !== 201) throw new Error(cls.body);
  return id;
}

async function bulk(c: TestClient, ids: string[], set: Record<string, unknown>) {
  const res = await c.post('/api/v1/requirements/bulk', { ids, set });
  if (res.statusCode !== 200) throw new Error(res.body);
}

/**
 * A small city with every kind of due date (past, future, none) and status, owned partly by a
 * system owner, in two departments.
 */
async function city(h: Harness) {
  const { admin, orgId, adminId, email } = await newOrganisation(h);
  const owner = await newMember(h, admin, 'system_owner');
  const roads = (await admin.post('/api/v1/departments', { name: 'Roads' })).json().id as string;
  const schools = (await admin.post('/api/v1/departments', { name: 'Schools' })).json().id as string;
  const a = await system(admin, 'Traffic lights', HIGH, { departmentId: roads });
  const b = await system(admin, 'Parking', LOW, { departmentId: roads, ownerId: owner.id });
  const c = await system(admin, 'School meals', LOW, { departmentId: schools, sector: 'education' });
  const all = (await listAll(admin, '')).items;
  const ids = all.map((i) => i.id);
  // Dates shared across systems (ties broken by system, then catalog order), some undated.
  await bulk(
    admin,
    ids.filter((_, i) => i % 5 === 0),
    { dueDate: '2020-03-01', status: 'planned' },
  );
  await bulk(
    admin,
    ids.filter((_, i) => i % 5 === 1),
    { dueDate: '2031-07-15', status: 'partially' },
  );
  await bulk(
    admin,
    ids.filter((_, i) => i % 5 === 2),
    { dueDate: '2019-12-31', status: 'implemented' },
  );
  await bulk(
    admin,
    ids.filter((_, i) => i % 7 === 3),
    { status: 'not-applicable', justification: 'Handled by the region.' },
  );
  const officer: Actor = {
    userId: adminId,
    orgId,
    email,
    name: 'Admin',
    role: 'admin',
    permissions: new Set(['systems:read-all']),
    via: 'session',
    ip: null,
  };
  return { admin, owner, officer, roads, schools, systems: [a, b, c], total: all.length };
}

/** What is due first, undated last; ties by system, then catalog order. */
function inDisplayOrder(items: Item[]) {
  for (let i = 1; i < items.length; i++) {
    const [p, q] = [items[i - 1], items[i]];
    if (!p || !q) continue;
    if (p.dueDate === null && q.dueDate !== null) return false;
    if (p.dueDate !== null && q.dueDate !== null && p.dueDate > q.dueDate) return false;
  }
  return true;
}

describeOnEachDatabase('requirement lists at scale', (get) => {
  it('pages what is due first, undated last, the same whether a page is read from the index or sorted', async () => {
    const h = get();
    const c = await city(h);
    const read = (walkAbove: number, page: number, f = {}) => listRequirements(h.runtime.ctx, c.officer, f, page, 40, { walkAbove });
    const walked = [];
    const sorted = [];
    for (let page = 1; (page - 1) * 40 < c.total; page++) {
      walked.push(...(await read(0, page)).items);
      sorted.push(...(await read(Number.POSITIVE_INFINITY, page)).items);
    }
    expect(walked.length).toBe(c.total);
    expect(new Set(walked.map((i) => i.id)).size).toBe(c.total);
    expect(walked.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
    expect(inDisplayOrder(walked as Item[])).toBe(true);
    expect(walked.at(-1)?.dueDate).toBeNull();
    expect(walked[0]?.dueDate).toBe('2019-12-31');
    // Overdue: open and past due; both ways again.
    const overdue = await read(0, 1, { overdue: true });
    expect(overdue.items.map((i) => i.id)).toEqual((await read(Number.POSITIVE_INFINITY, 1, { overdue: true })).items.map((i) => i.id));
    expect(overdue.items.every((i) => i.dueDate === '2020-03-01' && i.effectiveStatus === 'planned')).toBe(true);
    expect(overdue.total).toBeGreaterThan(0);
    // A page past the end is empty but knows the total.
    const beyond = await list(c.admin, 'page=99&pageSize=50');
    expect(beyond).toMatchObject({ items: [], total: c.total });
  });

  it('counts from the summary exactly what the records say, for officers and owners', async () => {
    const h = get();
    const c = await city(h);
    // `reviewRequired=false` holds for every record here but is not in the summary: it forces a
    // count of the records themselves, which the summary's answer must equal.
    const queries = [
      '',
      'status=planned',
      `departmentId=${c.roads}`,
      `departmentId=${c.schools}&status=not-applicable`,
      'family=ac',
      'securityLevel=L&status=planned',
      'sector=education',
      `sector=transport&departmentId=${c.roads}&family=ac`,
    ];
    for (const q of queries) {
      const fromSummary = await list(c.admin, `${q}&pageSize=1`);
      const counted = await list(c.admin, `${q}&reviewRequired=false&pageSize=1`);
      expect(fromSummary.total, q).toBe(counted.total);
    }
    expect((await list(c.admin, '')).total).toBe(c.total);
    // The dashboard's drill-downs: by the systems' level and sector.
    const high = await listAll(c.admin, 'securityLevel=H');
    expect(new Set(high.items.map((i) => i.systemId))).toEqual(new Set([c.systems[0]]));
    const education = await listAll(c.admin, 'sector=education');
    expect(education.total).toBeGreaterThan(0);
    expect(education.items.every((i) => i.systemId === c.systems[2])).toBe(true);
    expect((await list(c.admin, 'securityLevel=H&sector=education')).total).toBe(0);
    // The systems behind a level, for the dashboard's systems links.
    const systemsAtH = (await c.admin.get('/api/v1/systems?securityLevel=H')).json();
    expect(systemsAtH.items.map((s: { id: string }) => s.id)).toEqual([c.systems[0]]);
    expect((await c.admin.get('/api/v1/systems?securityLevel=L')).json().total).toBe(2);
    expect((await list(c.admin, 'status=planned')).total).toBeGreaterThan(0);
    // The owner's totals are their own system's only.
    const own = await listAll(c.owner.client, '');
    expect(own.items.every((i) => i.systemId === c.systems[1])).toBe(true);
    expect(own.total).toBe(own.items.length);
    expect((await list(c.owner.client, 'reviewRequired=false&pageSize=1')).total).toBe(own.total);
    expect((await list(c.owner.client, `departmentId=${c.schools}`)).total).toBe(0);
  });

  it('searches control ids and titles, case-insensitively and literally, and finds nothing without a match', async () => {
    const h = get();
    const c = await city(h);
    const all = (await listAll(c.admin, '')).items;
    const word = 'access';
    const expected = all.filter((i) => i.title.toLowerCase().includes(word) || i.controlId.includes(word));
    expect(expected.length).toBeGreaterThan(0);
    const found = await listAll(c.admin, `q=ACCESS`);
    expect(found.total).toBe(expected.length);
    expect(new Set(found.items.map((i) => i.id))).toEqual(new Set(expected.map((i) => i.id)));
    expect(inDisplayOrder(found.items)).toBe(true);
    // By control id, with other filters.
    const some = all.find((i) => i.effectiveStatus === 'planned');
    if (!some) throw new Error('no planned requirement');
    const byId = await listAll(c.admin, `q=${encodeURIComponent(some.controlId)}&status=planned`);
    expect(byId.items.map((i) => i.id)).toContain(some.id);
    expect(byId.items.every((i) => i.controlId.includes(some.controlId) || i.title.toLowerCase().includes(some.controlId))).toBe(true);
    // Wildcards are text, and nothing matches nothing.
    expect((await list(c.admin, 'q=%25')).total).toBe(0);
    expect((await list(c.admin, 'q=_')).total).toBe(0);
    expect((await list(c.admin, 'q=no%20control%20says%20this')).total).toBe(0);
    // Owners search their own systems only.
    const own = await listAll(c.owner.client, `q=${word}`);
    expect(own.total).toBe(expected.filter((i) => i.systemId === c.systems[1]).length);
  });

  it('gives the dashboard trend for the whole organisation only, and today alone for a narrower view', async () => {
    const h = get();
    const c = await city(h);
    await h.runtime.services.dashboard.snapshot(c.officer.orgId);
    const wide = (await c.admin.get('/api/v1/dashboard/compliance')).json();
    expect(wide.trendScope).toBe('organisation');
    const narrow = (await c.admin.get(`/api/v1/dashboard/compliance?departmentId=${c.roads}`)).json();
    expect(narrow.trendScope).toBe('today');
    expect(narrow.trend).toEqual([expect.objectContaining({ share: narrow.totals.share, overdue: narrow.totals.overdue })]);
    const owner = (await c.owner.client.get('/api/v1/dashboard/compliance')).json();
    expect(owner.trendScope).toBe('today');
    expect(owner.totals.systems).toBe(1);
    // Overdue per department adds up to the records' own count.
    const overdue = (await list(c.admin, 'overdue=true&pageSize=1')).total;
    expect(wide.totals.overdue).toBe(overdue);
    expect(wide.byDepartment.reduce((n: number, d: { overdue: number }) => n + d.overdue, 0)).toBe(overdue);
    expect(narrow.totals.overdue).toBe((await list(c.admin, `overdue=true&departmentId=${c.roads}&pageSize=1`)).total);
  });
});
