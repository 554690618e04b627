import { inflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors.js';
import { BUILT_IN_SECTORS, HOSTING, LIFECYCLE, PERSONAL_DATA, SYSTEM_KINDS } from './register.vocabulary.js';
import { ZSystemBody } from './system.schema.js';
import type { SystemInput } from './system.service.js';

/**
 * Spreadsheet import of the register, without I/O: reading a CSV or XLSX file into a table,
 * mapping its columns by header, and checking every row and cell by the register's own rules
 * (the zod schema of a system, its vocabularies, owners, departments, sectors and the
 * one-name-per-department rule). The service supplies the organisation's look-ups.
 */

export type ImportFormat = 'csv' | 'xlsx';
export const IMPORT_MAX_ROWS = 10_000;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The fields a column can give, in the order the export writes them. */
export const IMPORT_FIELDS = [
  'name',
  'description',
  'owner',
  'department',
  'sector',
  'kind',
  'personalData',
  'hosting',
  'supplier',
  'lifecycle',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Columns the export writes for reading only; recognised and skipped on import. */
export const READ_ONLY_FIELDS = ['classification', 'securityLevel'] as const;
type ReadOnlyField = (typeof READ_ONLY_FIELDS)[number];

const REQUIRED: readonly ImportField[] = ['name', 'sector', 'kind', 'hosting'];

/** The export's headers; the import accepts these and the synonyms below, case-insensitively. */
export const HEADERS: Record<ImportField | ReadOnlyField, string> = {
  name: 'Name',
  description: 'Description',
  owner: 'Owner e-mail',
  department: 'Department',
  sector: 'Sector',
  kind: 'Kind',
  personalData: 'Personal data',
  hosting: 'Hosting',
  supplier: 'Supplier',
  lifecycle: 'Lifecycle',
  tags: 'Tags',
  classification: 'Classification',
  securityLevel: 'Security level',
};
export const CUSTOM_PREFIX = 'custom:';

const SYNONYMS: Record<ImportField | ReadOnlyField, string[]> = {
  name: ['name', 'systemname', 'system', 'title'],
  description: ['description', 'desc', 'purpose', 'summary'],
  owner: ['owner', 'owneremail', 'ownermail', 'systemowner', 'systemowneremail'],
  department: ['department', 'departmentname', 'dept', 'unit', 'organisationalunit', 'organizationalunit'],
  sector: ['sector', 'sectorkey', 'sectorname'],
  kind: ['kind', 'type', 'systemkind', 'systemtype'],
  personalData: ['personaldata', 'personaldatacategories', 'gdpr'],
  hosting: ['hosting', 'hosted', 'hostingmodel'],
  supplier: ['supplier', 'vendor', 'provider'],
  lifecycle: ['lifecycle', 'lifecyclestage', 'lifecyclestatus', 'status', 'stage'],
  tags: ['tags', 'tag', 'labels', 'keywords'],
  classification: ['classification', 'notation', 'protectionneed'],
  securityLevel: ['securitylevel', 'level'],
};
const BY_SYNONYM = new Map(Object.entries(SYNONYMS).flatMap(([field, names]) => names.map((n) => [n, field])));
const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

// --- reading a file into a table -------------------------------------------------------------

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

// --- columns -----------------------------------------------------------------------------------

export interface Column {
  index: number;
  header: string;
  /** A register field, `custom:<name>`, a read-only export column, or null when ignored. */
  field: string | null;
  status: 'mapped' | 'read-only' | 'ignored';
}

export function mapColumns(header: string[]): Column[] {
  const columns: Column[] = [];
  const seen = new Map<string, Column>();
  const problems: ErrorDetail[] = [];
  header.forEach((h, index) => {
    let field: string | null = null;
    let status: Column['status'] = 'ignored';
    const custom = /^custom\s*:\s*(.*)$/i.exec(h);
    if (custom) {
      const name = (custom[1] ?? '').trim();
      if (name.length < 1 || name.length > 60) {
        problems.push({ path: `column ${index + 1}`, message: `"${h}": a custom field name has 1 to 60 characters` });
      } else {
        field = `${CUSTOM_PREFIX}${name}`;
        status = 'mapped';
      }
    } else if (h !== '') {
      const known = BY_SYNONYM.get(normaliseHeader(h));
      if (known) {
        field = known;
        status = (READ_ONLY_FIELDS as readonly string[]).includes(known) ? 'read-only' : 'mapped';
      }
    }
    const column = { index, header: h, field, status };
    if (field && status === 'mapped') {
      const key = field.toLowerCase();
      const first = seen.get(key);
      if (first) {
        problems.push({
          path: `column ${index + 1}`,
          message: `"${h}" gives the same field as column ${first.index + 1} ("${first.header}")`,
        });
      } else seen.set(key, column);
    }
    columns.push(column);
  });
  const missing = REQUIRED.filter((f) => !seen.has(f.toLowerCase()));
  for (const f of missing) problems.push({ path: `column ${HEADERS[f]}`, message: 'missing: this column is required' });
  if (problems.length > 0) {
    const names = missing.map((f) => HEADERS[f]).join(', ');
    throw bad(
      missing.length > 0
        ? `The file has no column for: ${names}. The first row must name the columns (e.g. ${REQUIRED.map((f) => HEADERS[f]).join(', ')}).`
        : 'Some columns of the file cannot be used.',
      problems,
    );
  }
  return columns;
}

// --- checking rows -----------------------------------------------------------------------------

/** What the organisation has, looked up once per file. */
export interface Lookups {
  users: { id: string; email: string }[];
  departments: { id: string; name: string }[];
  sectors: { key: string; name: string }[];
  /** `departmentKey(id) + name_key` of every existing system. */
  existing: Set<string>;
}

export interface ImportActor {
  userId: string;
  /** systems:manage-all: any owner; else only systems the caller owns. */
  manageAll: boolean;
}

export interface RowError {
  column: string;
  message: string;
}

export interface CheckedRow {
  row: number;
  values: Record<string, string>;
  errors: RowError[];
  input: SystemInput | null;
  duplicate: boolean;
}

export const nameKey = (departmentId: string | null, name: string) => `${departmentId ?? ''}\u0000${name.toLowerCase()}`;

/** Undoes the export's protection: `'=…`, `'+…`, `'-…`, `'@…` are read without the apostrophe. */
export const unneutralise = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

const vocabKey = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s_/]+/g, '-');
const splitList = (v: string) =>
  v
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** The first problem zod finds, worded for a person looking at a cell. */
function zodProblem(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const issue = r.error.issues[0];
  if (!issue) return 'invalid';
  if (issue.code === 'too_big' && issue.origin === 'string') return `too long: at most ${issue.maximum} characters`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'required';
  if (issue.code === 'too_big' && issue.origin === 'array') return `too many: at most ${issue.maximum}`;
  return issue.message;
}

