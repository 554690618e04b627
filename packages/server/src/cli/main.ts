#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { VERSION } from '../version.js';
import { adminCreate, auditVerify, backup, migrate, serve } from './commands.js';
import { demo } from './demo.js';
import { oscalExport, oscalImport, oscalList, oscalResolve, oscalValidate } from './oscal-commands.js';
import { oscalExportAr, oscalExportPoam, oscalExportSsp } from './oscal-export-commands.js';
import { report } from './report-command.js';

const program = new Command()
  .name('cityshield')
  .description('CityShield — security management for city administrations')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the server (migrates the database first)')
  .option('--role <role>', 'web (HTTP only), worker (background jobs only) or all', 'all')
  .action((o: { role: string }) => serve(loadConfig(), o.role));

program
  .command('migrate')
  .description('Bring the database schema up to date and exit')
  .action(() => migrate(loadConfig()));

const admin = program.command('admin').description('Administration from a shell');
admin
  .command('create')
  .description('Create an organisation with its first administrator (password read from standard input)')
  .requiredOption('--org <name>', 'organisation name')
  .requiredOption('--email <email>', 'administrator e-mail address')
  .option('--name <name>', 'administrator display name', 'Administrator')
  .option('--password-stdin', 'read the password from standard input (required)')
  .action((o: { org: string; email: string; name: string; passwordStdin?: boolean }) => adminCreate(loadConfig(), o));

const audit = program.command('audit').description('The audit log');
audit
  .command('verify')
  .description("Verify every organisation's hash chain; exits 1 at the first broken link")
  .action(() => auditVerify(loadConfig()));

program
  .command('backup')
  .description('Write an online backup of the SQLite database to FILE (PostgreSQL: see docs/OPERATIONS.md)')
  .argument('<file>', 'where to write the backup')
  .action((file: string) => backup(loadConfig(), file));

program
  .command('demo')
  .description('Fill an organisation with a demo city: departments, people, systems, classifications, requirements, evidence, trend')
  .option('--org <name>', 'organisation to fill, created with an administrator if missing (default: the only one, or "Demo City")')
  .option('--force', 'add the demo even if the organisation already has systems')
  .option('--password-stdin', 'read the password of the new demo accounts from standard input (default: a generated one, printed)')
  .action((o: { org?: string; force?: boolean; passwordStdin?: boolean }) => demo(loadConfig(), o));

program
  .command('report')
  .description('Write a report as PDF or HTML without a server (for scheduled jobs): council, system, audit or poam')
  .argument('<kind>', 'council (compliance report), system (system security plan), audit (audit report) or poam (corrective-action plan)')
  .requiredOption('-o, --output <file>', 'where to write; .pdf or .html decides the format')
  .option('--org <name>', 'organisation (needed when there are several)')
  .option('--system <name>', 'the system of a system security plan (its name or id)')
  .option('--audit <id>', 'the audit of an audit report (its id or reference, e.g. AUD-2026-001)')
  .action((kind: string, o: { output: string; org?: string; system?: string; audit?: string }) => report(loadConfig(), kind, o));

const oscal = program.command('oscal').description('OSCAL catalogs and profiles; SSP, assessment-results and POA&M exports');
oscal
  .command('validate')
  .description('Validate OSCAL JSON files against the official schema of their declared version (no server needed)')
  .argument('<file...>', 'OSCAL documents')
  .action((files: string[]) => oscalValidate(files));
oscal
  .command('resolve')
  .description('Resolve a profile into its catalog, offline (no server needed)')
  .argument('<profile>', 'the OSCAL profile')
  .option(
    '--source <href=file>',
    'where an import href or back-matter resource uuid is found locally (repeatable)',
    (v: string, prev: string[]) => [...prev, v],
    [] as string[],
  )
  .option('-o, --output <file>', 'write the resolved catalog here instead of standard output')
  .action((profile: string, o: { source: string[]; output?: string }) => oscalResolve(profile, o.source, o.output));
oscal
  .command('import')
  .description('Import catalogs or profiles into the library of an organisation (validated first; all or nothing per file)')
  .argument('<file...>', 'OSCAL catalogs or profiles; catalogs before the profiles that import them')
  .option('--org <name>', 'organisation (needed when there are several)')
  .action((files: string[], o: { org?: string }) => oscalImport(loadConfig(), files, o.org));
oscal
  .command('export')
  .description('Write a catalog (its latest version) or a catalog version as OSCAL JSON')
  .argument('<id>', 'catalog id or catalog version id (see `oscal list`)')
  .requiredOption('-o, --output <file>', 'where to write')
  .option('--resolved', 'for a profile, write its resolved catalog')
  .option('--org <name>', 'organisation (needed when there are several)')
  .action((id: string, o: { output: string; resolved?: boolean; org?: string }) =>
    oscalExport(loadConfig(), id, o.output, o.org, o.resolved === true),
  );
oscal
  .command('list')
  .description('List the catalog library of an organisation')
  .option('--org <name>', 'organisation (needed when there are several)')
  .action((o: { org?: string }) => oscalList(loadConfig(), o.org));
oscal
  .command('export-ssp')
  .description("Write a system's OSCAL system security plan (validated; audited)")
  .requiredOption('--system <name>', 'the system (its name, or its id when several share the name)')
  .requiredOption('-o, --output <file>', 'where to write')
  .option('--org <name>', 'organisation (needed when there are several)')
  .action((o: { system: string; output: string; org?: string }) => oscalExportSsp(loadConfig(), o.system, o.output, o.org));
oscal
  .command('export-ar')
  .description("Write an audit's OSCAL assessment results (validated; audited)")
  .requiredOption('--audit <id>', "the audit's id or reference")
  .requiredOption('-o, --output <file>', 'where to write')
  .option('--org <name>', 'organisation (needed when there are several)')
  .action((o: { audit: string; output: string; org?: string }) => oscalExportAr(loadConfig(), o.audit, o.output, o.org));
oscal
  .command('export-poam')
  .description("Write the organisation's OSCAL plan of action and milestones (validated; audited)")
  .requiredOption('-o, --output <file>', 'where to write')
  .option('--org <name>', 'organisation (needed when there are several)')
  .action((o: { output: string; org?: string }) => oscalExportPoam(loadConfig(), o.output, o.org));

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`cityshield: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
