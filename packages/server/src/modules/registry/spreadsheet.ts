import { inflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../../errors.js';

/**
 * Reading an uploaded CSV or XLSX file into a table of text cells, refusing what cannot be a
 * register safely: old .xls files, non-UTF-8 text, damaged or zip-bomb workbooks, too many rows.
 */

export type ImportFormat = 'csv' | 'xlsx';
export const IMPORT_MAX_ROWS = 10_000;

export interface Table {
  header: string[];
  /** Data rows with their number as a spreadsheet shows it (the header is usually row 1). */
  rows: { row: number; cells: string[] }[];
}

const bad = (message: string, details: ErrorDetail[] = []) => new AppError('VALIDATION', message, details);
const tooManyRows = (max: number) =>
  bad(`The file has more than ${max.toLocaleString('en')} rows. Split it into several files.`, [
    { path: 'file', message: `more than ${max} rows` },
  ]);

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Reads the first non-blank row as the header and the rest as data; refuses empty or header-only files. */
function toTable(records: { row: number; cells: string[] }[], maxRows: number): Table {
  const filled = records.filter((r) => !isBlank(r.cells));
  const [head, ...rows] = filled;
  if (!head) throw bad('The file is empty.', [{ path: 'file', message: 'no rows' }]);
  if (rows.length === 0) throw bad('The file has a header row but no systems.', [{ path: 'file', message: 'no data rows' }]);
  if (rows.length > maxRows) throw tooManyRows(maxRows);
  return { header: head.cells.map((h) => h.trim()), rows };
}

export async function readFile(
  file: Buffer,
  format: ImportFormat,
  opts: { maxRows?: number; maxUnpackedBytes?: number } = {},
): Promise<Table> {
  const maxRows = opts.maxRows ?? IMPORT_MAX_ROWS;
  if (file.length === 0) throw bad('The file is empty.', [{ path: 'file', message: 'no content' }]);
  const zip = file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const ole = file.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  if (ole) throw bad('Old Excel files (.xls) cannot be read. Save the sheet as .xlsx or CSV (UTF-8) and try again.');
  if (format === 'csv') {
    if (zip) throw bad('This is not a CSV file but a ZIP archive (perhaps an XLSX workbook). Upload it as XLSX.');
    return readCsv(file, maxRows);
  }
  if (!zip) throw bad('This is not an XLSX workbook (it is not a ZIP archive). Upload a CSV file as CSV.');
  return readXlsx(file, maxRows, opts.maxUnpackedBytes ?? 128 * 1024 * 1024);
}

function decodeText(file: Buffer): string {
  const encoding = file[0] === 0xff && file[1] === 0xfe ? 'utf-16le' : file[0] === 0xfe && file[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(file);
  } catch {
    throw bad('The CSV file is not UTF-8 text. In the spreadsheet choose "Save as" → "CSV UTF-8" and try again.');
  }
}

/** The separator the header line uses most: comma, semicolon (Excel in many European locales) or tab. */
function detectDelimiter(firstLine: string): string {
  let best = ',';
  let bestCount = 0;
  for (const d of [',', ';', '\t']) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function readCsv(file: Buffer, maxRows: number): Table {
  let text = decodeText(file).replace(/^\uFEFF/, '');
  let offset = 0;
  // Excel's "sep=;" first line names the separator.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  let delimiter: string;
  if (sep?.[1]) {
    delimiter = sep[1];
    text = text.slice(sep[0].length);
    offset = 1;
  } else {
    delimiter = detectDelimiter(text.slice(0, text.search(/\r?\n|$/)));
  }
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      // A quote inside an unquoted cell (=HYPERLINK("…") typed by hand) is kept as it is.
      relax_quotes: true,
      skip_empty_lines: false,
      // Stop early on a huge file: header + rows + some slack for blank lines.
      to: maxRows + 1 + 1000,
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (e) {
    const err = e as { code?: string; message?: string };
    throw bad(`The CSV file could not be read: ${err.message ?? 'malformed'}`, [{ path: 'file', message: err.code ?? 'malformed CSV' }]);
  }
  if (records.length >= maxRows + 1 + 1000) throw tooManyRows(maxRows);
  return toTable(
    records.map((cells, i) => ({ row: i + 1 + offset, cells })),
    maxRows,
  );
}

/**
 * Guards against ZIP bombs before a workbook is unpacked in memory: the entries' declared sizes
 * must stay under the limit, and each entry is inflated with that declared size as a hard cap,
 * so an archive that lies about its sizes is caught too.
 */
export function checkZip(file: Buffer, maxUncompressedBytes: number): void {
  const corrupt = () => bad('The XLSX file is damaged or incomplete (its ZIP structure cannot be read).');
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 65535); i--) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  const entries = file.readUInt16LE(eocd + 10);
  let p = file.readUInt32LE(eocd + 16);
  if (entries > 10_000) throw bad('The XLSX file has too many parts.');
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > file.length || file.readUInt32LE(p) !== 0x02014b50) throw corrupt();
    const method = file.readUInt16LE(p + 10);
    const compressed = file.readUInt32LE(p + 20);
    const size = file.readUInt32LE(p + 24);
    const nameLength = file.readUInt16LE(p + 28);
    const local = file.readUInt32LE(p + 42);
    p += 46 + nameLength + file.readUInt16LE(p + 30) + file.readUInt16LE(p + 32);
    total += size;
    if (total > maxUncompressedBytes) throw bad('The XLSX file unpacks to more data than an import may hold.');
    if (local + 30 > file.length || file.readUInt32LE(local) !== 0x04034b50) throw corrupt();
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    if (start + compressed > file.length) throw corrupt();
    if (method !== 8 || size === 0) continue;
    try {
      inflateRawSync(file.subarray(start, start + compressed), { maxOutputLength: size });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bad('The XLSX file unpacks to more data than it declares.');
      throw corrupt();
    }
  }
}

/** A cell as the text a person sees; formulas give their last computed result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return String(value.error);
  if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue);
  if ('formula' in value && value.formula) return `=${value.formula}`;
  if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
  return '';
}

async function readXlsx(file: Buffer, maxRows: number, maxUncompressedBytes: number): Promise<Table> {
  checkZip(file, maxUncompressedBytes);
  const wb = new ExcelJS.Workbook();
  try {
    // maxRows/maxCols are read by exceljs but missing from its types.
    const options = { ignoreNodes: ['dataValidations', 'conditionalFormatting'], maxRows: maxRows + 1000, maxCols: 500 };
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer, options as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    const message = (e as Error).message ?? '';
    if (/Max row count/i.test(message)) throw tooManyRows(maxRows);
    if (/Max column count/i.test(message)) throw bad('The sheet has more than 500 columns.');
    throw bad('The XLSX file could not be read. Open it in a spreadsheet program, save it again as .xlsx and retry.', [
      { path: 'file', message: message.slice(0, 200) || 'unreadable workbook' },
    ]);
  }
  const sheet = wb.worksheets.find((w) => /^(systems|register)$/i.test(w.name.trim())) ?? wb.worksheets[0];
  if (!sheet) throw bad('The XLSX file could not be read: it has no worksheet.');
  const records: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    records.push({ row: rowNumber, cells });
  });
  return toTable(records, maxRows);
}
