import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createFileLoader, flattenCatalog, OscalError, readOscalJsonFile, resolveProfile, validateOscal } from '@cityshield/core';
import type { TConfig } from '../config.js';
import type { Actor } from '../context.js';
import { AppError } from '../errors.js';
import { createLogger, createRuntime } from '../runtime.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

function describeAppError(err: unknown): never {
  if (err instanceof AppError) throw new Error([err.message, ...err.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'));
  if (err instanceof OscalError) throw new Error(err.message);
  throw err;
}

/** `cityshield oscal validate FILE…`: exit 1 if any file is invalid. Needs no server or database. */
export function oscalValidate(files: string[]): void {
  let bad = 0;
  for (const file of files) {
    const doc = readOscalJsonFile(resolve(file));
    const r = validateOscal(doc);
    if (r.valid) {
      out(`${file}: valid OSCAL ${r.model} ${r.declaredVersion} (schema ${r.schemaVersion})`);
    } else {
      bad += 1;
      out(`${file}: INVALID (${r.errors.length}${r.truncated ? '+' : ''} errors)`);
      for (const e of r.errors) out(`  ${e.pointer || '/'}: ${e.message}`);
    }
    for (const n of r.notes) out(`  note: ${n}`);
  }
  if (bad > 0) process.exitCode = 1;
}

/** `cityshield oscal resolve PROFILE [--source HREF=FILE]… [-o OUT]`: offline profile resolution. */
export async function oscalResolve(profileFile: string, sources: string[], output: string | undefined): Promise<void> {
  const map: Record<string, string> = {};
  for (const s of sources) {
    const i = s.indexOf('=');
    if (i <= 0) throw new Error(`--source must be HREF_OR_UUID=FILE (got "${s}")`);
    map[s.slice(0, i)] = resolve(s.slice(i + 1));
  }
  const path = resolve(profileFile);
  const doc = readOscalJsonFile(path);
  const check = validateOscal(doc);
  if (!check.valid || check.model !== 'profile') {
    throw new Error([`${profileFile} is not a valid OSCAL profile`, ...check.errors.map((e) => `  ${e.pointer}: ${e.message}`)].join('\n'));
  }
  try {
    const r = await resolveProfile(doc as never, createFileLoader({ sources: map }), { location: path, sourceProfileHref: basename(path) });
    const text = `${JSON.stringify(r.document, null, 2)}\n`;
    for (const w of r.warnings) process.stderr.write(`warning: ${w.message}\n`);
    if (output) {
      writeFileSync(resolve(output), text);
      const count = flattenCatalog(r.document.catalog as unknown as Record<string, unknown>).length;
      out(`Resolved catalog written to ${resolve(output)} (${count} controls)`);
    } else {
      process.stdout.write(text);
    }
  } catch (err) {
    describeAppError(err);
  }
}

/** Commands that act for an organisation run as its first administrator, audited as the CLI. */
export async function withOrg<T>(
  config: TConfig,
  orgName: string | undefined,
  fn: (actor: Actor, rt: Awaited<ReturnType<typeof createRuntime>>) => Promise<T>,
): Promise<T> {
  const rt = await createRuntime(config, { log: createLogger({ LOG_LEVEL: 'warn' }) });
  try {
    const orgs = await rt.ctx.db.selectFrom('organisations').select(['id', 'name']).execute();
    const org = orgName ? orgs.find((o) => o.name === orgName) : orgs.length === 1 ? orgs[0] : undefined;
    if (!org)
      throw new Error(orgName ? `No organisation named "${orgName}"` : `Name the organisation with --org (there are ${orgs.length})`);
    const admin = await rt.ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role'])
      .where('org_id', '=', org.id)
      .where('role', '=', 'admin')
      .orderBy('created_at')
      .executeTakeFirst();
    if (!admin) throw new Error(`"${org.name}" has no administrator`);
    const permissions = new Set(await rt.services.repos.roles.permissionsOf(rt.ctx.db, org.id, 'admin'));
    const actor: Actor = {
      userId: admin.id,
      orgId: org.id,
      email: `${admin.email} (cli)`,
      name: admin.name,
      role: admin.role,
      permissions,
      via: 'token',
      ip: null,
    };
    return await fn(actor, rt);
  } finally {
    await rt.close();
  }
}

export async function oscalImport(config: TConfig, files: string[], orgName: string | undefined): Promise<void> {
  await withOrg(config, orgName, async (actor, rt) => {
    // Profiles resolve against the catalogs imported by the same command, when there are any.
    const importedCatalogs: string[] = [];
    for (const file of files) {
      try {
        const doc = readOscalJsonFile(resolve(file)) as Record<string, unknown>;
        const using = 'profile' in doc && importedCatalogs.length > 0 ? { using: importedCatalogs } : {};
        const r = await rt.services.catalogs.import(actor, doc, { source: basename(file), ...using });
        if ('catalog' in doc) importedCatalogs.push(r.version.id);
        out(
          `${file}: imported "${r.version.title}" ${r.version.version} — ${r.version.controlCount} controls (version id ${r.version.id})`,
        );
      } catch (err) {
        describeAppError(err);
      }
    }
  });
}

export async function oscalExport(
  config: TConfig,
  id: string,
  output: string,
  orgName: string | undefined,
  resolved: boolean,
): Promise<void> {
  await withOrg(config, orgName, async (actor, rt) => {
    let versionId = id;
    const catalog = await rt.services.catalogs.repo.find(rt.ctx.db, actor.orgId, id).catch(() => undefined);
    if (catalog) {
      const [latest] = await rt.services.catalogs.repo.versions(rt.ctx.db, [catalog.id]);
      if (!latest) throw new Error('The catalog has no versions');
      versionId = latest.id;
    }
    try {
      const doc = await rt.services.catalogs.export(actor, versionId, resolved);
      writeFileSync(resolve(output), `${JSON.stringify(doc, null, 2)}\n`);
      out(`Written to ${resolve(output)}`);
    } catch (err) {
      describeAppError(err);
    }
  });
}

export async function oscalList(config: TConfig, orgName: string | undefined): Promise<void> {
  await withOrg(config, orgName, async (actor, rt) => {
    for (const c of (await rt.services.catalogs.list(actor)).items) {
      out(
        `${c.id}  ${c.kind.padEnd(7)}  ${c.latest?.version ?? '-'}  ${c.latest?.controlCount ?? 0} controls  ${c.name}${c.builtIn ? ' (built in)' : ''}`,
      );
    }
  });
}
