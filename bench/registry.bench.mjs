// The register at city scale: 2,000 systems in 40 departments, ~3,000 dependencies, requirement lists
// of ~300 NIST SP 800-53 rev5 controls each (≈ 600,000 requirement records), measured through the
// HTTP API of a real server process on SQLite and PostgreSQL.
// Usage: npm run build && npm run bench -- registry      (needs ../shared/oscal beside the repository)
// Env: BENCH_DB=sqlite|postgres (one database only), BENCH_KEEP=1 (keep the seeded databases for
// EXPLAIN), BENCH_SEED_ONLY=1 (seed, do not measure), TEST_PG_URL (PostgreSQL admin URL).
// Each line: {"bench":"registry","metric","value","unit":"ms","db",…, "load": 1-minute load average
// of the machine while measuring — other processes on it inflate the times}.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SHARED = fileURLToPath(new URL('../../shared/oscal/nist-800-53-rev5/', import.meta.url));
const CATALOG = `${SHARED}catalog.json`;
const PROFILE = (level) => `${SHARED}profiles/NIST_SP-800-53_rev5_${level}-baseline_profile.json`;
const DIST = new URL('../packages/server/dist/', import.meta.url);
const CLI = fileURLToPath(new URL('cli/main.js', DIST));

const SEED = 'registry-bench-1';
const DEPARTMENTS = 40;
const SYSTEMS_PER_DEPARTMENT = 50; // 2,000 systems
const SAMPLES = 200;
const WARMUP = 20;
/** A read metric stops early after this long (the sample count is printed with it). */
const METRIC_BUDGET_MS = 90_000;
const PASSWORD = 'bench marks are fixed data';

const round = (x) => Math.round(x * 100) / 100;
const note = (line) => process.stderr.write(`[registry] ${line}\n`);
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
};
const elapsed = (t) => Number(process.hrtime.bigint() - t) / 1e6;
const chunks = (xs, n) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Seeding: the catalog and profiles through the catalog service, the mapping through the mapping
// service, systems, dependencies and classifications as batched inserts in the shape the services
// write, then the real `syncSystems` (effective levels and requirement lists through
// applyBaselines), statuses as batched updates, and `refreshSummary` for the dashboard.
// ---------------------------------------------------------------------------------------------

