import type { FlatControl } from '@cityshield/core';
import type { Selectable } from 'kysely';
import { containsText } from '../../db/like.js';
import type { CatalogVersionsTable } from '../../db/schema.js';
import type { Executor } from '../audit/audit.repository.js';

export type CatalogVersionRow = Selectable<CatalogVersionsTable>;

/** Catalogs visible to an organisation: its own and the built-in ones (org_id null). */
export class CatalogRepository {
  private visible(db: Executor, orgId: string) {
    return db.selectFrom('catalogs').where((eb) => eb.or([eb('catalogs.org_id', '=', orgId), eb('catalogs.org_id', 'is', null)]));
  }

  list(db: Executor, orgId: string) {
    return this.visible(db, orgId)
      .selectAll('catalogs')
      .orderBy('catalogs.built_in', 'desc')
      .orderBy('catalogs.name')
      .limit(1000)
      .execute();
  }

  find(db: Executor, orgId: string, id: string) {
    return this.visible(db, orgId).selectAll('catalogs').where('catalogs.id', '=', id).executeTakeFirst();
  }

  findByName(db: Executor, orgId: string | null, kind: string, name: string) {
    let q = db.selectFrom('catalogs').selectAll().where('kind', '=', kind).where('name', '=', name);
    q = orgId === null ? q.where('org_id', 'is', null) : q.where('org_id', '=', orgId);
    return q.executeTakeFirst();
  }

  async insertCatalog(
    db: Executor,
    row: { id: string; org_id: string | null; kind: string; name: string; built_in: number; created_at: string },
  ) {
    await db.insertInto('catalogs').values(row).execute();
  }

  versions(db: Executor, catalogIds: readonly string[]) {
    if (catalogIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('catalog_versions')
      .select([
        'id',
        'catalog_id',
        'version',
        'oscal_version',
        'document_uuid',
        'title',
        'source',
        'licence',
        'control_count',
        'sha256',
        'imported_at',
        'imported_by',
      ])
      .where('catalog_id', 'in', catalogIds)
      .orderBy('imported_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  }

  /** A version with its catalog, if the organisation may see it. */
  version(db: Executor, orgId: string, versionId: string) {
    return db
      .selectFrom('catalog_versions')
      .innerJoin('catalogs', 'catalogs.id', 'catalog_versions.catalog_id')
      .selectAll('catalog_versions')
      .select(['catalogs.kind', 'catalogs.name', 'catalogs.org_id', 'catalogs.built_in'])
      .where('catalog_versions.id', '=', versionId)
      .where((eb) => eb.or([eb('catalogs.org_id', '=', orgId), eb('catalogs.org_id', 'is', null)]))
      .executeTakeFirst();
  }

  async shaExists(db: Executor, catalogId: string, sha: string): Promise<boolean> {
    const r = await db
      .selectFrom('catalog_versions')
      .select('id')
      .where('catalog_id', '=', catalogId)
      .where('sha256', '=', sha)
      .executeTakeFirst();
    return r !== undefined;
  }

  async insertVersion(db: Executor, row: CatalogVersionRow) {
    await db.insertInto('catalog_versions').values(row).execute();
  }

  /** Many rows per statement: 1,189 NIST controls become a handful of inserts. */
  async insertControls(db: Executor, versionId: string, rows: readonly FlatControl[]) {
    const BATCH = 200;
    for (let i = 0; i < rows.length; i += BATCH) {
      await db
        .insertInto('catalog_controls')
        .values(
          rows.slice(i, i + BATCH).map((c) => ({
            version_id: versionId,
            control_id: c.id,
            position: c.position,
            parent_id: c.parentId,
            group_id: c.groupId,
            group_title: c.groupTitle,
            depth: c.depth,
            title: c.title,
            label: c.label,
            withdrawn: c.withdrawn ? 1 : 0,
            search_text: c.searchText,
            body: JSON.stringify(c.body),
          })),
        )
        .execute();
    }
  }

  async controls(
    db: Executor,
    versionId: string,
    f: { q?: string; group?: string; parent?: string; topLevel?: boolean },
    page: number,
    pageSize: number,
  ) {
    let q = db.selectFrom('catalog_controls').where('version_id', '=', versionId);
    if (f.q) q = q.where(containsText('search_text', f.q));
    if (f.group) q = q.where('group_id', '=', f.group);
    if (f.parent) q = q.where('parent_id', '=', f.parent);
    if (f.topLevel) q = q.where('parent_id', 'is', null);
    const [{ total } = { total: 0 }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .select(['control_id', 'position', 'parent_id', 'group_id', 'group_title', 'depth', 'title', 'label', 'withdrawn'])
      .orderBy('position')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items, total: Number(total) };
  }

  groups(db: Executor, versionId: string) {
    return db
      .selectFrom('catalog_controls')
      .select(['group_id', 'group_title'])
      .select((eb) => [eb.fn.countAll<number>().as('controls'), eb.fn.min<number>('position').as('first')])
      .where('version_id', '=', versionId)
      .groupBy(['group_id', 'group_title'])
      .orderBy('first')
      .execute();
  }

  control(db: Executor, versionId: string, controlId: string) {
    return db
      .selectFrom('catalog_controls')
      .selectAll()
      .where('version_id', '=', versionId)
      .where('control_id', '=', controlId)
      .executeTakeFirst();
  }

  children(db: Executor, versionId: string, controlId: string) {
    return db
      .selectFrom('catalog_controls')
      .select(['control_id', 'title', 'label', 'withdrawn'])
      .where('version_id', '=', versionId)
      .where('parent_id', '=', controlId)
      .orderBy('position')
      .execute();
  }

  /** All controls of a version with their bodies, for diffs. */
  allControls(db: Executor, versionId: string) {
    return db.selectFrom('catalog_controls').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
  }
}
