import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDeadlineReminders } from '../src/modules/incidents/incident-reminders.js';
import { HIGH } from './support/answers.js';
import { newMember, newOrganisation, TestClient } from './support/client.js';
import { describeOnEachDatabase, type Harness, startHarness, stopHarness } from './support/harness.js';
import { readPdf } from './support/pdf.js';
import { mailText, startSmtp } from './support/smtp.js';

/** The test's clock, so that deadlines and reminders can be checked at chosen moments. */
let now = new Date('2026-06-10T09:00:00Z');
const clock = { now: () => new Date(now) };

async function website(admin: TestClient) {
  const s = (
    await admin.post('/api/v1/systems', { name: 'City website', sector: 'public-administration', kind: 'website', hosting: 'cloud' })
  ).json();
  await admin.post(`/api/v1/systems/${s.id}/classification`, { answers: HIGH });
  return s.id as string;
}

async function defacement(admin: TestClient, systemId: string, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/incidents', {
    title: 'Defacement of the city website',
    description: 'The front page shows a political message.',
    severity: 'high',
    systemIds: [systemId],
    malicious: true,
    iocs: ['203.0.113.7'],
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; ref: string };
}

describeOnEachDatabase(
  'incidents and NIS2 clocks',
  (get) => {
    it('records, marks significant, computes the clocks, drafts, completes, exports and sends the early warning, then closes', async () => {
      now = new Date('2026-06-10T09:00:00Z');
      const h = get();
      const { admin } = await newOrganisation(h);
      const siteId = await website(admin);
      const inc = await defacement(admin, siteId);
      expect(inc.ref).toBe('INC-2026-0001');
      expect((await defacement(admin, siteId)).ref).toBe('INC-2026-0002');

      // Awareness in the future, unknown criteria, deadlines sent by hand: refused, nothing changes.
      const url = `/api/v1/incidents/${inc.id}/significance`;
      expect(
        (await admin.request('PUT', url, { significant: true, criteria: ['severe-disruption'], awareAt: '2026-06-11T09:00:00Z' }))
          .statusCode,
      ).toBe(400);
      expect((await admin.request('PUT', url, { significant: true, criteria: ['nope'], awareAt: '2026-06-10T08:00:00Z' })).statusCode).toBe(
        400,
      );
      expect(
        (
          await admin.request('PUT', url, {
            significant: true,
            criteria: ['severe-disruption'],
            awareAt: '2026-06-10T08:00:00Z',
            deadlines: {},
          })
        ).statusCode,
      ).toBe(400);
      expect((await admin.get(`/api/v1/incidents/${inc.id}`)).json()).toMatchObject({ significant: false, deadlines: [] });

      const marked = await admin.request('PUT', url, {
        significant: true,
        criteria: ['severe-disruption', 'malicious-access'],
        awareAt: '2026-06-10T08:00:00+00:00',
      });
      expect(marked.statusCode, marked.body).toBe(200);
      const d = marked.json();
      expect(d.deadlines.map((x: { stage: string; due: string }) => [x.stage, x.due])).toEqual([
        ['early-warning', '2026-06-11T08:00:00.000Z'],
        ['notification', '2026-06-13T08:00:00.000Z'],
        ['final-report', '2026-07-13T08:00:00.000Z'],
      ]);
      expect(d.deadlines[0]).toMatchObject({ state: 'pending', remainingMs: 23 * 3_600_000 });
      expect(d.systems[0]).toMatchObject({ name: 'City website', securityLevel: 'H' });
      expect(d.nextDeadline).toEqual({ stage: 'early-warning', due: '2026-06-11T08:00:00.000Z' });

      // The draft carries what Article 23 asks for, from the incident's data.
      const draft = (await admin.get(`/api/v1/incidents/${inc.id}/reports/early-warning`)).json();
      expect(draft).toMatchObject({ saved: false, content: { suspectedMalicious: 'yes', affectedServices: 'City website (class H)' } });
      const early = `/api/v1/incidents/${inc.id}/reports/early-warning`;
      expect((await admin.post(`${early}/sent`, { sentAt: '2026-06-10T09:00:00Z' })).statusCode).toBe(400); // not saved yet
      const incomplete = await admin.request('PUT', early, { content: { ...draft.content, summary: '  ' } });
      expect(incomplete.json().missing).toEqual(['summary']);
      expect((await admin.post(`${early}/sent`, { sentAt: '2026-06-10T09:00:00Z' })).json().error.details[0].path).toBe('content.summary');
      expect((await admin.request('PUT', early, { content: { ...draft.content, bogus: 'x' } })).statusCode).toBe(400);
      await admin.request('PUT', early, { content: { ...draft.content, crossBorder: 'no' } });

      const pdf = await admin.get(`${early}/export?format=pdf`);
      expect(pdf.headers['content-type']).toContain('application/pdf');
      const text = readPdf(pdf.rawPayload).text;
      expect(text).toContain('NIS2 early warning');
      expect(text).toContain('Defacement of the city website');
      expect(text).toContain('City website (class H)');
      const json = (await admin.get(`${early}/export?format=json`)).json();
      expect(json).toMatchObject({
        incident: 'INC-2026-0001',
        stage: 'early-warning',
        fields: { crossBorder: 'no', suspectedMalicious: 'yes' },
      });

      expect((await admin.post(`${early}/sent`, { sentAt: '2026-06-10T12:00:00Z' })).statusCode).toBe(400); // in the future
      expect((await admin.post(`${early}/sent`, { sentAt: '2026-06-10T07:00:00Z' })).statusCode).toBe(400); // before awareness
      const sent = await admin.post(`${early}/sent`, { sentAt: '2026-06-10T08:45:00Z' });
      expect(sent.statusCode, sent.body).toBe(200);
      expect((await admin.request('PUT', early, { content: draft.content })).statusCode).toBe(409);
      const after = (await admin.get(`/api/v1/incidents/${inc.id}`)).json();
      expect(after.deadlines[0]).toMatchObject({ stage: 'early-warning', state: 'sent', sentAt: '2026-06-10T08:45:00.000Z' });
      expect(after.nextDeadline.stage).toBe('notification');
      // Awareness is anchored once a report went out.
      expect(
        (await admin.request('PUT', url, { significant: true, criteria: ['severe-disruption'], awareAt: '2026-06-10T07:00:00Z' }))
          .statusCode,
      ).toBe(409);

      // Timeline, corrective action, closing with lessons learned.
      expect(
        (await admin.post(`/api/v1/incidents/${inc.id}/timeline`, { text: 'Restored from backup', at: '2026-06-10T08:50:00Z' })).statusCode,
      ).toBe(200);
      expect((await admin.post(`/api/v1/incidents/${inc.id}/timeline`, { text: 'x', at: '2026-07-01T00:00:00Z' })).statusCode).toBe(400);
      await admin.patch(`/api/v1/incidents/${inc.id}`, { status: 'containment' });
      const noLessons = await admin.patch(`/api/v1/incidents/${inc.id}`, { status: 'closed' });
      expect(noLessons.statusCode).toBe(400);
      expect(noLessons.json().error.details.map((x: { path: string }) => x.path)).toEqual(['rootCause', 'lessonsLearned']);
      const act = await admin.post(`/api/v1/incidents/${inc.id}/actions`, {
        title: 'Patch the CMS and enable WAF rules',
        dueDate: '2026-06-30',
      });
      expect(act.statusCode, act.body).toBe(200);
      const closed = await admin.patch(`/api/v1/incidents/${inc.id}`, {
        status: 'closed',
        rootCause: 'Unpatched CMS plug-in',
        lessonsLearned: 'Patch within 72 hours; monitor the front page for changes.',
      });
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({
        status: 'closed',
        actions: [expect.objectContaining({ title: 'Patch the CMS and enable WAF rules', status: 'open' })],
      });
      expect(closed.json().containedAt).not.toBeNull();
      expect(closed.json().timeline.map((t: { kind: string }) => t.kind)).toEqual(
        expect.arrayContaining(['status', 'significance', 'report', 'note', 'action']),
      );
      const audit = (await admin.get('/api/v1/audit?entityType=incident&pageSize=200')).json();
      expect(audit.items.filter((a: { entityId: string }) => a.entityId === inc.id).length).toBeGreaterThanOrEqual(6);
    });

    it('de-duplicates repeated reports of the same event from an API token, and keeps bad input out', async () => {
      now = new Date('2026-06-10T09:00:00Z');
      const h = get();
      const { admin } = await newOrganisation(h);
      const siteId = await website(admin);
      const token = (
        await admin.post('/api/v1/tokens', { name: 'uptime monitor', permissions: ['incidents:report'], expiresInDays: 30 })
      ).json();
      const tool = new TestClient(h.built.app);
      tool.bearer = token.secret;
      const body = { title: 'Website down', severity: 'medium', systemIds: [siteId], dedupeKey: 'monitor:site:down', type: null };
      const first = await tool.post('/api/v1/incidents', body);
      expect(first.statusCode, first.body).toBe(201);
      const again = await tool.post('/api/v1/incidents', body);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toEqual({ id: first.json().id, ref: first.json().ref, deduplicated: true });
      const inc = (await admin.get(`/api/v1/incidents/${first.json().id}`)).json();
      expect(inc).toMatchObject({ reportCount: 2, source: 'api' });
      // Bad input changes nothing.
      const before = (await admin.get('/api/v1/incidents')).json().total;
      expect(
        (await admin.post('/api/v1/incidents', { ...body, systemIds: ['01900000-0000-7000-8000-000000000000'], dedupeKey: null }))
          .statusCode,
      ).toBe(400);
      expect((await admin.post('/api/v1/incidents', { ...body, dedupeKey: null, detectedAt: '2030-01-01T00:00:00Z' })).statusCode).toBe(
        400,
      );
      expect((await admin.post('/api/v1/incidents', { ...body, dedupeKey: null, severity: 'apocalyptic' })).statusCode).toBe(400);
      expect((await admin.post('/api/v1/incidents', { ...body, dedupeKey: null, title: 'a\u0000b' })).statusCode).toBe(400);
      expect((await admin.get('/api/v1/incidents')).json().total).toBe(before);
    });

    it('lets staff report and follow their own incidents only, and board and metrics aggregate', async () => {
      now = new Date('2026-06-10T09:00:00Z');
      const h = get();
      const { admin } = await newOrganisation(h);
      const staff = await newMember(h, admin, 'staff');
      const auditor = await newMember(h, admin, 'auditor');
      const siteId = await website(admin);
      const mine = await staff.client.post('/api/v1/incidents', { title: 'Suspicious e-mail asking for my password', type: null });
      expect(mine.statusCode, mine.body).toBe(201);
      const other = await defacement(admin, siteId, { detectedAt: '2026-06-10T03:00:00Z' });
      expect((await staff.client.get('/api/v1/incidents')).json().items.map((i: { id: string }) => i.id)).toEqual([mine.json().id]);
      expect((await staff.client.get(`/api/v1/incidents/${other.id}`)).statusCode).toBe(404);
      expect((await staff.client.patch(`/api/v1/incidents/${mine.json().id}`, { status: 'triage' })).statusCode).toBe(403);
      // The NIS2 reports are for the handlers: a reporter follows the incident, not the authority's file.
      expect((await staff.client.get(`/api/v1/incidents/${mine.json().id}/reports/early-warning`)).statusCode).toBe(403);
      expect((await staff.client.get(`/api/v1/incidents/${mine.json().id}/reports/early-warning/export?format=json`)).statusCode).toBe(403);
      expect((await auditor.client.get(`/api/v1/incidents/${other.id}`)).statusCode).toBe(200);
      expect((await auditor.client.patch(`/api/v1/incidents/${other.id}`, { status: 'triage' })).statusCode).toBe(403);
      await admin.patch(`/api/v1/incidents/${other.id}`, { status: 'triage' });
      await admin.patch(`/api/v1/incidents/${other.id}`, { status: 'eradication' });
      const board = (await admin.get('/api/v1/incidents/board')).json();
      expect(board.columns.find((c: { status: string }) => c.status === 'new').count).toBe(1);
      expect(board.columns.find((c: { status: string }) => c.status === 'eradication').items[0].id).toBe(other.id);
      const metrics = (await admin.get('/api/v1/incidents/metrics')).json();
      expect(metrics).toMatchObject({ total: 2, open: 2, medianHoursToContain: 6 });
      expect(metrics.bySector).toEqual([{ sector: 'public-administration', count: 1 }]);
    });
  },
  { clock },
);