async function seed(env, label) {
  const { loadConfig } = await import(new URL('config.js', DIST));
  const { createRuntime, createLogger } = await import(new URL('runtime.js', DIST));
  const { syncSystems } = await import(new URL('modules/baselines/sync-systems.js', DIST));
  const { refreshSummary } = await import(new URL('modules/baselines/requirement-summary.js', DIST));
  const { prng } = await import(new URL('demo/prng.js', DIST));
  const { newId, iso } = await import(new URL('util.js', DIST));
  const rng = prng(SEED);
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env }, '/nonexistent');
  const rt = await createRuntime(config, { log: createLogger({ LOG_LEVEL: 'silent' }) });
  const { db } = rt.ctx;
  const insert = async (table, rows, size = 500) => {
    for (const part of chunks(rows, size)) await db.insertInto(table).values(part).execute();
  };
  try {
    const { user } = await rt.services.account.createOrganisationWithAdmin(
      { organisationName: `Bench City ${label}`, name: 'Bench Officer', email: `officer-${label}@bench.example`, password: PASSWORD },
      { ip: null, userAgent: 'bench' },
      { startSession: false },
    );
    const orgId = user.org_id;
    const permissions = new Set(await rt.services.repos.roles.permissionsOf(db, orgId, 'admin'));
    const actor = { userId: user.id, orgId, email: user.email, name: user.name, role: 'admin', permissions, via: 'token', ip: null };

    // NIST SP 800-53 rev5 and its LOW / MODERATE / HIGH baselines, mapped to ISKE's L / M / H.
    let t = process.hrtime.bigint();
    const cat = await rt.services.catalogs.import(actor, JSON.parse(readFileSync(CATALOG, 'utf8')), { source: 'catalog.json' });
    const profiles = {};
    for (const [level, name] of [
      ['L', 'LOW'],
      ['M', 'MODERATE'],
      ['H', 'HIGH'],
    ]) {
      const doc = JSON.parse(readFileSync(PROFILE(name), 'utf8'));
      profiles[level] = (await rt.services.catalogs.import(actor, doc, { source: `${name}.json`, using: [cat.version.id] })).version.id;
    }
    await rt.services.baselineMapping.set(actor, { levels: profiles, narrowByKind: true });
    note(`${label}: catalog and profiles imported, mapping set (${round(elapsed(t))} ms)`);

    // Departments and their owners (users in the shape an accepted invitation writes).
    t = process.hrtime.bigint();
    const now = iso(new Date());
    const adminHash = (await db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow())
      .password_hash;
    const departments = [];
    const owners = [];
    for (let d = 0; d < DEPARTMENTS; d++) {
      const id = newId();
      departments.push({ id, org_id: orgId, parent_id: null, name: `Department ${String(d + 1).padStart(2, '0')}`, created_at: now });
      owners.push({
        id: newId(),
        org_id: orgId,
        email: `owner-${label}-${d + 1}@bench.example`,
        name: `Owner ${d + 1}`,
        role: 'system_owner',
        kind: 'person',
        department_id: id,
        password_hash: adminHash,
        disabled: 0,
        failed_logins: 0,
        locked_until: null,
        last_login_at: null,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      });
    }
    await insert('departments', departments);
    await insert('users', owners);

    // Systems: per department 45 applications and 5 shared infrastructure systems; department 1
    // also holds the city-wide infrastructure. Own levels 25 % L, 40 % M, 35 % H; infrastructure M
    // of its own and higher through inheritance; 1 % of the applications left unclassified.
    const kinds = ['application', 'application', 'website', 'cloud-service', 'database', 'ot-iot'];
    const sectors = ['transport', 'energy', 'water', 'health', 'social-services', 'education', 'public-administration', 'finance'];
    const systems = [];
    for (let d = 0; d < DEPARTMENTS; d++) {
      for (let i = 0; i < SYSTEMS_PER_DEPARTMENT; i++) {
        const infra = i >= SYSTEMS_PER_DEPARTMENT - 5;
        const kind = infra ? (i % 2 ? 'network' : 'database') : rng.pick(kinds);
        const name = `${infra ? 'Infrastructure' : 'System'} ${d + 1}-${i + 1}`;
        systems.push({
          row: {
            id: newId(),
            org_id: orgId,
            name,
            name_key: name.toLowerCase(),
            description: `Benchmark system ${d + 1}-${i + 1} of department ${d + 1}.`,
            owner_id: owners[d].id,
            department_id: departments[d].id,
            sector: sectors[d % sectors.length],
            kind,
            personal_data: JSON.stringify(rng.chance(0.5) ? ['personal'] : ['none']),
            hosting: rng.pick(['on-premises', 'cloud', 'supplier']),
            supplier: rng.chance(0.7) ? `Supplier ${rng.int(1, 120)}` : null,
            lifecycle: 'production',
            tags: JSON.stringify(['bench']),
            custom_fields: '{}',
            created_at: now,
            updated_at: now,
          },
          department: d,
          index: i,
          infra,
          own: infra ? 'M' : rng.chance(0.01) ? null : rng.next() < 0.25 ? 'L' : rng.next() < 0.535 ? 'M' : 'H',
        });
      }
    }
    await insert(
      'systems',
      systems.map((s) => s.row),
      200,
    );

    // Dependencies, acyclic by construction: application → its department's infrastructure
    // (→ city infrastructure in department 1, which only depends on later city infrastructure).
    const cityInfra = systems.filter((s) => s.department === 0 && s.infra);
    const edges = new Map();
    const edge = (a, b) =>
      edges.set(`${a.row.id}>${b.row.id}`, { org_id: orgId, system_id: a.row.id, depends_on_id: b.row.id, created_at: now });
    for (const s of systems) {
      const deptInfra = systems.filter((x) => x.department === s.department && x.infra);
      if (!s.infra) {
        edge(s, rng.pick(deptInfra));
        if (rng.chance(0.45)) edge(s, rng.pick(deptInfra));
        if (rng.chance(0.2)) edge(s, rng.pick(cityInfra));
      } else if (s.department !== 0) {
        edge(s, rng.pick(cityInfra));
      } else {
        const later = cityInfra.filter((x) => x.index > s.index);
        if (later.length > 0) edge(s, rng.pick(later));
      }
    }
    await insert('system_dependencies', [...edges.values()]);

    // Classifications (newest per system is its own need) in the shape classifySystem writes.
    const levelsFor = { L: ['1', '1', '0'], M: ['2', '1', '1'], H: ['2', '3', '2'] };
    const classifications = systems
      .filter((s) => s.own)
      .map((s) => {
        const [k, tt, ss] = levelsFor[s.own];
        return {
          id: newId(),
          org_id: orgId,
          system_id: s.row.id,
          method_key: 'iske',
          answers: '{}',
          overrides: '{}',
          levels: JSON.stringify({ availability: k, integrity: tt, confidentiality: ss }),
          explanation: JSON.stringify({ explanation: [], reasons: {}, unanswered: [] }),
          security_level: s.own,
          notation: `K${k}T${tt}S${ss}`,
          reason: null,
          classified_by: user.id,
          classified_at: now,
          review_due: iso(new Date(Date.now() + rng.int(-60, 700) * 86_400_000)),
        };
      });
    await insert('classifications', classifications);
    for (const part of chunks(classifications, 500)) {
      for (const c of part) {
        await db
          .updateTable('systems')
          .set({ classified_at: c.classified_at, review_due: c.review_due })
          .where('id', '=', c.system_id)
          .execute();
      }
    }
    note(
      `${label}: ${systems.length} systems, ${edges.size} dependencies, ${classifications.length} classifications (${round(elapsed(t))} ms)`,
    );

    // The product's own recomputation: effective levels through inheritance, then every list.
    t = process.hrtime.bigint();
    const method = await rt.services.classification.method(db, orgId);
    await db.transaction().execute((trx) => syncSystems(trx, { orgId, method, cause: 'classification', by: user.id, at: now }));
    const levelRows = await db.selectFrom('systems').select(['security_level']).where('org_id', '=', orgId).execute();
    const spread = {};
    for (const r of levelRows) spread[r.security_level ?? '-'] = (spread[r.security_level ?? '-'] ?? 0) + 1;
    note(`${label}: syncSystems (levels + requirement lists) ${round(elapsed(t))} ms; effective levels ${JSON.stringify(spread)}`);

    // Statuses: 40 % implemented, 15 % partially, 15 % planned, 27 % not started, 3 % not
    // applicable; due dates mostly at month ends, some on any day; responsible the owner.
    t = process.hrtime.bigint();
    const rows = await db
      .selectFrom('system_requirements')
      .select(['id', 'system_id', 'position'])
      .where('org_id', '=', orgId)
      .orderBy('system_id')
      .orderBy('position')
      .execute();
    const ownerOf = new Map(systems.map((s) => [s.row.id, s.row.owner_id]));
    const today = new Date();
    const day = (offset) => iso(new Date(today.getTime() + offset * 86_400_000)).slice(0, 10);
    const monthEnd = (months) => iso(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months + 1, 0))).slice(0, 10);
    const due = () => (rng.chance(0.7) ? monthEnd(rng.int(-6, 12)) : day(rng.int(-180, 365)));
    const groups = new Map();
    for (const r of rows) {
      const x = rng.next();
      const status = x < 0.4 ? 'implemented' : x < 0.55 ? 'partially' : x < 0.7 ? 'planned' : x < 0.97 ? 'not-started' : 'not-applicable';
      const set = {
        status,
        effective_status: status,
        responsible_id: status !== 'not-started' && rng.chance(0.6) ? ownerOf.get(r.system_id) : null,
        due_date:
          status === 'planned' || (status === 'partially' && rng.chance(0.5)) || (status === 'not-started' && rng.chance(0.1))
            ? due()
            : null,
        justification: status === 'not-applicable' ? 'Not in the scope of this system.' : null,
        updated_by: user.id,
      };
      const key = JSON.stringify(set);
      const g = groups.get(key) ?? { set, ids: [] };
      g.ids.push(r.id);
      groups.set(key, g);
    }
    await db.transaction().execute(async (trx) => {
      for (const g of groups.values()) {
        for (const part of chunks(g.ids, 1000)) await trx.updateTable('system_requirements').set(g.set).where('id', 'in', part).execute();
      }
    });
    // A few thousand evidence links and comments, as people add them.
    const evidence = [];
    const comments = [];
    for (let i = 0; i < 6000; i++) {
      const r = rows[rng.int(0, rows.length - 1)];
      evidence.push({
        id: newId(),
        org_id: orgId,
        target_type: 'requirement',
        target_id: r.id,
        kind: 'link',
        name: `Evidence ${i + 1}`,
        url: `https://intranet.bench.example/evidence/${i + 1}`,
        sha256: null,
        size: null,
        media_type: null,
        added_by: user.id,
        added_at: now,
      });
      if (i % 2 === 0) {
        comments.push({ id: newId(), org_id: orgId, requirement_id: r.id, author_id: user.id, body: `Comment ${i + 1}`, created_at: now });
      }
    }
    await insert('evidence', evidence);
    await insert('requirement_comments', comments);
    await db.transaction().execute((trx) =>
      refreshSummary(
        trx,
        orgId,
        systems.map((s) => s.row.id),
      ),
    );
    // A year of daily snapshots for the trend line.
    const snapshots = [];
    for (let ago = 365; ago >= 1; ago--) {
      const applicable = Math.round(rows.length * 0.97);
      snapshots.push({
        org_id: orgId,
        day: day(-ago),
        applicable,
        implemented: Math.round(applicable * (0.4 - ago * 0.0005)),
        partially: Math.round(applicable * 0.15),
        overdue: 9000 + ago * 10,
      });
    }
    await insert('compliance_snapshots', snapshots);
    note(`${label}: ${rows.length} requirement records with statuses, ${evidence.length} evidence, summaries (${round(elapsed(t))} ms)`);

    const sample = (xs, n) => Array.from({ length: n }, () => xs[rng.int(0, xs.length - 1)]);
    return {
      email: user.email,
      requirements: rows.length,
      departmentIds: departments.map((d) => d.id),
      systemIds: sample(
        systems.filter((s) => s.own).map((s) => s.row.id),
        SAMPLES + WARMUP,
      ),
      bulkIdSets: Array.from({ length: 6 }, () => [...new Set(sample(rows, 1100).map((r) => r.id))].slice(0, 1000)),
    };
  } finally {
    await rt.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Measuring: a real `cityshield serve --role web` process, a logged-in session, sequential
// requests over keep-alive; 20 warm-up requests are not counted.
// ---------------------------------------------------------------------------------------------

async function startServer(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--role', 'web'], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${out}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

class Session {
  constructor(base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
  }
  async call(method, path, body) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('cs_session='));
    if (set) this.cookie = set.split(';')[0];
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    const json = text ? JSON.parse(text) : null;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return json;
  }
  async timed(method, path, body) {
    const t = process.hrtime.bigint();
    const json = await this.call(method, path, body);
    return { ms: elapsed(t), json };
  }
}

