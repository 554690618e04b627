import { expect, it } from 'vitest';
import { newMember, newOrganisation, STRONG_PASSWORD, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

/** The test's clock: classifications get their dates (and so their review dates) from it. */
let now = new Date('2023-11-01T09:00:00Z');
const clock = { now: () => new Date(now) };

/** ISKE, all answered: H (reviewed yearly), L (every 3 years); PARTIAL leaves integrity unset. */
const HIGH = {
  'outage-day': 'safety-at-risk',
  'tolerable-downtime': 'hours',
  'physical-equipment': 'controls',
  'wrong-data-decisions': 'health-or-safety',
  'official-record': 'no',
  'personal-data': 'none',
  'other-information': 'internal',
  'who-did-what': 'useful',
};
const LOW = {
  'outage-day': 'inconvenient',
  'tolerable-downtime': 'days',
  'physical-equipment': 'no',
  'wrong-data-decisions': 'minor',
  'official-record': 'no',
  'personal-data': ['contact'],
  'other-information': 'internal',
  'who-did-what': 'useful',
};
const PARTIAL = { 'outage-day': 'inconvenient', 'personal-data': ['contact'] };

interface Item {
  systemId: string;
  name: string;
  ownerName: string | null;
  status: string;
  notation: string | null;
  securityLevel: string | null;
  reviewDue: string | null;
}

interface Member {
  client: TestClient;
  email: string;
}

/** Moves the clock and logs the clients in again (sessions expire when months pass). */
async function at(when: string, ...members: Member[]) {
  now = new Date(when);
  for (const m of members) {
    const res = await m.client.post('/api/v1/auth/login', { email: m.email, password: STRONG_PASSWORD });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  }
}

async function register(client: TestClient, name: string) {
  const res = await client.post('/api/v1/systems', { name, sector: 'transport', kind: 'application', hosting: 'on-premises' });
  if (res.statusCode !== 201) throw new Error(res.body);
  return (res.json() as { id: string }).id;
}

async function classify(client: TestClient, id: string, answers: object) {
  const res = await client.post(`/api/v1/systems/${id}/classification`, { answers });
  if (res.statusCode !== 201) throw new Error(res.body);
}

async function due(client: TestClient, query = '') {
  const res = await client.get(`/api/v1/classification/due${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number; page: number; pageSize: number; today: string; horizon: string; method: string };
}

const names = (items: Item[]) => items.map((i) => i.name);

describeOnEachDatabase(
  'reclassification worklist',
  (get) => {
    it('lists unclassified systems first, then overdue and due-soon reviews, oldest first, paged', async () => {
      const h = get();
      await at('2023-11-01T09:00:00Z');
      const org = await newOrganisation(h);
      const admin = { client: org.admin, email: org.email };
      const unclassified = await register(admin.client, 'Alpha never classified');
      await at('2023-11-20T09:00:00Z', admin);
      const partial = await register(admin.client, 'Foxtrot partly classified');
      await classify(admin.client, partial, PARTIAL);

      await at('2023-12-01T09:00:00Z', admin);
      const charlie = await register(admin.client, 'Charlie');
      await classify(admin.client, charlie, HIGH); // due 2024-12-01
      await at('2024-01-10T09:00:00Z', admin);
      const bravo = await register(admin.client, 'Bravo');
      await classify(admin.client, bravo, HIGH); // due 2025-01-10
      await at('2024-02-01T09:00:00Z', admin);
      const delta = await register(admin.client, 'Delta');
      await classify(admin.client, delta, HIGH); // due 2025-02-01
      const echo = await register(admin.client, 'Echo');
      await classify(admin.client, echo, LOW); // due 2027-02-01
      // Reclassified as high later: the newest classification counts, not the first.
      await at('2024-03-01T09:00:00Z', admin);
      const golf = await register(admin.client, 'Golf');
      await classify(admin.client, golf, LOW); // due 2027-03-01 …
      await at('2024-03-05T09:00:00Z', admin);
      await classify(admin.client, golf, HIGH); // … replaced: due 2025-03-05

      await at('2025-01-15T12:00:00Z', admin);
      const all = await due(admin.client);
      expect(all).toMatchObject({ today: '2025-01-15', horizon: '2025-02-14', method: 'iske', total: 5, page: 1, pageSize: 25 });
      expect(names(all.items)).toEqual(['Alpha never classified', 'Foxtrot partly classified', 'Charlie', 'Bravo', 'Delta']);
      expect(all.items.map((i) => i.status)).toEqual(['unclassified', 'unclassified', 'overdue', 'overdue', 'due-soon']);
      expect(all.items[0]).toMatchObject({ systemId: unclassified, notation: null, securityLevel: null, reviewDue: null, ownerName: null });
      // Partly classified: the gaps show, but without a security level it is not classified.
      expect(all.items[1]).toMatchObject({ systemId: partial, notation: 'K1T?S1', securityLevel: null, reviewDue: null });
      expect(all.items[2]).toMatchObject({ systemId: charlie, notation: 'K3T3S1', securityLevel: 'H', reviewDue: '2024-12-01' });
      expect(all.items[4]).toMatchObject({ systemId: delta, status: 'due-soon', reviewDue: '2025-02-01' });

      // A longer horizon takes in Golf; a shorter one drops Delta.
      expect(names((await due(admin.client, '?within=60')).items)).toContain('Golf');
      expect(names((await due(admin.client, '?within=10')).items)).not.toContain('Delta');
      expect((await due(admin.client, '?within=0')).total).toBe(4);

      // Filter by status, and paging on the server.
      const overdue = await due(admin.client, '?status=overdue');
      expect(overdue.total).toBe(2);
      expect(names(overdue.items)).toEqual(['Charlie', 'Bravo']);
      expect(names((await due(admin.client, '?status=due-soon')).items)).toEqual(['Delta']);
      expect((await due(admin.client, '?status=unclassified')).total).toBe(2);
      const page2 = await due(admin.client, '?pageSize=2&page=2');
      expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(names(page2.items)).toEqual(['Charlie', 'Bravo']);
      expect(names((await due(admin.client, '?pageSize=2&page=3')).items)).toEqual(['Delta']);

      // Reclassifying today takes a system off the list.
      await classify(admin.client, charlie, HIGH);
      const after = await due(admin.client);
      expect(names(after.items)).toEqual(['Alpha never classified', 'Foxtrot partly classified', 'Bravo', 'Delta']);

      // A year later Echo (low, every 3 years) is still current while the others are overdue.
      await at('2026-03-10T12:00:00Z', admin);
      const later = await due(admin.client);
      expect(names(later.items)).not.toContain('Echo');
      expect(later.items.filter((i) => i.status === 'overdue').map((i) => i.name)).toEqual(['Bravo', 'Delta', 'Golf', 'Charlie']);
    });

    it('refuses bad queries', async () => {
      const h = get();
      await at('2025-01-15T12:00:00Z');
      const { admin } = await newOrganisation(h);
      for (const q of ['?within=-1', '?within=abc', '?within=5000', '?status=current', '?status=bogus', '?page=0', '?colour=red']) {
        expect((await admin.get(`/api/v1/classification/due${q}`)).statusCode, q).toBe(400);
      }
    });

    it('shows system owners only their own systems, and everyone only their organisation', async () => {
      const h = get();
      await at('2025-01-15T12:00:00Z');
      const org = await newOrganisation(h);
      const owner = await newMember(h, org.admin, 'system_owner');
      const auditor = await newMember(h, org.admin, 'auditor');
      const mine = await register(owner.client, 'School meals');
      await register(owner.client, 'School transport');
      await register(org.admin, 'Payroll');
      const other = await newOrganisation(h);
      await register(other.admin, 'Somebody else’s payroll');

      const own = await due(owner.client);
      expect(own.total).toBe(2);
      expect(names(own.items)).toEqual(['School meals', 'School transport']);
      expect(own.items[0]).toMatchObject({ systemId: mine, ownerName: 'Member system_owner', status: 'unclassified' });
      expect((await due(owner.client, '?status=unclassified&pageSize=1&page=2')).items.map((i) => i.name)).toEqual(['School transport']);

      for (const reader of [org.admin, auditor.client]) {
        const everything = await due(reader);
        expect(names(everything.items).sort()).toEqual(['Payroll', 'School meals', 'School transport']);
      }
      // Staff lack systems:read.
      const staff = await newMember(h, org.admin, 'staff');
      expect((await staff.client.get('/api/v1/classification/due')).statusCode).toBe(403);
    });

    it('after a change of method every system is due for reclassification', async () => {
      const h = get();
      await at('2025-01-15T12:00:00Z');
      const { admin } = await newOrganisation(h);
      const id = await register(admin, 'Parking permits');
      await classify(admin, id, LOW);
      expect((await due(admin)).total).toBe(0);
      expect((await admin.request('PUT', '/api/v1/classification/method', { method: 'bsi-200-2' })).statusCode).toBe(200);
      const list = await due(admin);
      expect(list.method).toBe('bsi-200-2');
      // The ISKE classification stays in the history but says nothing under BSI 200-2.
      expect(list.items).toEqual([expect.objectContaining({ systemId: id, status: 'unclassified', notation: null, reviewDue: null })]);
      await classify(admin, id, LOW);
      expect((await due(admin)).total).toBe(0);
    });
  },
  { clock },
);
