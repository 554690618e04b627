import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TConfig } from '../config.js';
import type { Actor } from '../context.js';
import { AppError } from '../errors.js';
import type { ExportedDocument } from '../modules/oscal-exports/oscal-export.service.js';
import type { createRuntime } from '../runtime.js';
import { withOrg } from './oscal-commands.js';

type Runtime = Awaited<ReturnType<typeof createRuntime>>;

const out = (line: string) => process.stdout.write(`${line}\n`);

/** AppErrors become one readable message with their details; the CLI exits 1. */
async function explained<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AppError) throw new Error([err.message, ...err.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'));
    throw err;
  }
}

function write(file: string, exported: ExportedDocument, what: string): void {
  const path = resolve(file);
  writeFileSync(path, `${JSON.stringify(exported.document, null, 2)}\n`);
  out(`${what} written to ${path} (OSCAL 1.1.2, validated)`);
}

/** A system by name (case-insensitive) or id; several systems of that name in different departments must be told apart by id. */
async function findSystem(rt: Runtime, actor: Actor, nameOrId: string): Promise<string> {
  const rows = await rt.ctx.db
    .selectFrom('systems')
    .leftJoin('departments', 'departments.id', 'systems.department_id')
    .select(['systems.id', 'systems.name', 'departments.name as department'])
    .where('systems.org_id', '=', actor.orgId)
    .where((eb) => eb.or([eb('systems.id', '=', nameOrId), eb('systems.name_key', '=', nameOrId.trim().toLowerCase())]))
    .execute();
  const [first] = rows;
  if (!first) throw new Error(`No system named "${nameOrId}"`);
  if (rows.length > 1) {
    throw new Error(
      [
        `Several systems are named "${nameOrId}"; give the id instead:`,
        ...rows.map((r) => `  ${r.id}  ${r.department ?? '(no department)'}`),
      ].join('\n'),
    );
  }
  return first.id;
}

/** `cityshield oscal export-ssp --system NAME [--org NAME] -o FILE` */
export async function oscalExportSsp(config: TConfig, system: string, output: string, orgName: string | undefined): Promise<void> {
  await withOrg(config, orgName, async (actor, rt) => {
    const id = await findSystem(rt, actor, system);
    write(output, await explained(() => rt.services.oscalExports.exportSsp(actor, id)), 'System security plan');
  });
}

/** `cityshield oscal export-ar --audit ID [--org NAME] -o FILE` (ID: the audit's id or its reference) */
export async function oscalExportAr(config: TConfig, audit: string, output: string, orgName: string | undefined): Promise<void> {
  await withOrg(config, orgName, async (actor, rt) => {
    write(output, await explained(() => rt.services.oscalExports.exportAssessmentResults(actor, audit.trim())), 'Assessment results');
  });
}

/** `cityshield oscal export-poam [--org NAME] -o FILE` */
export async function oscalExportPoam(config: TConfig, output: string, orgName: string | undefined): Promise<void> {
  await withOrg(config, orgName, async (actor, rt) => {
    write(output, await explained(() => rt.services.oscalExports.exportPoam(actor)), 'Plan of action and milestones');
  });
}
