import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { CUSTOM_PREFIX, HEADERS, IMPORT_FIELDS, type ImportFormat, READ_ONLY_FIELDS, XLSX_MIME } from './system-import.js';

/**
 * The register as a spreadsheet (CSV or XLSX) with the import's own columns, so an export
 * re-imports cleanly. Cells that a spreadsheet would run as a formula are neutralised.
 */

export interface ExportSystem {
  name: string;
  description: string;
  ownerEmail: string | null;
  departmentName: string | null;
  sector: string;
  kind: string;
  personalData: string[];
  hosting: string;
  supplier: string | null;
  lifecycle: string;
  tags: string[];
  customFields: Record<string, string>;
  notation: string | null;
  securityLevel: string | null;
}

export interface ExportTable {
  header: string[];
  rows: string[][];
}

/**
 * CSV/formula injection: a cell starting with = + - @ (or a tab or carriage return) is run as a
 * formula by spreadsheet programs. A leading apostrophe makes it text; the import removes it.
 */
export const neutralise = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export function exportTable(systems: ExportSystem[]): ExportTable {
  const custom = [...new Set(systems.flatMap((s) => Object.keys(s.customFields)))].sort((a, b) => a.localeCompare(b, 'en'));
  const header = [
    ...IMPORT_FIELDS.map((f) => HEADERS[f]),
    ...custom.map((c) => `${CUSTOM_PREFIX}${c}`),
    ...READ_ONLY_FIELDS.map((f) => HEADERS[f]),
  ];
  const rows = systems.map((s) => {
    const cells: string[] = [
      s.name,
      s.description,
      s.ownerEmail ?? '',
      s.departmentName ?? '',
      s.sector,
      s.kind,
      s.personalData.join(', '),
      s.hosting,
      s.supplier ?? '',
      s.lifecycle,
      s.tags.join(', '),
      ...custom.map((c) => s.customFields[c] ?? ''),
      s.notation ?? '',
      s.securityLevel ?? '',
    ];
    return cells.map(neutralise);
  });
  return { header, rows };
}

export const EXPORT_MIME: Record<ImportFormat, string> = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_MIME };

export const exportFileName = (now: Date, format: ImportFormat) => `systems-${now.toISOString().slice(0, 10)}.${format}`;

/** UTF-8 with a byte-order mark, so that Excel opens it with the right characters. */
export function csvStream(table: ExportTable): Readable {
  return Readable.from([table.header, ...table.rows]).pipe(stringify({ bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ }));
}

export function xlsxStream(table: ExportTable): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Systems', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.header.map((h, i) => ({ header: h, key: String(i), width: i === 1 ? 60 : Math.min(40, Math.max(12, h.length + 2)) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const row of table.rows) ws.addRow(row).commit();
  ws.commit();
  wb.commit().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}
