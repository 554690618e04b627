import { BUILT_IN_FILES, readBuiltInCatalog } from '@cityshield/core';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { sha256 } from '../../util.js';
import type { CatalogService } from './catalog.service.js';
import { type LibraryCatalog, prepareImport } from './catalog-import.js';

/**
 * Installs the built-in City Baseline catalog and its level profiles (visible to every
 * organisation) on start, and a new version when the shipped files change. Idempotent; on
 * PostgreSQL a lock keeps processes that start together from installing twice.
 */
export async function installBuiltInCatalogs(ctx: AppContext, catalogs: CatalogService): Promise<string[]> {
  const installed: string[] = [];
  const catalogDoc = readBuiltInCatalog(BUILT_IN_FILES[0]);
  const meta = catalogDoc.catalog as { uuid: string; metadata: { title: string } };
  const library: LibraryCatalog[] = [
    { versionId: 'built-in', title: meta.metadata.title, source: BUILT_IN_FILES[0], documentUuid: meta.uuid, load: async () => catalogDoc },
  ];
  await ctx.db.transaction().execute(async (trx) => {
    if (ctx.kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('built-in-catalogs'))`.execute(trx);
    for (const file of BUILT_IN_FILES) {
      const doc = file === BUILT_IN_FILES[0] ? catalogDoc : readBuiltInCatalog(file);
      // Checked before validating, so an unchanged installation starts without re-resolving.
      const kind = 'catalog' in doc ? 'catalog' : 'profile';
      const title = String((doc[kind] as { metadata?: { title?: string } }).metadata?.title);
      const existing = await catalogs.repo.findByName(trx, null, kind, title);
      if (existing && (await catalogs.repo.shaExists(trx, existing.id, sha256(JSON.stringify(doc))))) continue;
      const prepared = await prepareImport(doc, file, library);
      await catalogs.store(trx, null, null, prepared, file);
      installed.push(`${prepared.name} ${prepared.version}`);
    }
  });
  if (installed.length > 0) ctx.log.info({ installed }, 'installed built-in catalogs');
  return installed;
}
