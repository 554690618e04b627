import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flattenCatalog } from '@cityshield/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_PASSWORD } from './support/client.js';
import { runCli } from './support/processes.js';
import { hasShared, SHARED } from './support/shared.js';

const R4 = `${SHARED}nist-800-53-rev4/`;
const RESOURCE = 'f52e1458-7a97-49fd-8189-6af6a4e7051b';

describe.skipIf(!hasShared)('cityshield oscal commands', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cityshield-oscal-cli-'));
    env = { DATA_DIR: dir };
    const r = await runCli(
      ['admin', 'create', '--org', 'Narva', '--email', 'ciso@narva.example', '--password-stdin'],
      env,
      STRONG_PASSWORD,
    );
    expect(r.code, r.out).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('validates files without a server: exit 0 when valid, 1 with pointers when not', async () => {
    const ok = await runCli(['oscal', 'validate', `${R4}profiles/NIST_SP-800-53_rev4_LOW-baseline_profile.json`], env);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('valid OSCAL profile');
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        catalog: { uuid: 'x', metadata: { title: 'T', version: '1', 'oscal-version': '1.1.2', 'last-modified': 'yesterday' } },
      }),
    );
    const r = await runCli(['oscal', 'validate', bad], env);
    expect(r.code).toBe(1);
    expect(r.out).toContain('/catalog/uuid');
    expect(r.out).toContain('/catalog/metadata/last-modified');
  });

  it('resolves a profile offline with --source to a catalog that validates and matches NIST', async () => {
    const out = join(dir, 'low.json');
    const r = await runCli(
      [
        'oscal',
        'resolve',
        `${R4}profiles/NIST_SP-800-53_rev4_LOW-baseline_profile.json`,
        '--source',
        `${RESOURCE}=${R4}catalog-min.json`,
        '-o',
        out,
      ],
      env,
    );
    expect(r.code, r.out).toBe(0);
    const ours = JSON.parse(readFileSync(out, 'utf8')) as { catalog: Record<string, unknown> };
    const nist = JSON.parse(readFileSync(`${R4}resolved/NIST_SP-800-53_rev4_LOW-baseline-resolved-profile_catalog.json`, 'utf8')) as {
      catalog: Record<string, unknown>;
    };
    expect(flattenCatalog(ours.catalog).map((c) => c.id)).toEqual(flattenCatalog(nist.catalog).map((c) => c.id));
    expect((await runCli(['oscal', 'validate', out], env)).code).toBe(0);
    const missing = await runCli(['oscal', 'resolve', `${R4}profiles/NIST_SP-800-53_rev4_LOW-baseline_profile.json`], env);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('--source');
  });

  it('imports catalog and profile into an organisation and exports them', async () => {
    const imported = await runCli(
      ['oscal', 'import', `${R4}catalog-min.json`, `${R4}profiles/NIST_SP-800-53_rev4_MODERATE-baseline_profile.json`, '--org', 'Narva'],
      env,
    );
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toMatch(/922 controls/);
    expect(imported.out).toMatch(/261 controls/);
    const list = await runCli(['oscal', 'list', '--org', 'Narva'], env);
    expect(list.out).toContain('CityShield City Baseline');
    const profileId =
      list.out
        .split('\n')
        .find((l) => l.includes('profile') && l.includes('261 controls'))
        ?.split(/\s+/)[0] ?? '';
    const out = join(dir, 'moderate-resolved.json');
    const exp = await runCli(['oscal', 'export', profileId, '--resolved', '-o', out, '--org', 'Narva'], env);
    expect(exp.code, exp.out).toBe(0);
    expect(flattenCatalog((JSON.parse(readFileSync(out, 'utf8')) as { catalog: Record<string, unknown> }).catalog)).toHaveLength(261);
    const again = await runCli(['oscal', 'import', `${R4}catalog-min.json`, '--org', 'Narva'], env);
    expect(again.code).toBe(1);
    expect(again.out).toContain('already in the library');
  });
});
