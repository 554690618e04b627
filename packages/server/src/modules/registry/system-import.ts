import type { z } from 'zod';
import { AppError, type ErrorDetail } from '../../errors.js';
import { BUILT_IN_SECTORS, HOSTING, LIFECYCLE, PERSONAL_DATA, SYSTEM_KINDS } from './register.vocabulary.js';
import type { Table } from './spreadsheet.js';
import { ZSystemBody } from './system.schema.js';
import type { SystemInput } from './system.service.js';

const bad = (message: string, details: ErrorDetail[] = []) => new AppError('VALIDATION', message, details);

export { cellText, checkZip, IMPORT_MAX_ROWS, type ImportFormat, readFile, type Table } from './spreadsheet.js';

/**
 * Spreadsheet import of the register, without I/O (the file itself is read by spreadsheet.ts):
 * mapping its columns by header, and checking every row and cell by the register's own rules
 * (the zod schema of a system, its vocabularies, owners, departments, sectors and the
 * one-name-per-department rule). The service supplies the organisation's look-ups.
 */

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
