import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SCHEDULES } from '../src/jobs/definitions.js';
import { reportsDir } from '../src/modules/reports/report.service.js';
import { newOrganisation, STRONG_PASSWORD, TestClient } from './support/client.js';
import { describeOnEachDatabase, type Harness } from './support/harness.js';

let now = new Date('2026-03-02T08:00:00Z');
const clock = { now: () => now };
const DAY = 86_400_000;

/** Asks for an HTML council report and runs the job until it is done. */
async function report(h: Harness, c: TestClient) {
  const res = await c.post('/api/v1/reports', { kind: 'council', format: 'html' });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  for (let i = 0; i < 50; i++) {
    await h.runtime.runner.drain();
    const r = (await c.get(`/api/v1/reports/${id}`)).json();
    if (r.status === 'done') return { id, sha256: r.sha256 as string };
    if (r.status === 'failed') throw new Error(r.error);
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('report not done');
}

const stored = (h: Harness, sha: string) => existsSync(join(reportsDir(h.runtime.ctx), sha.slice(0, 2), sha));

describeOnEachDatabase(
  'generated reports are kept for REPORT_RETENTION_DAYS',
  (get) => {
    it('removes old reports and their files on the daily job, keeps recent ones and the audit trail', async () => {
      const h = get();
      expect(SCHEDULES.map((s) => s.job)).toContain('expire-reports');
      const { admin, email } = await newOrganisation(h);
      await admin.post('/api/v1/departments', { name: 'Old data' }); // the second report differs from the first
      const old = await report(h, admin);
      expect(old.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(stored(h, old.sha256)).toBe(true);

      // 40 days later (a new session: the old one has expired), a second report; 60 days after that the job runs.
      now = new Date(now.getTime() + 40 * DAY);
      const c = new TestClient(h.built.app);
      expect((await c.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD })).statusCode).toBe(200);
      await c.post('/api/v1/departments', { name: 'New data' });
      const recent = await report(h, c);
      expect(recent.sha256).not.toBe(old.sha256);
      now = new Date(now.getTime() + 60 * DAY);
      const c2 = new TestClient(h.built.app);
      expect((await c2.post('/api/v1/auth/login', { email, password: STRONG_PASSWORD })).statusCode).toBe(200);
      await h.runtime.ctx.jobs.enqueue('expire-reports', {}, { key: `expire-reports-test-${old.id}` });
      await h.runtime.runner.drain();

      expect((await c2.get(`/api/v1/reports/${old.id}`)).statusCode).toBe(404);
      expect(stored(h, old.sha256)).toBe(false);
      expect((await c2.get(`/api/v1/reports/${recent.id}`)).json().status).toBe('done');
      expect(stored(h, recent.sha256)).toBe(true);
      const log = (await c2.get('/api/v1/audit?action=report.generate')).json().items;
      expect(log.length).toBeGreaterThanOrEqual(2);
    });
  },
  { clock, env: { REPORT_RETENTION_DAYS: '90' } },
);
