import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD } from './support/client.js';
import { runCli, startServerProcess } from './support/processes.js';

describe('cityshield CLI (SQLite)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cityshield-cli-'));
    env = { DATA_DIR: dir };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help for every command', async () => {
    for (const args of [
      ['--help'],
      ['serve', '--help'],
      ['migrate', '--help'],
      ['admin', 'create', '--help'],
      ['audit', 'verify', '--help'],
      ['backup', '--help'],
    ]) {
      const r = await runCli(args, env);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toContain('Usage: cityshield');
    }
  });

  it('migrates, and a second run has nothing to do', async () => {
    expect((await runCli(['migrate'], env)).out).toContain('Applied');
    expect((await runCli(['migrate'], env)).out).toContain('up to date');
  });

  it('creates an organisation and administrator from stdin, refusing weak passwords', async () => {
    const weak = await runCli(['admin', 'create', '--org', 'Pärnu', '--email', 'a@parnu.ee', '--password-stdin'], env, 'password1234\n');
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('commonly used');
    const noStdin = await runCli(['admin', 'create', '--org', 'Pärnu', '--email', 'a@parnu.ee'], env);
    expect(noStdin.code).toBe(1);
    const ok = await runCli(
      ['admin', 'create', '--org', 'Pärnu', '--email', 'a@parnu.ee', '--password-stdin'],
      env,
      `${STRONG_PASSWORD}\n`,
    );
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).not.toContain(STRONG_PASSWORD);
    const dup = await runCli(['admin', 'create', '--org', 'Pärnu', '--email', 'b@parnu.ee', '--password-stdin'], env, STRONG_PASSWORD);
    expect(dup.code).toBe(1);
  });

  it('verifies the audit chain and exits 1 when it was tampered with', async () => {
    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/intact, 2 entries verified/);
    const db = new SQLite(join(dir, 'cityshield.db'));
    db.prepare("update audit_log set action = 'organisation.delete' where seq = 1").run();
    db.close();
    const bad = await runCli(['audit', 'verify'], env);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('BROKEN at entry #1');
  });

  it('writes an online backup that opens as a database with the same rows', async () => {
    const target = join(dir, 'backup.db');
    const r = await runCli(['backup', target], env);
    expect(r.code, r.out).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    expect(copy.prepare('select name from organisations').all()).toEqual([{ name: 'Pärnu' }]);
    copy.close();
    expect((await runCli(['backup', target], env)).code).toBe(1);
  });

  it('refuses bad configuration with one clear line per value', async () => {
    const r = await runCli(['migrate'], { ...env, PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_IDLE_MINUTES: '-5' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('Invalid configuration');
    expect(r.out).toMatch(/PORT: .*"eighty"/);
    expect(r.out).toContain('DATABASE_URL: must start with postgres://');
    expect(r.out).toContain('SESSION_IDLE_MINUTES');
  });

  it('prints a one-time set-up link on first start and serves the health check', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cityshield-first-'));
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const server = await startServerProcess({ DATA_DIR: fresh, PORT: port });
    try {
      expect(server.output()).toMatch(/\/setup\?token=[\w-]{20,}/);
      const health = await (await fetch(`${server.url}/api/v1/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: 'sqlite' });
      const openapi = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(openapi.openapi).toBe('3.1.0');
      expect(Object.keys(openapi.paths)).toContain('/api/v1/users');
      expect((await fetch(`${server.url}/api/docs`)).status).toBe(200);
    } finally {
      await server.stop();
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('keeps secrets out of the log: tokens in query strings, bearer tokens, cookies, passwords', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cityshield-log-'));
    const port = String(20000 + Math.floor(Math.random() * 20000));
    const server = await startServerProcess({ DATA_DIR: fresh, PORT: port, LOG_LEVEL: 'info' });
    try {
      await fetch(`${server.url}/api/v1/invitations/lookup?token=QUERYSECRET123456`);
      await fetch(`${server.url}/api/v1/users`, {
        headers: { authorization: 'Bearer cst_BEARERSECRET', cookie: 'cs_session=COOKIESECRET' },
      });
      await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'x@example.org', password: 'PASSWORDSECRET long' }),
      });
      await new Promise((r) => setTimeout(r, 300));
      const log = server.output();
      expect(log).toContain('incoming request');
      for (const secret of ['QUERYSECRET', 'BEARERSECRET', 'COOKIESECRET', 'PASSWORDSECRET']) expect(log).not.toContain(secret);
    } finally {
      await server.stop();
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