describe('NIS2 deadline reminders by e-mail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: Harness;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startHarness('sqlite', { env: { SMTP_URL: smtp.url }, clock });
  });
  afterAll(async () => {
    await stopHarness(h);
    await smtp.close();
  });

  it('e-mails the handler and the security officers once per deadline as it comes due', async () => {
    now = new Date('2026-06-10T09:00:00Z');
    const { admin, email } = await newOrganisation(h, 'Narva');
    const me = (await admin.get('/api/v1/auth/me')).json();
    const siteId = await website(admin);
    const inc = await defacement(admin, siteId);
    await admin.patch(`/api/v1/incidents/${inc.id}`, { handlerId: me.user.id });
    await admin.request('PUT', `/api/v1/incidents/${inc.id}/significance`, {
      significant: true,
      criteria: ['severe-disruption'],
      awareAt: '2026-06-10T08:00:00Z',
    });
    expect(await sendDeadlineReminders(h.runtime.ctx)).toBe(0); // 23 h left: nothing yet
    now = new Date('2026-06-11T03:00:00Z'); // 5 h before the early warning
    expect(await sendDeadlineReminders(h.runtime.ctx)).toBe(1);
    expect(await sendDeadlineReminders(h.runtime.ctx)).toBe(0); // once only
    await h.runtime.runner.drain();
    const mail = smtp.mails.find((m) => m.to.includes(email));
    expect(mail).toBeDefined();
    const text = mailText(mail?.raw ?? '');
    expect(text).toContain(inc.ref);
    expect(text).toContain('NIS2 early warning');
  });
});
