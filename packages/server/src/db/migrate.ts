import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as foundation from './migrations/2026-11-25-0001-foundation.js';
import * as catalogs from './migrations/2026-11-25-0002-catalogs.js';
import * as registry from './migrations/2026-11-25-0003-registry.js';
import * as classification from './migrations/2026-11-25-0004-classification.js';
import * as baselines from './migrations/2026-11-25-0005-baselines.js';
import * as customMethods from './migrations/2026-11-25-0006-custom-methods.js';
import * as registryIndexes from './migrations/2026-11-25-0007-registry-indexes.js';
import * as risks from './migrations/2026-11-25-0008-risks.js';
import * as incidents from './migrations/2026-11-25-0009-incidents.js';
import * as audits from './migrations/2026-11-25-0010-audits.js';
import * as requirementReadPaths from './migrations/2026-11-26-0011-requirement-read-paths.js';

/** Migrations are listed here (not discovered on disk) so the compiled build carries them. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-25-0001-foundation': foundation,
  '2026-11-25-0002-catalogs': catalogs,
  '2026-11-25-0003-registry': registry,
  '2026-11-25-0004-classification': classification,
  '2026-11-25-0005-baselines': baselines,
  '2026-11-25-0006-custom-methods': customMethods,
  '2026-11-25-0007-registry-indexes': registryIndexes,
  '2026-11-25-0008-risks': risks,
  '2026-11-25-0009-incidents': incidents,
  '2026-11-25-0010-audits': audits,
  '2026-11-26-0011-requirement-read-paths': requirementReadPaths,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Database): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
