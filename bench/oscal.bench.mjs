import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveProfile } from '@cityshield/core';
import pg from 'pg';

const SHARED = fileURLToPath(new URL('../../shared/oscal/', import.meta.url));
const CATALOG = `${SHARED}nist-800-53-rev5/catalog.json`;
const HIGH = `${SHARED}nist-800-53-rev5/profiles/NIST_SP-800-53_rev5_HIGH-baseline_profile.json`;
const RUNS = 15;

const emit = (metric, value, unit) => console.log(JSON.stringify({ bench: 'oscal', metric, value: Math.round(value * 100) / 100, unit }));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
async function time(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function importTimings(env, label) {
  const { loadConfig } = await import('../packages/server/dist/config.js');
  const { createRuntime, createLogger } = await import('../packages/server/dist/runtime.js');
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env }, '/nonexistent');
  const rt = await createRuntime(config, { log: createLogger({ LOG_LEVEL: 'silent' }) });
  try {
    const { user } = await rt.services.account.createOrganisationWithAdmin(
      {
        organisationName: `Bench City ${label}`,
        name: 'Bench',
        email: `bench-${label}@example.org`,
        password: 'bench marks are fixed data',
      },
      { ip: null, userAgent: 'bench' },
      { startSession: false },
    );
    const perms = new Set(await rt.services.repos.roles.permissionsOf(rt.ctx.db, user.org_id, 'admin'));
    const actor = {
      userId: user.id,
      orgId: user.org_id,
      email: user.email,
      name: user.name,
      role: 'admin',
      permissions: perms,
      via: 'token',
      ip: null,
    };
    const text = readFileSync(CATALOG, 'utf8');
    const times = [];
    for (let i = 0; i < 7; i++) {
      const doc = JSON.parse(text);
      doc.catalog.metadata.version = `bench-${i}`; // a new version each run: same size, new hash
      times.push(await time(() => rt.services.catalogs.import(actor, doc, { source: 'catalog.json' })));
    }
    return median(times.slice(1)); // the first run also compiles the schema
  } finally {
    await rt.close();
  }
}

export async function run() {
  if (!existsSync(CATALOG)) {
    console.error(`oscal bench needs ${CATALOG} (../shared beside the repository)`);
    process.exit(2);
  }
  const text = readFileSync(CATALOG, 'utf8');
  const profile = JSON.parse(readFileSync(HIGH, 'utf8'));
  const parse = [];
  const resolve = [];
  for (let i = 0; i < RUNS; i++) {
    let catalog;
    parse.push(
      await time(() => {
        catalog = JSON.parse(text);
      }),
    );
    resolve.push(await time(() => resolveProfile(profile, () => catalog)));
  }
  const p = median(parse);
  const r = median(resolve);
  emit('parse_rev5_catalog_ms', p, 'ms');
  emit('resolve_rev5_high_ms', r, 'ms');
  emit('resolve_vs_parse_ratio', r / p, 'ratio');

  const dir = mkdtempSync(join(tmpdir(), 'cityshield-bench-'));
  try {
    emit('import_rev5_catalog_sqlite_ms', await importTimings({ DATA_DIR: dir }, 'sqlite'), 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const admin = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cityshield_bench_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  try {
    await c.connect();
    await c.query(`create database ${name}`);
  } catch (err) {
    console.error(`PostgreSQL not available, import_rev5_catalog_postgres_ms skipped: ${err.message}`);
    await c.end().catch(() => {});
    return;
  }
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    emit('import_rev5_catalog_postgres_ms', await importTimings({ DATABASE_URL: url.toString(), DATA_DIR: tmpdir() }, 'pg'), 'ms');
  } finally {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}
