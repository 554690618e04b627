#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { VERSION } from '../version.js';
import { adminCreate, auditVerify, backup, migrate, serve } from './commands.js';

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

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`cityshield: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
});
