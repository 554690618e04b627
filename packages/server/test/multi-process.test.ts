import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { STRONG_PASSWORD } from './support/client.js';
import { createTestDatabase, type TestDatabase } from './support/databases.js';
import { HttpClient, runCli, type ServerProcess, startServerProcess } from './support/processes.js';
import { startSmtp } from './support/smtp.js';

const freePort = () => 20000 + Math.floor(Math.random() * 20000);

/** Two real server processes sharing one PostgreSQL database. */
describe.skipIf(inject('pgSkipReason') !== null)('several processes on one PostgreSQL database', () => {
  let db: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: ServerProcess;
  let b: ServerProcess;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    smtp = await startSmtp();
    env = { ...db.env, SMTP_URL: smtp.url, JOB_POLL_MS: '50', LOGIN_MAX_FAILURES: '5', BASE_URL: 'http://127.0.0.1:1' };
    [a, b] = await Promise.all([
      startServerProcess({ ...env, PORT: String(freePort()) }),
      startServerProcess({ ...env, PORT: String(freePort()) }),
    ]);
    const created = await runCli(
      ['admin', 'create', '--org', 'Helsinki', '--email', 'admin@hel.example', '--password-stdin'],
      env,
      STRONG_PASSWORD,
    );
    expect(created.code, created.out).toBe(0);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await db?.drop();
  });

  it('shares sessions: a login on one process works and ends on the other', async () => {
    const onA = new HttpClient(a.url);
    expect((await onA.call('POST', '/api/v1/auth/login', { email: 'admin@hel.example', password: STRONG_PASSWORD })).status).toBe(200);
    const onB = new HttpClient(b.url);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    expect((await onB.call('GET', '/api/v1/auth/me')).status).toBe(200);
    expect((await onB.call('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await onA.call('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('counts failed logins across processes for the lockout', async () => {
    const email = 'nobody-here@hel.example';
    for (let i = 0; i < 5; i++) {
      await new HttpClient(i % 2 ? a.url : b.url).call('POST', '/api/v1/auth/login', { email, password: `wrong guess number ${i}` });
    }
    const res = await new HttpClient(a.url).call('POST', '/api/v1/auth/login', { email, password: 'wrong guess number 9' });
    expect(res.status).toBe(429);
  });

  it('keeps one unbroken audit chain under concurrent writes from both processes', async () => {
    const onA = new HttpClient(a.url);
    await onA.call('POST', '/api/v1/auth/login', { email: 'admin@hel.example', password: STRONG_PASSWORD });
    const onB = new HttpClient(b.url);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? onA : onB).call('POST', '/api/v1/departments', { name: `Department ${i}` })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const verify = await onA.call('GET', '/api/v1/audit/verify');
    expect(verify.json).toMatchObject({ ok: true, brokenAt: null });
    const cli = await runCli(['audit', 'verify'], env);
    expect(cli.code, cli.out).toBe(0);
    expect(cli.out).toContain('intact');
  });

  it('runs each queued job exactly once with two workers', async () => {
    const onA = new HttpClient(a.url);
    await onA.call('POST', '/api/v1/auth/login', { email: 'admin@hel.example', password: STRONG_PASSWORD });
    const n = 30;
    const res = await Promise.all(
      Array.from({ length: n }, (_, i) => onA.call('POST', '/api/v1/invitations', { email: `person${i}@hel.example`, role: 'staff' })),
    );
    expect(res.every((r) => r.status === 201)).toBe(true);
    const deadline = Date.now() + 30_000;
    while (smtp.mails.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const recipients = smtp.mails.flatMap((m) => m.to).filter((t) => t.startsWith('person'));
    expect(recipients.length).toBe(n);
    expect(new Set(recipients).size).toBe(n);
    const jobs = await onA.call('GET', '/api/v1/jobs?status=succeeded&pageSize=200');
    const sent = ((jobs.json?.items ?? []) as Array<{ name: string; attempts: number }>).filter((j) => j.name === 'send-email');
    expect(sent.length).toBe(n);
    expect(sent.every((j) => j.attempts === 1)).toBe(true);
  });
});