/** Runs `fn(i)` WARMUP times uncounted (at most 15 s), then up to SAMPLES times within the budget; returns the times. */
async function samples(fn) {
  const warm = Date.now();
  for (let i = 0; i < WARMUP && Date.now() - warm < 15_000; i++) await fn(i);
  const times = [];
  const started = Date.now();
  for (let i = 0; i < SAMPLES && Date.now() - started < METRIC_BUDGET_MS; i++) times.push(await fn(WARMUP + i));
  return times;
}

async function measure(url, s, kind) {
  const emit = (metric, value, extra = {}) =>
    console.log(
      JSON.stringify({ bench: 'registry', metric, value: round(value), unit: 'ms', db: kind, ...extra, load: round(loadavg()[0]) }),
    );
  const session = new Session(url);
  await session.call('POST', '/api/v1/auth/login', { email: s.email, password: PASSWORD });

  const dash = await samples(async () => (await session.timed('GET', '/api/v1/dashboard/compliance')).ms);
  emit('dashboard_p50', quantile(dash, 0.5), { samples: dash.length });
  emit('dashboard_p95', quantile(dash, 0.95), { samples: dash.length });

  // The system page loads these three; reported: p95 of their sum (as if one after the other).
  const parts = { get: [], progress: [], requirements: [] };
  const page = await samples(async (i) => {
    const id = s.systemIds[i % s.systemIds.length];
    const a = await session.timed('GET', `/api/v1/systems/${id}`);
    const b = await session.timed('GET', `/api/v1/systems/${id}/requirements/progress`);
    const c = await session.timed('GET', `/api/v1/requirements?systemId=${id}&pageSize=50`);
    if (i >= WARMUP) {
      parts.get.push(a.ms);
      parts.progress.push(b.ms);
      parts.requirements.push(c.ms);
    }
    return a.ms + b.ms + c.ms;
  });
  emit('system_page_p95', quantile(page, 0.95), { samples: page.length, of: 'sum of the 3 requests' });
  emit('system_get_p95', quantile(parts.get, 0.95), { samples: parts.get.length });
  emit('system_progress_p95', quantile(parts.progress, 0.95), { samples: parts.progress.length });
  emit('system_requirements_p95', quantile(parts.requirements, 0.95), { samples: parts.requirements.length });

  // Requirement lists, filtered and paged as the requirements page asks for them.
  const terms = ['access', 'audit', 'ac-2', 'incident', 'backup', 'configuration', 'sc-7', 'training'];
  const filters = {
    planned_in_department: (i) => `status=planned&departmentId=${s.departmentIds[i % s.departmentIds.length]}`,
    overdue: (i) => `overdue=true&page=${1 + (i % 5)}`,
    search: (i) => `q=${encodeURIComponent(terms[i % terms.length])}`,
  };
  const all = [];
  let total = 0;
  for (const [name, query] of Object.entries(filters)) {
    const times = await samples(async (i) => {
      const r = await session.timed('GET', `/api/v1/requirements?pageSize=50&${query(i)}`);
      total = r.json.total;
      return r.ms;
    });
    all.push(...times);
    emit(`requirement_list_${name}_p95`, quantile(times, 0.95), { samples: times.length, total });
  }
  emit('requirement_list_p95', quantile(all, 0.95), { samples: all.length, of: 'the three filters together' });

  // Bulk edit of 1,000 requirements spread across the city (one warm-up, then the median of 5).
  const bulk = [];
  for (let i = 0; i < s.bulkIdSets.length; i++) {
    const r = await session.timed('POST', '/api/v1/requirements/bulk', {
      ids: s.bulkIdSets[i],
      set: { status: i % 2 ? 'planned' : 'implemented' },
    });
    if (i > 0) bulk.push(r.ms);
    if (i === 0) note(`${kind}: bulk edit touches ${r.json.systems} systems`);
  }
  emit('bulk_update_1000', quantile(bulk, 0.5), { samples: bulk.length, max: round(Math.max(...bulk)) });
}

