import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { createLogger, createRuntime, startServer } from '../runtime.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function serve(config: TConfig, role: string): Promise<void> {
  if (role !== 'web' && role !== 'worker' && role !== 'all') throw new Error(`--role must be web, worker or all (got "${role}")`);
  const server = await startServer(config, role);
  out(`CityShield ${role === 'worker' ? 'worker started' : `listening on ${config.baseUrl}`} (database: ${config.databaseKind})`);
  const shutdown = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export async function migrate(config: TConfig): Promise<void> {
  const handle = await openDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    out(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await handle.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export async function adminCreate(
  config: TConfig,
  o: { org: string; email: string; name: string; passwordStdin?: boolean },
): Promise<void> {
  if (!o.passwordStdin)
    throw new Error('pass --password-stdin and pipe the password in, so it never appears in the process list or shell history');
  const password = await readStdin();
  const runtime = await createRuntime(config, { log: createLogger({ LOG_LEVEL: 'warn' }) });
  try {
    const r = await runtime.services.account.createOrganisationWithAdmin(
      { organisationName: o.org, name: o.name, email: o.email, password },
      { ip: null, userAgent: 'cityshield-cli' },
      { startSession: false },
    );
    out(`Created organisation "${o.org}" with administrator ${r.user.email}. Log in at ${config.baseUrl}/login`);
  } catch (err) {
    if (err instanceof AppError) {
      throw new Error([err.message, ...err.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'));
    }
    throw err;
  } finally {
    await runtime.close();
  }
}

export async function auditVerify(config: TConfig): Promise<void> {
  const runtime = await createRuntime(config, { log: createLogger({ LOG_LEVEL: 'warn' }) });
  try {
    const results = await runtime.services.audit.verifyAll();
    let broken = false;
    for (const r of results) {
      out(r.ok ? `org ${r.orgId}: intact, ${r.checked} entries verified` : `org ${r.orgId}: BROKEN at entry #${r.brokenAt} — ${r.reason}`);
      broken ||= !r.ok;
    }
    if (results.length === 0) out('The audit log is empty.');
    if (broken) process.exitCode = 1;
  } finally {
    await runtime.close();
  }
}

export async function backup(config: TConfig, file: string): Promise<void> {
  if (config.databaseKind === 'postgres') {
    throw new Error('For PostgreSQL use pg_dump (see docs/OPERATIONS.md): pg_dump --format=custom --file=FILE "$DATABASE_URL"');
  }
  const target = resolve(file);
  if (existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
  const handle = await openDatabase(config);
  try {
    // SQLite's online backup API (through either driver): consistent while the server runs.
    await handle.backup?.(target);
    out(`Backup written to ${target}`);
  } finally {
    await handle.close();
  }
}
