// Temporary diagnostic: CPU time (user+sys, this process) of the registry read paths on a kept SQLite bench DB.
import { loadConfig } from '../packages/server/dist/config.js';
import { createRuntime, createLogger } from '../packages/server/dist/runtime.js';
const dir = process.argv[2];
const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dir }, '/nonexistent');
const rt = await createRuntime(config, { log: createLogger({ LOG_LEVEL: 'silent' }) });
const db = rt.ctx.db;
const u = await db.selectFrom('users').select(['id', 'org_id', 'email', 'name', 'role']).where('role', '=', 'admin').executeTakeFirstOrThrow();
const perms = new Set(await rt.services.repos.roles.permissionsOf(db, u.org_id, u.role));
const actor = { userId: u.id, orgId: u.org_id, email: u.email, name: u.name, role: u.role, permissions: perms, via: 'session', ip: null };
const owner = await db.selectFrom('users').select(['id', 'org_id', 'email', 'name', 'role']).where('role', '=', 'system_owner').executeTakeFirstOrThrow();
const ownerActor = { userId: owner.id, orgId: owner.org_id, email: owner.email, name: owner.name, role: owner.role, permissions: new Set(await rt.services.repos.roles.permissionsOf(db, u.org_id, 'system_owner')), via: 'session', ip: null };
const systems = (await db.selectFrom('systems').select('id').where('security_level', 'is not', null).orderBy('name_key').execute()).map((s) => s.id);
const depts = (await db.selectFrom('departments').select('id').orderBy('name').execute()).map((d) => d.id);
const allIds = (await db.selectFrom('system_requirements').select('id').orderBy('id').execute()).map((r) => r.id);
const bulkIds = (i) => Array.from({ length: 1000 }, (_, k) => allIds[(k * 571 + i * 7919) % allIds.length]);
const cases = {
  dashboard: (i) => rt.services.dashboard.compliance(actor, {}),
  system_get: (i) => rt.services.systems.get(actor, systems[(i * 37) % systems.length]),
  system_progress: (i) => rt.services.requirements.systemProgress(actor, systems[(i * 37) % systems.length]),
  system_requirements: (i) => rt.services.requirements.list(actor, { systemId: systems[(i * 37) % systems.length] }, 1, 50),
  planned_in_department: (i) => rt.services.requirements.list(actor, { status: 'planned', departmentId: depts[i % depts.length] }, 1, 50),
  overdue: (i) => rt.services.requirements.list(actor, { overdue: true }, 1 + (i % 5), 50),
  search: (i) => rt.services.requirements.list(actor, { q: ['access', 'audit', 'ac-2', 'incident'][i % 4] }, 1, 50),
  owner_list: (i) => rt.services.requirements.list(ownerActor, {}, 1, 50),
  bulk_1000: (i) => rt.services.requirements.bulkUpdate(actor, bulkIds(i), { status: i % 2 ? 'planned' : 'implemented' }),
};
const only = process.argv[3]?.split(',');
for (const [name, fn] of Object.entries(cases)) {
  if (only && !only.includes(name)) continue;
  const n = name === 'search' || name === 'bulk_1000' ? 3 : 15;
  await fn(0);
  const cpu = [];
  const wall = [];
  for (let i = 1; i <= n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const max = (xs) => Math.max(...xs);
  console.log(JSON.stringify({ case: name, cpu_median_ms: Math.round(med(cpu)), cpu_max_ms: Math.round(max(cpu)), wall_median_ms: Math.round(med(wall)) }));
}
await rt.close();