const oneOf = (values: readonly string[]) => `one of ${values.join(', ')}`;

export function checkRows(table: Table, columns: Column[], lookups: Lookups, actor: ImportActor): CheckedRow[] {
  const shape = ZSystemBody.shape;
  const usersByEmail = new Map(lookups.users.map((u) => [u.email.toLowerCase(), u.id]));
  const departmentsByName = new Map<string, string[]>();
  for (const d of lookups.departments) {
    const k = d.name.trim().toLowerCase();
    departmentsByName.set(k, [...(departmentsByName.get(k) ?? []), d.id]);
  }
  const departmentIds = new Set(lookups.departments.map((d) => d.id));
  const sectors = [...Object.entries(BUILT_IN_SECTORS).map(([key, name]) => ({ key, name })), ...lookups.sectors];
  const sectorByKey = new Map(sectors.map((s) => [s.key, s.key]));
  const sectorByName = new Map(sectors.map((s) => [s.name.trim().toLowerCase(), s.key]));
  const inFile = new Map<string, number>();
  const mapped = columns.filter((c) => c.status === 'mapped' && c.field) as (Column & { field: string })[];
  const width = columns.length;

  return table.rows.map(({ row, cells }) => {
    const values: Record<string, string> = {};
    for (const c of mapped) values[c.field] = unneutralise(cells[c.index] ?? '');
    const errors: RowError[] = [];
    const fail = (column: string, message: string) => errors.push({ column, message });
    const extra = cells.slice(width).filter((c) => c.trim() !== '').length;
    if (extra > 0) fail('', `${extra} cell(s) to the right of the last column`);
    const text = (f: ImportField) => values[f] ?? '';

    const name = text('name').trim();
    const nameProblem = zodProblem(shape.name, name);
    if (nameProblem) fail('name', nameProblem);

    const description = text('description');
    const descriptionProblem = zodProblem(shape.description, description);
    if (descriptionProblem) fail('description', descriptionProblem);

    let ownerId: string | null = actor.manageAll ? null : actor.userId;
    const ownerEmail = text('owner').trim().toLowerCase();
    if (ownerEmail) {
      const id = usersByEmail.get(ownerEmail);
      if (!id) fail('owner', `no user with the e-mail "${ownerEmail}" in this organisation`);
      else if (!actor.manageAll && id !== actor.userId) fail('owner', 'you can only import systems that you own');
      else ownerId = id;
    }

    let departmentId: string | null = null;
    let departmentOk = true;
    const department = text('department').trim();
    if (department) {
      const ids = departmentIds.has(department) ? [department] : (departmentsByName.get(department.toLowerCase()) ?? []);
      departmentOk = ids.length === 1;
      if (ids.length === 0) fail('department', `no department named "${department}"`);
      else if (ids.length > 1) fail('department', `several departments are named "${department}"`);
      else departmentId = ids[0] ?? null;
    }

    const sectorText = text('sector').trim();
    const sector = sectorByKey.get(sectorText.toLowerCase()) ?? sectorByName.get(sectorText.toLowerCase()) ?? '';
    if (!sectorText) fail('sector', 'required');
    else if (!sector) fail('sector', `unknown sector "${sectorText}"; add it to the organisation's sectors first`);

    const vocab = (field: ImportField, allowed: readonly string[], fallback: string | null): string => {
      const raw = text(field);
      if (raw.trim() === '') {
        if (fallback === null) fail(field, 'required');
        return fallback ?? '';
      }
      const key = vocabKey(raw);
      if (!allowed.includes(key)) fail(field, `"${raw.trim()}" is not ${oneOf(allowed)}`);
      return key;
    };
    const kind = vocab('kind', SYSTEM_KINDS, null);
    const hosting = vocab('hosting', HOSTING, null);
    const lifecycle = vocab('lifecycle', LIFECYCLE, 'production');

    const personalData = [...new Set(splitList(text('personalData')).map(vocabKey))];
    const unknownData = personalData.filter((p) => !(PERSONAL_DATA as readonly string[]).includes(p));
    if (unknownData.length > 0) fail('personalData', `"${unknownData.join(', ')}": each must be ${oneOf(PERSONAL_DATA)}`);
    if (personalData.length === 0) personalData.push('none');

    const supplier = text('supplier').trim();
    const supplierProblem = supplier ? zodProblem(shape.supplier, supplier) : null;
    if (supplierProblem) fail('supplier', supplierProblem);

    const tags = [...new Set(splitList(text('tags')))];
    const tagsProblem = zodProblem(shape.tags, tags);
    if (tagsProblem) fail('tags', tagsProblem.replace('too long', 'a tag is too long'));

    const customFields: Record<string, string> = {};
    for (const c of mapped) {
      if (!c.field.startsWith(CUSTOM_PREFIX)) continue;
      const value = values[c.field] ?? '';
      if (value === '') continue;
      if (value.length > 1000) fail(c.field, 'too long: at most 1000 characters');
      customFields[c.field.slice(CUSTOM_PREFIX.length)] = value;
    }

    let duplicate = false;
    if (!nameProblem && departmentOk) {
      const key = nameKey(departmentId, name);
      const where = departmentId ? 'this department' : 'the register (no department)';
      const first = inFile.get(key);
      if (lookups.existing.has(key)) {
        duplicate = true;
        fail('name', `${where} already has a system named "${name}"`);
      } else if (first !== undefined) {
        duplicate = true;
        fail('name', `same name as row ${first} in ${where}`);
      } else inFile.set(key, row);
    }

    const input: SystemInput | null =
      errors.length > 0
        ? null
        : {
            name,
            description: description.trim(),
            ownerId,
            departmentId,
            sector,
            kind,
            personalData,
            hosting,
            supplier: supplier || null,
            lifecycle,
            tags,
            customFields,
          };
    return { row, values, errors, input, duplicate };
  });
}

export interface ImportPreview {
  columns: { header: string; field: string | null; status: Column['status'] }[];
  rows: { row: number; values: Record<string, string>; errors: RowError[] }[];
  summary: { total: number; valid: number; invalid: number; duplicates: number };
}

export function previewOf(columns: Column[], checked: CheckedRow[]): ImportPreview {
  const invalid = checked.filter((r) => r.errors.length > 0).length;
  return {
    columns: columns.map(({ header, field, status }) => ({ header, field, status })),
    rows: checked.map(({ row, values, errors }) => ({ row, values, errors })),
    summary: {
      total: checked.length,
      valid: checked.length - invalid,
      invalid,
      duplicates: checked.filter((r) => r.duplicate).length,
    },
  };
}

/** Every cell problem as an error detail ("row 7 › owner"), at most `max` of them. */
export function problemDetails(checked: CheckedRow[], max = 500): ErrorDetail[] {
  const all = checked.flatMap((r) =>
    r.errors.map((e) => ({ path: e.column ? `row ${r.row} › ${e.column}` : `row ${r.row}`, message: e.message })),
  );
  if (all.length <= max) return all;
  return [...all.slice(0, max), { path: 'file', message: `and ${all.length - max} more problems; the preview shows them all` }];
}
