import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createLogger, createRuntime } from '../src/runtime.js';
import type { Harness } from './support/harness.js';
import { oscalErrors } from './support/oscal-schemas.js';
import { type AssuranceSeed, seedAssurance } from './support/oscal-seed.js';
import { runCli } from './support/processes.js';

const ORG = 'Narva OSCAL';
// biome-ignore lint/suspicious/noExplicitAny: tests reach deep into OSCAL JSON
type J = Record<string, any>;

/** Opens the installation in DATA_DIR in-process (for set-up and checks), closed again before the CLI runs. */
async function withInstallation<T>(dir: string, fn: (h: Harness) => Promise<T>): Promise<T> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', BASE_URL: 'http://localhost:8080', DATA_DIR: dir }, '/nonexistent');
  const runtime = await createRuntime(config, { log: createLogger(config) });
  const built = await buildApp(runtime.ctx, runtime.services);
  await built.app.ready();
  try {
    return await fn({ kind: 'sqlite', runtime, built, db: undefined as never });
  } finally {
    await built.app.close();
    await runtime.close();
  }
}

describe('cityshield oscal export-ssp | export-ar | export-poam', () => {
  let dir: string;
  let env: Record<string, string>;
  let seed: AssuranceSeed;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cityshield-oscal-exports-'));
    env = { DATA_DIR: dir };
    seed = await withInstallation(dir, (h) => seedAssurance(h, ORG, 'Parking permits'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const valid = (file: string) => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const r = oscalErrors(doc);
    expect(r.core).toEqual([]);
    expect(r.shared).toEqual([]);
    return doc as J;
  };

  it('writes a system security plan by system name, without a server', async () => {
    const out = join(dir, 'ssp.json');
    const r = await runCli(['oscal', 'export-ssp', '--system', 'parking permits', '--org', ORG, '-o', out], env);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('System security plan written to');
    const doc = valid(out);
    expect(doc['system-security-plan']['system-characteristics']['system-name']).toBe('Parking permits');

    const missing = await runCli(['oscal', 'export-ssp', '--system', 'No such system', '--org', ORG, '-o', out], env);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('No system named "No such system"');
  });

  it('writes the assessment results of an audit by reference or id', async () => {
    const byRef = join(dir, 'ar.json');
    const r = await runCli(['oscal', 'export-ar', '--audit', seed.auditRef, '--org', ORG, '-o', byRef], env);
    expect(r.code, r.out).toBe(0);
    const doc = valid(byRef);
    expect(doc['assessment-results'].results).toHaveLength(1);
    const byId = join(dir, 'ar-id.json');
    expect((await runCli(['oscal', 'export-ar', '--audit', seed.auditId, '--org', ORG, '-o', byId], env)).code).toBe(0);
    const a = JSON.parse(readFileSync(byRef, 'utf8'));
    const b = JSON.parse(readFileSync(byId, 'utf8'));
    b['assessment-results'].metadata['last-modified'] = a['assessment-results'].metadata['last-modified'];
    expect(b).toEqual(a);

    const missing = await runCli(['oscal', 'export-ar', '--audit', 'A-0000', '--org', ORG, '-o', byId], env);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('The audit was not found.');
  });

  it('writes the plan of action and milestones, and every export is in the audit log', async () => {
    const out = join(dir, 'poam.json');
    const r = await runCli(['oscal', 'export-poam', '--org', ORG, '-o', out], env);
    expect(r.code, r.out).toBe(0);
    const doc = valid(out);
    expect(doc['plan-of-action-and-milestones']['poam-items']).toHaveLength(2);

    const entries = await withInstallation(dir, (h) =>
      h.runtime.ctx.db
        .selectFrom('audit_log')
        .select(['entity_type', 'actor_email'])
        .where('org_id', '=', seed.orgId)
        .where('action', '=', 'oscal.export')
        .execute(),
    );
    expect(entries.map((e) => e.entity_type).sort()).toEqual(['audit', 'audit', 'organisation', 'system']);
    expect(entries.every((e) => e.actor_email?.endsWith('(cli)'))).toBe(true);
  });
});
