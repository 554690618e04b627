import { diffCatalogs, type FlatControl } from '@cityshield/core';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { iso, newId, sha256 } from '../../util.js';
import { CatalogRepository, type CatalogVersionRow } from './catalog.repository.js';
import { type LibraryCatalog, type PreparedImport, prepareImport } from './catalog-import.js';

type Json = Record<string, unknown>;

const versionView = (v: Omit<CatalogVersionRow, 'document' | 'resolved_from'>) => ({
  id: v.id,
  catalogId: v.catalog_id,
  version: v.version,
  oscalVersion: v.oscal_version,
  title: v.title,
  source: v.source,
  licence: v.licence,
  controlCount: Number(v.control_count),
  importedAt: v.imported_at,
});

export class CatalogService {
  readonly repo = new CatalogRepository();
  constructor(private readonly ctx: AppContext) {}

  async list(actor: Actor) {
    const catalogs = await this.repo.list(this.ctx.db, actor.orgId);
    const versions = await this.repo.versions(
      this.ctx.db,
      catalogs.map((c) => c.id),
    );
    return {
      items: catalogs.map((c) => {
        const own = versions.filter((v) => v.catalog_id === c.id);
        const latest = own[0];
        return {
          id: c.id,
          name: c.name,
          kind: c.kind as 'catalog' | 'profile',
          builtIn: c.built_in === 1,
          versionCount: own.length,
          latest: latest ? versionView(latest) : null,
        };
      }),
    };
  }

  async get(actor: Actor, id: string) {
    const c = await this.repo.find(this.ctx.db, actor.orgId, id);
    if (!c) throw notFound('The catalog');
    const versions = await this.repo.versions(this.ctx.db, [c.id]);
    return {
      id: c.id,
      name: c.name,
      kind: c.kind as 'catalog' | 'profile',
      builtIn: c.built_in === 1,
      versions: versions.map(versionView),
    };
  }

  private async library(orgId: string, using?: readonly string[]): Promise<LibraryCatalog[]> {
    const catalogs = (await this.repo.list(this.ctx.db, orgId)).filter((c) => c.kind === 'catalog');
    let versions = await this.repo.versions(
      this.ctx.db,
      catalogs.map((c) => c.id),
    );
    if (using && using.length > 0) versions = versions.filter((v) => using.includes(v.id));
    return versions.map((v) => ({
      versionId: v.id,
      title: v.title,
      source: v.source,
      documentUuid: v.document_uuid,
      load: async () => {
        const row = await this.repo.version(this.ctx.db, orgId, v.id);
        return JSON.parse(row?.document ?? '{}') as Json;
      },
    }));
  }

  /** Validates, resolves and stores a catalog or profile as a new version; all or nothing. */
  async import(actor: Actor, document: unknown, opts: { source: string; using?: string[] }) {
    const prepared = await prepareImport(document, opts.source, await this.library(actor.orgId, opts.using), (opts.using?.length ?? 0) > 0);
    return changeWithAudit(this.ctx, actorIdentity(actor), (trx, audit) =>
      this.store(trx, actor.orgId, actor.userId, prepared, opts.source, audit),
    );
  }

  /** Shared by imports and the built-in install (orgId null). */
  async store(
    trx: Parameters<Parameters<typeof changeWithAudit>[2]>[0],
    orgId: string | null,
    userId: string | null,
    p: PreparedImport,
    source: string,
    audit?: Parameters<Parameters<typeof changeWithAudit>[2]>[1],
  ) {
    const now = iso(this.ctx.clock.now());
    const text = JSON.stringify(p.document);
    const sha = sha256(text);
    let catalog = await this.repo.findByName(trx, orgId, p.kind, p.name);
    if (!catalog) {
      catalog = { id: newId(), org_id: orgId, kind: p.kind, name: p.name, built_in: orgId === null ? 1 : 0, created_at: now };
      await this.repo.insertCatalog(trx, catalog);
    } else if (await this.repo.shaExists(trx, catalog.id, sha)) {
      throw new AppError('CONFLICT', `This exact document is already in the library as "${p.name}" ${p.version}.`);
    }
    const row: CatalogVersionRow = {
      id: newId(),
      catalog_id: catalog.id,
      version: p.version,
      oscal_version: p.oscalVersion,
      document_uuid: p.documentUuid,
      title: p.name,
      source: source.slice(0, 300),
      licence: p.licence,
      control_count: p.controls.length,
      sha256: sha,
      document: text,
      resolved_from: p.resolved ? JSON.stringify(p.resolved) : null,
      imported_at: now,
      imported_by: userId,
    };
    await this.repo.insertVersion(trx, row);
    await this.repo.insertControls(trx, row.id, p.controls);
    await audit?.({
      action: `${p.kind}.import`,
      entityType: 'catalog_version',
      entityId: row.id,
      after: {
        name: p.name,
        version: p.version,
        oscalVersion: p.oscalVersion,
        controls: p.controls.length,
        source: row.source,
        sha256: sha,
      },
    });
    return { catalogId: catalog.id, version: versionView(row), notes: p.notes };
  }