async function runOn(kind, env, label) {
  const t = process.hrtime.bigint();
  const seeded = await seed(env, label);
  const seedMs = elapsed(t);
  if (kind === 'postgres') {
    // What autovacuum does after a bulk load (it is off on some test servers, e.g. CI's): without
    // statistics PostgreSQL estimates one row everywhere, and the updates leave the indexes bloated.
    const v = process.hrtime.bigint();
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    await c.query('vacuum (analyze)');
    await c.end();
    note(`postgres: vacuum (analyze) after seeding ${round(elapsed(v))} ms (not in seed_total)`);
  }
  console.log(
    JSON.stringify({
      bench: 'registry',
      metric: 'seed_total',
      value: round(seedMs),
      unit: 'ms',
      db: kind,
      requirements: seeded.requirements,
    }),
  );
  if (process.env.BENCH_SEED_ONLY === '1') return;
  const server = await startServer(env);
  try {
    await measure(server.url, seeded, kind);
  } finally {
    await server.stop();
  }
}

export async function run() {
  if (!existsSync(CATALOG)) {
    console.error(
      `registry bench skipped: it needs the NIST SP 800-53 rev5 catalog and profiles at ${SHARED} (../shared beside the repository)`,
    );
    return;
  }
  const only = process.env.BENCH_DB; // sqlite | postgres (default: both)
  const keep = process.env.BENCH_KEEP === '1'; // keep the seeded databases, e.g. for EXPLAIN
  if (only !== 'postgres') {
    const dir = mkdtempSync(join(tmpdir(), 'cityshield-bench-registry-'));
    try {
      await runOn('sqlite', { DATA_DIR: dir }, 'sqlite');
    } finally {
      if (keep) note(`kept ${dir}/cityshield.db`);
      else rmSync(dir, { recursive: true, force: true });
    }
  }
  if (only === 'sqlite') return;
  const admin = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cityshield_bench_registry_${process.pid}`;
  const c = new pg.Client({ connectionString: admin });
  try {
    await c.connect();
    await c.query(`create database ${name}`);
  } catch (err) {
    console.error(`registry bench on PostgreSQL skipped: ${err.message}`);
    await c.end().catch(() => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cityshield-bench-registry-pg-'));
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    await runOn('postgres', { DATABASE_URL: url.toString(), DATA_DIR: dir }, 'pg');
  } finally {
    if (keep) note(`kept PostgreSQL database ${name}`);
    else await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
