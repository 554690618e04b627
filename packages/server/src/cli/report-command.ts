import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { TConfig } from '../config.js';
import { type Actor, changeWithAudit } from '../context.js';
import { AppError } from '../errors.js';
import { sha256Of } from '../modules/baselines/evidence-files.js';
import { RoleRepository } from '../modules/iam/role.repository.js';
import { generateReport, REPORT_KINDS, type ReportFormat, type ReportKind, reportDeps } from '../reports/index.js';
import { createLogger, createRuntime, type Runtime } from '../runtime.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

export interface ReportOptions {
  org?: string;
  system?: string;
  audit?: string;
  output: string;
}

function formatOf(file: string): ReportFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new Error(`-o must name a .pdf or .html file (got "${file}")`);
}

async function findSystem(rt: Runtime, orgId: string, name: string): Promise<string> {
  const db = rt.ctx.db;
  const rows = await db
    .selectFrom('systems as s')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .select(['s.id', 's.name', 'd.name as department'])
    .where('s.org_id', '=', orgId)
    .where((eb) => eb.or([eb('s.id', '=', name), eb('s.name_key', '=', name.toLowerCase())]))
    .execute();
  const [first, ...more] = rows;
  if (!first) throw new Error(`No system named "${name}"`);
  if (more.length > 0) {
    const where = rows.map((r) => `  ${r.id}  (${r.department ?? 'no department'})`).join('\n');
    throw new Error(`Several systems are named "${name}"; pass the id instead:\n${where}`);
  }
  return first.id;
}

async function findAudit(rt: Runtime, orgId: string, ref: string): Promise<string> {
  const a = await rt.ctx.db
    .selectFrom('audits')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('id', '=', ref), eb('ref', '=', ref)]))
    .executeTakeFirst();
  if (!a) throw new Error(`No audit with the id or reference "${ref}"`);
  return a.id;
}

/**
 * `cityshield report council|system|audit|poam [--org NAME] [--system NAME] [--audit ID] -o FILE`:
 * the same reports as the web app, straight from the database (no server needed), for scheduled
 * jobs. Runs as the organisation's first administrator and is audited as the CLI.
 */
export async function report(config: TConfig, kind: string, o: ReportOptions): Promise<void> {
  if (!(REPORT_KINDS as readonly string[]).includes(kind))
    throw new Error(`The report is one of ${REPORT_KINDS.join(', ')} (got "${kind}")`);
  const k = kind as ReportKind;
  const format = formatOf(o.output);
  if (k === 'system' && !o.system) throw new Error('A system security plan needs --system NAME');
  if (k === 'audit' && !o.audit) throw new Error('An audit report needs --audit ID (the audit id or its reference, e.g. AUD-2026-001)');
  const rt = await createRuntime(config, { log: createLogger({ LOG_LEVEL: 'warn' }) });
  try {
    const orgs = await rt.ctx.db.selectFrom('organisations').select(['id', 'name']).execute();
    const org = o.org ? orgs.find((x) => x.name === o.org) : orgs.length === 1 ? orgs[0] : undefined;
    if (!org) throw new Error(o.org ? `No organisation named "${o.org}"` : `Name the organisation with --org (there are ${orgs.length})`);
    const admin = await rt.ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'role'])
      .where('org_id', '=', org.id)
      .where('role', '=', 'admin')
      .where('disabled', '=', 0)
      .orderBy('created_at')
      .executeTakeFirst();
    if (!admin) throw new Error(`"${org.name}" has no active administrator`);
    const actor: Actor = {
      userId: admin.id,
      orgId: org.id,
      email: `${admin.email} (cli)`,
      name: admin.name,
      role: admin.role,
      permissions: new Set(await new RoleRepository().permissionsOf(rt.ctx.db, org.id, admin.role)),
      via: 'token',
      ip: null,
    };
    const subjectId =
      k === 'system' ? await findSystem(rt, org.id, o.system ?? '') : k === 'audit' ? await findAudit(rt, org.id, o.audit ?? '') : null;
    const { bytes, title } = await generateReport(reportDeps(rt.ctx), actor, { kind: k, format, subjectId });
    const path = resolve(o.output);
    writeFileSync(path, bytes);
    const sha = sha256Of(bytes);
    await changeWithAudit(rt.ctx, { orgId: org.id, userId: admin.id, email: actor.email, ip: null }, async (_trx, audit) => {
      await audit({
        action: 'report.generate',
        entityType: 'report',
        entityId: null,
        after: { kind: k, format, subjectId, via: 'cli', file: path, sha256: sha, size: bytes.length },
      });
    });
    out(`${title}: ${format.toUpperCase()} of ${Math.max(1, Math.round(bytes.length / 1024))} KB written to ${path}`);
  } catch (err) {
    if (err instanceof AppError) throw new Error([err.message, ...err.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'));
    throw err;
  } finally {
    await rt.close();
  }
}
