import type { Insertable } from 'kysely';
import type { Actor, AppContext } from '../../context.js';
import { actorIdentity, changeWithAudit } from '../../context.js';
import type { SystemsTable } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { iso, newId } from '../../util.js';
import type { Executor } from '../audit/audit.repository.js';
import type { SystemFilter } from './system.repository.js';
import type { SystemInput, SystemService } from './system.service.js';
import { type ExportSystem, type ExportTable, exportFileName, exportTable } from './system-export.js';
import {
  checkRows,
  type ImportActor,
  type ImportFormat,
  type ImportPreview,
  type Lookups,
  mapColumns,
  nameKey,
  previewOf,
  problemDetails,
  readFile,
} from './system-import.js';
import { SystemImportRepository } from './system-import.repository.js';

/** An XLSX of at most this many bytes once unpacked (a ZIP bomb is refused before it is unpacked). */
const MAX_UNPACKED = (maxBytes: number) => Math.max(128 * 1024 * 1024, 10 * maxBytes);
const EXPORT_PAGE = 1000;

/**
 * Bulk import and export of the register as spreadsheets. A file is imported whole or not at all:
 * every row is checked first (the preview shows the same checks without storing anything), then
 * one transaction inserts every system in batches with one audit entry for the file.
 */
export class SystemImportService {
  readonly repo = new SystemImportRepository();
  constructor(
    private readonly ctx: AppContext,
    private readonly systems: SystemService,
  ) {}

  private importActor = (a: Actor): ImportActor => ({
    userId: a.userId,
    manageAll: a.permissions.has('systems:manage-all'),
  });

  private async lookups(db: Executor, orgId: string): Promise<Lookups> {
    // One after another: inside a transaction they share one connection.
    const users = await this.repo.users(db, orgId);
    const departments = await this.repo.departments(db, orgId);
    const sectors = await this.systems.repo.sectors(db, orgId);
    const keys = await this.repo.nameKeys(db, orgId);
    return { users, departments, sectors, existing: new Set(keys.map((k) => nameKey(k.department_id, k.name_key))) };
  }

  private async read(file: Buffer, format: ImportFormat) {
    const table = await readFile(file, format, { maxUnpackedBytes: MAX_UNPACKED(this.ctx.config.REGISTER_IMPORT_MAX_BYTES) });
    return { table, columns: mapColumns(table.header) };
  }

  /** Every row and cell checked, nothing stored. */
  async preview(actor: Actor, file: Buffer, format: ImportFormat): Promise<ImportPreview> {
    const { table, columns } = await this.read(file, format);
    const checked = checkRows(table, columns, await this.lookups(this.ctx.db, actor.orgId), this.importActor(actor));
    return previewOf(columns, checked);
  }

  async import(actor: Actor, file: Buffer, format: ImportFormat, fileName?: string): Promise<{ created: number; ids: string[] }> {
    const { table, columns } = await this.read(file, format);
    return changeWithAudit(this.ctx, actorIdentity(actor), async (trx, audit) => {
      if (this.ctx.kind === 'postgres') await this.repo.lock(trx, actor.orgId);
      const checked = checkRows(table, columns, await this.lookups(trx, actor.orgId), this.importActor(actor));
      const invalid = checked.filter((r) => r.errors.length > 0).length;
      if (invalid > 0) {
        throw new AppError(
          'VALIDATION',
          `${invalid} of ${checked.length} rows have problems, so nothing was imported. Correct them and upload the file again.`,
          problemDetails(checked),
        );
      }
      const now = iso(this.ctx.clock.now());
      const rows = checked.flatMap((r) => (r.input ? [toRow(newId(), actor.orgId, r.input, now)] : []));
      await this.repo.insertMany(trx, rows);
      await audit({
        action: 'system.import',
        entityType: 'system',
        entityId: null,
        after: { count: rows.length, format, fileName: fileName ?? null },
      });
      return { created: rows.length, ids: rows.map((r) => r.id) };
    });
  }

  /** The systems the caller sees under the list's filters, as a spreadsheet table. */
  async export(actor: Actor, filter: SystemFilter, format: ImportFormat): Promise<{ table: ExportTable; fileName: string }> {
    const emails = new Map((await this.repo.users(this.ctx.db, actor.orgId)).map((u) => [u.id, u.email]));
    const systems: ExportSystem[] = [];
    for (let page = 1; ; page++) {
      const { items } = await this.systems.list(actor, filter, page, EXPORT_PAGE);
      for (const s of items) {
        // The effective classification, where the register keeps it.
        const cls = s as { notation?: string | null; securityLevel?: string | null };
        systems.push({
          ...s,
          ownerEmail: s.ownerId ? (emails.get(s.ownerId) ?? null) : null,
          notation: cls.notation ?? null,
          securityLevel: cls.securityLevel ?? null,
        });
      }
      if (items.length < EXPORT_PAGE) break;
    }
    return { table: exportTable(systems), fileName: exportFileName(this.ctx.clock.now(), format) };
  }
}

function toRow(id: string, orgId: string, s: SystemInput, now: string): Insertable<SystemsTable> & { id: string } {
  return {
    id,
    org_id: orgId,
    name: s.name,
    name_key: s.name.toLowerCase(),
    description: s.description,
    owner_id: s.ownerId,
    department_id: s.departmentId,
    sector: s.sector,
    kind: s.kind,
    personal_data: JSON.stringify([...new Set(s.personalData)]),
    hosting: s.hosting,
    supplier: s.supplier,
    lifecycle: s.lifecycle,
    tags: JSON.stringify([...new Set(s.tags)]),
    custom_fields: JSON.stringify(s.customFields),
    created_at: now,
    updated_at: now,
  };
}