  async version(actor: Actor, versionId: string) {
    const v = await this.repo.version(this.ctx.db, actor.orgId, versionId);
    if (!v) throw notFound('The catalog version');
    return v;
  }

  async versionInfo(actor: Actor, versionId: string) {
    const v = await this.version(actor, versionId);
    return {
      ...versionView(v),
      kind: v.kind as 'catalog' | 'profile',
      name: v.name,
      builtIn: v.built_in === 1,
      groups: await this.groups(v.id),
    };
  }

  private async groups(versionId: string) {
    const rows = await this.repo.groups(this.ctx.db, versionId);
    return rows.map((g) => ({ id: g.group_id, title: g.group_title, controls: Number(g.controls) }));
  }

  async controls(
    actor: Actor,
    versionId: string,
    f: { q?: string; group?: string; parent?: string; topLevel?: boolean },
    page: number,
    pageSize: number,
  ) {
    await this.version(actor, versionId);
    const { items, total } = await this.repo.controls(this.ctx.db, versionId, f, page, pageSize);
    return {
      items: items.map((c) => ({
        id: c.control_id,
        title: c.title,
        label: c.label,
        parentId: c.parent_id,
        groupId: c.group_id,
        groupTitle: c.group_title,
        depth: Number(c.depth),
        withdrawn: Number(c.withdrawn) === 1,
      })),
      total,
      page,
      pageSize,
    };
  }

  async control(actor: Actor, versionId: string, controlId: string) {
    await this.version(actor, versionId);
    const c = await this.repo.control(this.ctx.db, versionId, controlId);
    if (!c) throw notFound('The control');
    const children = await this.repo.children(this.ctx.db, versionId, controlId);
    return {
      id: c.control_id,
      title: c.title,
      label: c.label,
      parentId: c.parent_id,
      groupId: c.group_id,
      groupTitle: c.group_title,
      withdrawn: Number(c.withdrawn) === 1,
      body: JSON.parse(c.body) as Json,
      enhancements: children.map((k) => ({ id: k.control_id, title: k.title, label: k.label, withdrawn: Number(k.withdrawn) === 1 })),
    };
  }

  /** The stored OSCAL document; for a profile, `resolved` gives its resolved catalog instead. */
  async export(actor: Actor, versionId: string, resolved: boolean): Promise<Json> {
    const v = await this.version(actor, versionId);
    if (resolved) {
      if (!v.resolved_from) throw new AppError('VALIDATION', 'Only a profile has a resolved catalog.');
      return JSON.parse(v.resolved_from) as Json;
    }
    return JSON.parse(v.document) as Json;
  }

  private async flat(versionId: string): Promise<FlatControl[]> {
    const rows = await this.repo.allControls(this.ctx.db, versionId);
    return rows.map((r) => ({
      id: r.control_id,
      position: Number(r.position),
      parentId: r.parent_id,
      groupId: r.group_id,
      groupTitle: r.group_title,
      depth: Number(r.depth),
      title: r.title,
      label: r.label,
      withdrawn: Number(r.withdrawn) === 1,
      searchText: r.search_text,
      body: JSON.parse(r.body) as Json,
    }));
  }

  async diff(actor: Actor, fromId: string, toId: string) {
    const [from, to] = await Promise.all([this.version(actor, fromId), this.version(actor, toId)]);
    return {
      from: versionView(from),
      to: versionView(to),
      ...diffCatalogs(await this.flat(from.id), await this.flat(to.id)),
    };
  }
}
