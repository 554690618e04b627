import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob, JobRunner } from '../src/jobs/job-runner.js';
import { newOrganisation, STRONG_PASSWORD, TestClient } from './support/client.js';
import { describeOnEachDatabase, type Harness, startHarness, stopHarness } from './support/harness.js';
import { mailText, startSmtp } from './support/smtp.js';

describeOnEachDatabase('background jobs', (get) => {
  it('enqueues once per idempotency key, retries with backoff and then fails visibly', async () => {
    const h = get();
    const { admin } = await newOrganisation(h);
    const q = h.runtime.ctx.jobs;
    let calls = 0;
    const flaky = defineJob({
      name: 'flaky',
      maxAttempts: 2,
      payload: z.object({ n: z.number() }),
      run: async () => {
        calls += 1;
        throw new Error('upstream unavailable');
      },
    });
    const runner = new JobRunner(q, [flaky], h.runtime.ctx.log, 1000);
    await q.enqueue('flaky', { n: 1 }, { key: 'flaky-1', maxAttempts: 2 });
    await q.enqueue('flaky', { n: 1 }, { key: 'flaky-1', maxAttempts: 2 });
    expect(await runner.drain()).toBe(1);
    const afterFirst = await h.runtime.ctx.db.selectFrom('jobs').selectAll().where('key', '=', 'flaky-1').executeTakeFirstOrThrow();
    expect(afterFirst.status).toBe('queued');
    expect(Date.parse(afterFirst.run_at)).toBeGreaterThan(Date.now());
    expect(afterFirst.last_error).toBe('upstream unavailable');
    expect(await runner.drain()).toBe(0);
    await h.runtime.ctx.db
      .updateTable('jobs')
      .set({ run_at: new Date(0).toISOString() })
      .where('key', '=', 'flaky-1')
      .execute();
    expect(await runner.drain()).toBe(1);
    expect(calls).toBe(2);
    const final = await h.runtime.ctx.db.selectFrom('jobs').selectAll().where('key', '=', 'flaky-1').executeTakeFirstOrThrow();
    expect(final.status).toBe('failed');
    const listed = (await admin.get('/api/v1/jobs?status=failed')).json();
    expect(listed.items.map((j: { key: string }) => j.key)).toContain('flaky-1');
    expect(listed.items[0].lastError).toBe('upstream unavailable');
  });

  it('expires sessions that passed their timeouts', async () => {
    const h = get();
    const { admin, orgId } = await newOrganisation(h);
    await h.runtime.ctx.db
      .updateTable('sessions')
      .set({ idle_expires_at: '2000-01-01T00:00:00.000Z' })
      .where('org_id', '=', orgId)
      .execute();
    await h.runtime.ctx.jobs.enqueue('expire-sessions', {}, { key: `expire-test-${orgId}` });
    await h.runtime.runner.drain();
    const left = await h.runtime.ctx.db.selectFrom('sessions').select('id_hash').where('org_id', '=', orgId).execute();
    expect(left).toEqual([]);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('invitation and reset e-mails over real SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: Harness;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startHarness('sqlite', { env: { SMTP_URL: smtp.url, MAIL_FROM: 'CityShield <noreply@city.example>' } });
  });
  afterAll(async () => {
    await stopHarness(h);
    await smtp.close();
  });

  it('sends the invitation by e-mail instead of showing the link, and the link works', async () => {
    const { admin } = await newOrganisation(h, 'Espoo');
    const res = await admin.post('/api/v1/invitations', { email: 'liisa@espoo.example', role: 'auditor' });
    expect(res.statusCode).toBe(201);
    expect(res.json().link).toBeUndefined();
    await h.runtime.runner.drain();
    const mail = smtp.mails.find((m) => m.to.includes('liisa@espoo.example'));
    expect(mail).toBeDefined();
    const text = mailText(mail?.raw ?? '');
    expect(text).toContain('Espoo');
    const link = text.match(/http:\/\/localhost:8080\/invite\/accept\?token=[\w-]+/)?.[0] ?? '';
    const token = new URL(link).searchParams.get('token');
    const acc = await new TestClient(h.built.app).post('/api/v1/invitations/accept', { token, name: 'Liisa', password: STRONG_PASSWORD });
    expect(acc.statusCode).toBe(201);
  });

  it('e-mails a password-reset link that sets a new password', async () => {
    const { email } = await newOrganisation(h, 'Vantaa');
    const anon = new TestClient(h.built.app);
    expect((await anon.post('/api/v1/auth/password-reset/request', { email })).statusCode).toBe(202);
    await h.runtime.runner.drain();
    const mail = smtp.mails.find((m) => m.to.includes(email));
    const link = mailText(mail?.raw ?? '').match(/http:\/\/localhost:8080\/reset-password\/complete\?token=[\w-]+/)?.[0] ?? '';
    const token = new URL(link).searchParams.get('token');
    expect((await anon.post('/api/v1/auth/password-reset/complete', { token, password: 'violet canyon drumbeat' })).statusCode).toBe(204);
    expect((await anon.post('/api/v1/auth/login', { email, password: 'violet canyon drumbeat' })).statusCode).toBe(200);
  });
});
