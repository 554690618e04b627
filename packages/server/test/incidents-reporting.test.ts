import { expect, it } from 'vitest';
import { HIGH, LOW } from './support/answers.js';
import { newMember, newOrganisation, TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

interface Reportable {
  id: string;
  name: string;
  kind: string;
  sector: string;
  securityLevel: string | null;
  notation: string | null;
  levelVisible: boolean;
}

async function register(client: TestClient, name: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/systems', {
    name,
    sector: 'public-administration',
    kind: 'application',
    hosting: 'cloud',
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; name: string };
}

async function classify(client: TestClient, id: string, answers: Record<string, string>) {
  const res = await client.post(`/api/v1/systems/${id}/classification`, { answers });
  if (res.statusCode >= 300) throw new Error(res.body);
}

const search = (client: TestClient, query: string) => client.get(`/api/v1/incidents/reportable-systems${query}`);

async function found(client: TestClient, query: string) {
  const res = await search(client, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Reportable[]; total: number; page: number; pageSize: number };
}

describeOnEachDatabase('incident reporting for everyone (systems to name, incident types)', (get) => {
  it('lets staff find systems by part of the name without seeing levels; officers see them, owners for their own', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const staff = await newMember(h, admin, 'staff');
    const officer = await newMember(h, admin, 'security_officer');
    const owner = await newMember(h, admin, 'system_owner');

    const site = await register(admin, 'City Website', { kind: 'website' });
    await classify(admin, site.id, HIGH);
    const permits = await register(admin, 'Parking permits', { ownerId: owner.id });
    await classify(admin, permits.id, LOW);
    await register(admin, 'Intranet website', { kind: 'website' });
    await register(admin, 'Old website', { kind: 'website', lifecycle: 'retired' });
    await register(admin, 'Tax register', { sector: 'finance' });

    // The register itself stays closed to staff.
    expect((await staff.client.get('/api/v1/systems?q=web')).statusCode).toBe(403);

    // Staff: part of the name, any case; retired systems left out; names and kinds, no levels.
    const hits = await found(staff.client, '?q=WEBS');
    expect(hits).toMatchObject({ total: 2, page: 1, pageSize: 10 });
    expect(hits.items.map((s) => [s.name, s.kind])).toEqual([
      ['City Website', 'website'],
      ['Intranet website', 'website'],
    ]);
    expect(hits.items[0]).toEqual({
      id: site.id,
      name: 'City Website',
      kind: 'website',
      sector: 'public-administration',
      securityLevel: null,
      notation: null,
      levelVisible: false,
    });
    expect((await found(staff.client, '?q=%25')).total).toBe(0); // % is matched literally
    const all = await found(staff.client, '?pageSize=2');
    expect(all).toMatchObject({ total: 4, pageSize: 2 });
    expect(all.items.map((s) => s.name)).toEqual(['City Website', 'Intranet website']);
    expect((await found(staff.client, '?pageSize=2&page=2')).items.map((s) => s.name)).toEqual(['Parking permits', 'Tax register']);

    // The officer sees every level.
    const asOfficer = await found(officer.client, '?q=city');
    expect(asOfficer.items).toEqual([expect.objectContaining({ id: site.id, securityLevel: 'H', notation: 'K3T3S1', levelVisible: true })]);

    // An owner sees the level of their own system only.
    const asOwner = (await found(owner.client, '?pageSize=50')).items;
    expect(asOwner.find((s) => s.id === permits.id)).toMatchObject({ securityLevel: 'L', levelVisible: true });
    expect(asOwner.find((s) => s.id === site.id)).toMatchObject({ securityLevel: null, notation: null, levelVisible: false });

    // Another organisation's systems are never found.
    const other = await newOrganisation(h);
    await register(other.admin, 'Other city website', { kind: 'website' });
    expect((await found(staff.client, '?q=other city')).total).toBe(0);
    const otherStaff = await newMember(h, other.admin, 'staff');
    expect((await found(otherStaff.client, '?q=website')).items.map((s) => s.name)).toEqual(['Other city website']);
  });

  it('accepts a staff report naming the picked system and shows it without its level', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const staff = await newMember(h, admin, 'staff');
    const site = await register(admin, 'City website', { kind: 'website' });
    await classify(admin, site.id, HIGH);

    const picked = (await found(staff.client, '?q=city web')).items[0];
    expect(picked?.id).toBe(site.id);
    const res = await staff.client.post('/api/v1/incidents', {
      title: 'The city website shows a political message',
      type: 'defacement',
      systemIds: [picked?.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const mine = (await staff.client.get(`/api/v1/incidents/${id}`)).json();
    expect(mine.systems).toEqual([
      {
        id: site.id,
        name: 'City website',
        kind: 'website',
        sector: 'public-administration',
        securityLevel: null,
        notation: null,
        levelVisible: false,
      },
    ]);
    expect(mine.typeName).toBe('Website defacement');
    const handled = (await admin.get(`/api/v1/incidents/${id}`)).json();
    expect(handled.systems[0]).toMatchObject({ securityLevel: 'H', notation: 'K3T3S1', levelVisible: true });
  });

  it("lists the incident types: the built-in threats and the organisation's own, without risk counts", async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const officer = await newMember(h, admin, 'security_officer');
    const staff = await newMember(h, admin, 'staff');
    const created = await officer.client.post('/api/v1/risks/threats', {
      key: 'drone-intrusion',
      name: 'Drone intrusion',
      dimensions: ['availability'],
    });
    expect(created.statusCode, created.body).toBe(201);

    expect((await staff.client.get('/api/v1/risks/threats')).statusCode).toBe(403);
    const res = await staff.client.get('/api/v1/incidents/types');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<Record<string, unknown>>;
    expect(items).toContainEqual({ key: 'drone-intrusion', name: 'Drone intrusion', builtIn: false });
    expect(items).toContainEqual({ key: 'phishing', name: expect.any(String), builtIn: true });
    expect(items).toContainEqual({ key: 'defacement', name: 'Website defacement', builtIn: true });
    expect(items.filter((t) => t.builtIn).length).toBeGreaterThanOrEqual(12);
    expect(items.every((t) => !('risks' in t))).toBe(true);

    // Another organisation does not see this one's own threat.
    const other = await newOrganisation(h);
    const theirs = (await other.admin.get('/api/v1/incidents/types')).json().items as Array<{ key: string }>;
    expect(theirs.map((t) => t.key)).not.toContain('drone-intrusion');
  });

  it('refuses callers without incidents:report (403) and bad input (400)', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const staff = await newMember(h, admin, 'staff');
    // Every built-in role may report: a token without incidents:report stands for one that may not.
    const t = await staff.client.post('/api/v1/tokens', { name: 'catalogues only', permissions: ['catalogs:read'], expiresInDays: 1 });
    expect(t.statusCode, t.body).toBe(201);
    const bot = new TestClient(h.built.app);
    bot.bearer = t.json().secret;
    for (const url of ['/api/v1/incidents/reportable-systems?q=web', '/api/v1/incidents/types'])
      expect((await bot.get(url)).statusCode, url).toBe(403);
    const reporter = await staff.client.post('/api/v1/tokens', { name: 'reporter', permissions: ['incidents:report'], expiresInDays: 1 });
    const tool = new TestClient(h.built.app);
    tool.bearer = reporter.json().secret;
    expect((await tool.get('/api/v1/incidents/reportable-systems')).statusCode).toBe(200);
    expect((await tool.get('/api/v1/incidents/types')).statusCode).toBe(200);
    expect((await new TestClient(h.built.app).get('/api/v1/incidents/types')).statusCode).toBe(401);

    for (const query of [
      '?pageSize=0',
      '?pageSize=51',
      '?pageSize=1000',
      '?pageSize=ten',
      '?page=0',
      `?q=${'a'.repeat(201)}`,
      `?q=${encodeURIComponent('web\u0000site')}`,
      `?q=${encodeURIComponent('web\u0007')}x`,
      '?q=web&unknown=1',
    ]) {
      const res = await search(staff.client, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code, query).toBeTruthy();
    }
    expect((await search(staff.client, `?q=${'a'.repeat(200)}&pageSize=50`)).statusCode).toBe(200);
  });
});
