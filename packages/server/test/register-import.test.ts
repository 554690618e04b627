import { deflateRawSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 1024 * 1024;
const HEADER = [
  'Name',
  'Description',
  'Owner e-mail',
  'Department',
  'Sector',
  'Kind',
  'Personal data',
  'Hosting',
  'Supplier',
  'Lifecycle',
  'Tags',
];

interface Cell {
  column: string;
  message: string;
}
interface PreviewRow {
  row: number;
  values: Record<string, string>;
  errors: Cell[];
}
interface Listed {
  id: string;
  name: string;
  description: string;
  ownerId: string | null;
  departmentId: string | null;
  sector: string;
  kind: string;
  personalData: string[];
  hosting: string;
  supplier: string | null;
  lifecycle: string;
  tags: string[];
  customFields: Record<string, string>;
}

const csv = (rows: string[][]) => stringify(rows);

function send(client: TestClient, path: string, body: Buffer | string, type = 'text/csv') {
  return client.request('POST', `/api/v1/systems/import${path}`, typeof body === 'string' ? Buffer.from(body, 'utf8') : body, {
    'content-type': type,
  });
}

async function xlsx(rows: (string | number | ExcelJS.CellValue)[][], sheetName = 'Systems'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function all(client: TestClient, query = ''): Promise<Listed[]> {
  const res = await client.get(`/api/v1/systems?pageSize=200${query}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().items;
}
const count = async (client: TestClient) => (await client.get('/api/v1/systems?pageSize=1')).json().total as number;
const auditOf = async (client: TestClient) => (await client.get('/api/v1/audit?action=system.import')).json().items;

/** A ZIP with one entry whose central directory declares `declared` bytes for `content`. */
function zipWith(name: string, content: Buffer, declared: number): Buffer {
  const data = deflateRawSync(content);
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(file.length, 28);
  central.writeUInt32LE(0, 42);
  const cdOffset = local.length + file.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + file.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, file, data, central, file, end]);
}

describeOnEachDatabase(
  'register import and export (CSV, XLSX)',
  (get) => {
    it('imports a CSV file in one transaction with one audit entry, mapping headers, synonyms and names', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const owner = await newMember(h, admin, 'system_owner');
      const dept = (await admin.post('/api/v1/departments', { name: 'Transport' })).json();
      const body = csv([
        [...HEADER, 'custom:Contract', 'Classification', 'Something else'],
        [
          'Traffic lights',
          'Controls the lights, "all" of them',
          owner.email.toUpperCase(),
          'transport',
          'transport',
          'OT/IoT',
          '',
          'on premises',
          'Signalbau AG',
          'retiring',
          'critical; ot, critical',
          'C-17',
          'S2',
          'x',
        ],
        ['Parking permits', '', '', '', 'Public administration', 'website', 'personal; children', 'cloud', '', '', '', '', '', ''],
        ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
        ['Bus timetable', 'Line 1\nLine 2', '', 'Transport', 'TRANSPORT', 'Website', 'none', 'supplier', '', 'Production', '', '', '', ''],
      ]);
      const preview = await send(admin, '/preview', body);
      expect(preview.statusCode, preview.body).toBe(200);
      const p = preview.json();
      expect(p.summary).toEqual({ total: 3, valid: 3, invalid: 0, duplicates: 0 });
      expect(p.rows.map((r: PreviewRow) => r.row)).toEqual([2, 3, 5]);
      expect(p.columns.slice(-3)).toEqual([
        { header: 'custom:Contract', field: 'custom:Contract', status: 'mapped' },
        { header: 'Classification', field: 'classification', status: 'read-only' },
        { header: 'Something else', field: null, status: 'ignored' },
      ]);
      expect(p.rows[0].values).toMatchObject({ name: 'Traffic lights', department: 'transport', 'custom:Contract': 'C-17' });
      expect(await count(admin)).toBe(0);

      const res = await send(admin, '?fileName=register.csv', body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().created).toBe(3);
      expect(res.json().ids).toHaveLength(3);
      const systems = await all(admin);
      expect(systems.map((s) => s.name)).toEqual(['Bus timetable', 'Parking permits', 'Traffic lights']);
      const [bus, parking, lights] = systems as [Listed, Listed, Listed];
      expect(lights).toMatchObject({
        description: 'Controls the lights, "all" of them',
        ownerId: owner.id,
        departmentId: dept.id,
        sector: 'transport',
        kind: 'ot-iot',
        personalData: ['none'],
        hosting: 'on-premises',
        supplier: 'Signalbau AG',
        lifecycle: 'retiring',
        tags: ['critical', 'ot'],
        customFields: { Contract: 'C-17' },
      });
      expect(parking).toMatchObject({
        ownerId: null,
        sector: 'public-administration',
        personalData: ['personal', 'children'],
        lifecycle: 'production',
      });
      expect(bus).toMatchObject({ description: 'Line 1\nLine 2', departmentId: dept.id, hosting: 'supplier' });
      const audit = await auditOf(admin);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ entityType: 'system', after: { count: 3, format: 'csv', fileName: 'register.csv' } });
      expect((await admin.get('/api/v1/audit?action=system.create')).json().total).toBe(0);
      expect((await admin.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true });
    });

    it('reads Excel-style CSV: semicolons, a byte-order mark, CRLF and header synonyms', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const body =
        '\uFEFFSystem name;TYPE;sector;Hosting model;Vendor;Status\r\nSchool meals;application;education;cloud;"Food, Inc.";planned\r\n';
      const res = await send(admin, '', body, 'application/octet-stream');
      expect(res.statusCode).toBe(415);
      const ok = await admin.request('POST', '/api/v1/systems/import?format=csv', Buffer.from(body), {
        'content-type': 'application/octet-stream',
      });
      expect(ok.statusCode, ok.body).toBe(201);
      expect((await all(admin))[0]).toMatchObject({
        name: 'School meals',
        supplier: 'Food, Inc.',
        lifecycle: 'planned',
        sector: 'education',
      });
    });

    it('imports an XLSX workbook (numbers, rich text and formulas read as a person sees them)', async () => {
      const h = get();
      const { admin, email } = await newOrganisation(h);
      const book = await xlsx([
        ['name', 'kind', 'sector', 'hosting', 'owner', 'custom:Budget', 'custom:Seats'],
        ['Grid control', 'ot-iot', 'energy', 'on-premises', email, 125000, { formula: '2*21', result: 42 }],
        [{ richText: [{ text: 'Smart ' }, { text: 'meters', font: { bold: true } }] }, 'ot-iot', 'Energy', 'cloud', '', '', ''],
      ]);
      const preview = await send(admin, '/preview', book, XLSX);
      expect(preview.statusCode, preview.body).toBe(200);
      expect(preview.json().summary).toMatchObject({ total: 2, valid: 2 });
      const res = await admin.request('POST', '/api/v1/systems/import?format=xlsx&fileName=systems.xlsx', book, {
        'content-type': 'application/octet-stream',
      });
      expect(res.statusCode, res.body).toBe(201);
      const systems = await all(admin);
      expect(systems.map((s) => s.name)).toEqual(['Grid control', 'Smart meters']);
      expect(systems[0]?.customFields).toEqual({ Budget: '125000', Seats: '42' });
      expect(systems[0]?.ownerId).not.toBeNull();
      expect((await auditOf(admin))[0].after).toEqual({ count: 2, format: 'xlsx', fileName: 'systems.xlsx' });
    });

    it('marks every bad row and cell in the preview, stores nothing, and refuses the whole file on import', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      await admin.post('/api/v1/departments', { name: 'Health' });
      const health = (await admin.post('/api/v1/departments', { name: 'Health' })).json(); // a second "Health"
      const finance = (await admin.post('/api/v1/departments', { name: 'Finance' })).json();
      expect(
        (
          await admin.post('/api/v1/systems', {
            name: 'Tax register',
            sector: 'finance',
            kind: 'database',
            hosting: 'cloud',
            departmentId: finance.id,
          })
        ).statusCode,
      ).toBe(201);
      const body = csv([
        ['Name', 'Owner', 'Department', 'Sector', 'Kind', 'Hosting', 'Personal data', 'Tags', 'Description'],
        ['Good one', '', '', 'finance', 'database', 'cloud', '', '', ''], // 2
        ['Space port', '', '', 'space-travel', 'spaceship', 'cloud', '', '', ''], // 3
        ['Ghost owned', 'nobody@example.org', 'Nowhere', 'finance', 'database', 'cloud', '', '', ''], // 4
        ['', '', '', 'finance', 'database', '', '', '', ''], // 5
        ['x'.repeat(201), '', '', 'finance', 'database', 'cloud', 'secret stuff', 't'.repeat(51), ''], // 6
        ['TAX REGISTER', '', 'Finance', 'finance', 'database', 'cloud', '', '', ''], // 7: exists already
        ['Tax register', '', '', 'finance', 'database', 'cloud', '', '', ''], // 8: other department (none): fine
        ['tax register', '', '', 'finance', 'database', 'cloud', '', '', ''], // 9: same as row 8
        ['Ambiguous', '', 'health', 'health', 'database', 'cloud', '', '', ''], // 10
        ['Bell\u0007name', '', '', 'finance', 'database', 'cloud', '', '', 'ok \u0007 \u001b[31m'], // 11
        ['Health app', '', health.id, 'health', 'application', 'cloud', '', '', '=HYPERLINK("http://evil.example","x")'], // 12
      ]);
      const res = await send(admin, '/preview', body);
      expect(res.statusCode, res.body).toBe(200);
      const { rows, summary } = res.json() as { rows: PreviewRow[]; summary: unknown };
      const errorsOf = (row: number) =>
        (rows.find((r) => r.row === row)?.errors ?? []).map((e) => `${e.column}: ${e.message}`).sort((a, b) => a.localeCompare(b));
      expect(errorsOf(2)).toEqual([]);
      expect(errorsOf(3)).toEqual([
        'kind: "spaceship" is not one of application, cloud-service, database, ot-iot, network, website, building',
        `sector: unknown sector "space-travel"; add it to the organisation's sectors first`,
      ]);
      expect(errorsOf(4)).toEqual([
        'department: no department named "Nowhere"',
        'owner: no user with the e-mail "nobody@example.org" in this organisation',
      ]);
      expect(errorsOf(5)).toEqual(['hosting: required', 'name: required']);
      expect(errorsOf(6)).toEqual([
        'name: too long: at most 200 characters',
        'personalData: "secret-stuff": each must be one of none, personal, special-categories, children',
        'tags: a tag is too long: at most 50 characters',
      ]);
      expect(errorsOf(7)).toEqual(['name: this department already has a system named "TAX REGISTER"']);
      expect(errorsOf(8)).toEqual([]);
      expect(errorsOf(9)).toEqual(['name: same name as row 8 in the register (no department)']);
      expect(errorsOf(10)).toEqual(['department: several departments are named "health"']);
      expect(errorsOf(11)).toEqual(['name: must not contain control characters']);
      expect(errorsOf(12)).toEqual([]);
      expect(summary).toEqual({ total: 11, valid: 3, invalid: 8, duplicates: 2 });
      expect(await count(admin)).toBe(1);

      const refused = await send(admin, '', body);
      expect(refused.statusCode).toBe(400);
      const error = refused.json().error;
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toContain('8 of 11 rows');
      expect(error.details).toContainEqual({ path: 'row 3 › kind', message: expect.stringContaining('"spaceship"') });
      expect(error.details).toContainEqual({ path: 'row 9 › name', message: 'same name as row 8 in the register (no department)' });
      expect(await count(admin)).toBe(1);
      expect(await auditOf(admin)).toHaveLength(0);

      // Only the good rows: hostile text is stored literally.
      const good = csv([
        ['Name', 'Department', 'Sector', 'Kind', 'Hosting', 'Description'],
        ['Health app', health.id, 'health', 'application', 'cloud', '=HYPERLINK("http://evil.example","x")'],
        ['Control chars', '', 'finance', 'database', 'cloud', 'ok \u0007 \u001b[31m'],
      ]);
      expect((await send(admin, '', good)).statusCode).toBe(201);
      const stored = await all(admin);
      expect(stored.find((s) => s.name === 'Health app')?.description).toBe('=HYPERLINK("http://evil.example","x")');
      expect(stored.find((s) => s.name === 'Control chars')?.description).toBe('ok \u0007 \u001b[31m');
    });

    it('refuses a file with one bad row whole: nothing stored', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const rows = [['name', 'sector', 'kind', 'hosting']];
      for (let i = 0; i < 1200; i++) rows.push([`System ${i}`, 'water', 'application', 'cloud']);
      rows[700] = ['System 699', 'water', 'mainframe', 'cloud'];
      const res = await send(admin, '', csv(rows));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details).toEqual([{ path: 'row 701 › kind', message: expect.stringContaining('"mainframe"') }]);
      expect(await count(admin)).toBe(0);
      rows[700] = ['System 699', 'water', 'application', 'cloud'];
      const ok = await send(admin, '', csv(rows));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().created).toBe(1200);
      expect(await count(admin)).toBe(1200);
    });

    it('refuses broken, empty, oversized and overlong files with a clear error, storing nothing', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const good = await xlsx([
        ['name', 'kind', 'sector', 'hosting'],
        ['A', 'website', 'water', 'cloud'],
      ]);
      const random = Buffer.alloc(4096);
      for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
      const cases: [string, Buffer | string, string, number, RegExp][] = [
        ['random bytes as xlsx', random, XLSX, 400, /not an XLSX workbook/],
        ['random bytes starting like a zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), random]), XLSX, 400, /damaged or incomplete/],
        ['truncated xlsx', good.subarray(0, Math.floor(good.length / 2)), XLSX, 400, /damaged or incomplete/],
        ['xlsx sent as csv', good, 'text/csv', 400, /ZIP archive/],
        ['zip without a workbook', zipWith('hello.txt', Buffer.from('hello'), 5), XLSX, 400, /could not be read/],
        ['zip bomb declared', zipWith('xl/worksheets/sheet1.xml', Buffer.from('<x/>'), 0xfffffff0), XLSX, 400, /unpacks to more data/],
        [
          'zip bomb lying',
          zipWith('xl/worksheets/sheet1.xml', Buffer.alloc(4 * 1024 * 1024), 100),
          XLSX,
          400,
          /more data than it declares/,
        ],
        [
          'unbalanced quotes',
          'name,sector,kind,hosting\n"Open,water,website,cloud\n',
          'text/csv',
          400,
          /CSV file could not be read: Quote Not Closed/,
        ],
        ['empty file', '', 'text/csv', 400, /empty/],
        ['blank lines only', '\n\n , ,\n', 'text/csv', 400, /empty/],
        ['header only', 'name,sector,kind,hosting\n', 'text/csv', 400, /header row but no systems/],
        ['missing columns', 'name,description\nA,B\n', 'text/csv', 400, /no column for: Sector, Kind, Hosting/],
        ['two name columns', 'name,title,sector,kind,hosting\nA,B,water,website,cloud\n', 'text/csv', 400, /cannot be used/],
        ['latin-1 text', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xe4, 0x0a]), 'text/csv', 400, /not UTF-8/],
        ['old .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), random]), XLSX, 400, /\.xls/],
        ['JSON', '{"name":"x"}', 'application/json', 415, /text\/csv/],
        ['too large', Buffer.alloc(MAX_BYTES + 1, 0x61), 'text/csv', 413, /larger than 1 MB/],
      ];
      for (const [label, body, type, status, message] of cases) {
        for (const path of ['/preview', '']) {
          const res = await send(admin, path, body, type);
          expect(res.statusCode, `${label} ${path}: ${res.body}`).toBe(status);
          expect(res.json().error.message, label).toMatch(message);
        }
      }
      const many = ['name,sector,kind,hosting', ...Array.from({ length: 10_001 }, (_, i) => `S${i},water,website,cloud`)].join('\n');
      const tooMany = await send(admin, '', many);
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.message).toMatch(/more than 10,000 rows/);
      const manyXlsx = await xlsx([
        ['name', 'sector', 'kind', 'hosting'],
        ...Array.from({ length: 10_001 }, (_, i) => [`S${i}`, 'water', 'website', 'cloud']),
      ]);
      const tooManyXlsx = await send(admin, '/preview', manyXlsx, XLSX);
      expect(tooManyXlsx.statusCode).toBe(400);
      expect(tooManyXlsx.json().error.message).toMatch(/more than 10,000 rows/);
      expect(await count(admin)).toBe(0);
      expect(await auditOf(admin)).toHaveLength(0);
    });

    it('imports the most rows a file may have in one go, and documents its routes', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const rows = [
        'name,sector,kind,hosting,tags,description',
        ...Array.from({ length: 10_000 }, (_, i) => `System ${i},water,website,cloud,"a, b",Row ${i}`),
      ];
      const started = Date.now();
      const res = await send(admin, '?fileName=big.csv', rows.join('\n'));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().created).toBe(10_000);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(await count(admin)).toBe(10_000);
      const exported = await admin.get('/api/v1/systems/export?format=xlsx');
      expect(exported.statusCode).toBe(200);
      const access = Object.fromEntries(
        h.built.routes
          .filter((r) => r.url.includes('/systems/import') || r.url.includes('/systems/export'))
          .map((r) => [`${r.method} ${r.url}`, r.access]),
      );
      expect(access).toEqual({
        'GET /api/v1/systems/export': 'systems:read',
        'POST /api/v1/systems/import/preview': 'systems:edit',
        'POST /api/v1/systems/import': 'systems:edit',
      });
      const paths = (await admin.get('/api/v1/openapi.json')).json().paths;
      expect(Object.keys(paths)).toEqual(
        expect.arrayContaining(['/api/v1/systems/import', '/api/v1/systems/import/preview', '/api/v1/systems/export']),
      );
    });

    it('lets system owners import only systems they own; officers may name any owner', async () => {
      const h = get();
      const { admin } = await newOrganisation(h);
      const owner = await newMember(h, admin, 'system_owner');
      const other = await newMember(h, admin, 'system_owner');
      const auditor = await newMember(h, admin, 'auditor');
      const head = ['name', 'owner', 'sector', 'kind', 'hosting'];
      const theirs = csv([
        head,
        ['Mine', '', 'water', 'website', 'cloud'],
        ['Also mine', owner.email, 'water', 'website', 'cloud'],
        ['Not mine', other.email, 'water', 'website', 'cloud'],
      ]);
      const refused = await send(owner.client, '', theirs);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([{ path: 'row 4 › owner', message: 'you can only import systems that you own' }]);
      const mine = csv([head, ['Mine', '', 'water', 'website', 'cloud'], ['Also mine', owner.email, 'water', 'website', 'cloud']]);
      expect((await send(owner.client, '', mine)).statusCode).toBe(201);
      const seen = await all(owner.client);
      expect(seen.map((s) => s.ownerId)).toEqual([owner.id, owner.id]);
      expect((await send(auditor.client, '/preview', mine)).statusCode).toBe(403);
      expect((await send(auditor.client, '', mine)).statusCode).toBe(403);
      const byAdmin = await send(
        admin,
        '',
        csv([head, ['Theirs', other.email, 'water', 'website', 'cloud'], ['Nobody', '', 'water', 'website', 'cloud']]),
      );
      expect(byAdmin.statusCode).toBe(201);
      const systems = await all(admin);
      expect(systems.find((s) => s.name === 'Theirs')?.ownerId).toBe(other.id);
      expect(systems.find((s) => s.name === 'Nobody')?.ownerId).toBeNull();
      // Owners export only what they see.
      const exported = parseCsv((await owner.client.get('/api/v1/systems/export?format=csv')).body, { bom: true }) as string[][];
      expect(exported.slice(1).map((r) => r[0])).toEqual(['Also mine', 'Mine']);
      expect((await owner.client.get('/api/v1/systems/export?format=xlsx')).statusCode).toBe(200);
    });

    it('exports CSV and XLSX with the list filters, neutralising formulas, and both re-import cleanly', async () => {
      const h = get();
      const { admin, email } = await newOrganisation(h);
      const dept = (await admin.post('/api/v1/departments', { name: 'Social services' })).json();
      const source = csv([
        [
          'Name',
          'Description',
          'Owner e-mail',
          'Department',
          'Sector',
          'Kind',
          'Personal data',
          'Hosting',
          'Supplier',
          'Lifecycle',
          'Tags',
          'custom:Contract',
          'custom:Note',
        ],
        [
          'Case files',
          '=HYPERLINK("http://evil.example","click")',
          email,
          'Social services',
          'social-services',
          'database',
          'personal, special-categories',
          'on-premises',
          '@supplier',
          'production',
          'gdpr, core',
          '-12',
          '',
        ],
        ['+Plus system', 'tab\there\nnew line', '', '', 'water', 'website', 'none', 'cloud', '', 'planned', '', '', 'note "quoted", comma'],
        [
          'Benefits portal',
          ' ',
          '',
          'Social services',
          'social-services',
          'website',
          'children',
          'supplier',
          'Portal Oy',
          'retired',
          'web',
          'K-1',
          '',
        ],
      ]);
      expect((await send(admin, '', source)).statusCode).toBe(201);
      const before = await all(admin);
      expect(before.find((s) => s.name === 'Case files')?.description).toBe('=HYPERLINK("http://evil.example","click")');

      const res = await admin.get('/api/v1/systems/export?format=csv');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="systems-\d{4}-\d{2}-\d{2}\.csv"$/);
      const table = parseCsv(res.body, { bom: true }) as string[][];
      expect(table[0]).toEqual([...HEADER, 'custom:Contract', 'custom:Note', 'Classification', 'Security level']);
      const caseFiles = table.find((r) => r[0] === 'Case files') ?? [];
      expect(caseFiles[1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
      expect(caseFiles[2]).toBe(email);
      expect(caseFiles[3]).toBe('Social services');
      expect(caseFiles[8]).toBe("'@supplier");
      expect(caseFiles[11]).toBe("'-12");
      expect(table.find((r) => r[0] === "'+Plus system")).toBeDefined();
      expect(table.every((r) => r.every((c) => !/^[=+\-@]/.test(c)))).toBe(true);

      const filtered = parseCsv((await admin.get(`/api/v1/systems/export?departmentId=${dept.id}&kind=website`)).body, {
        bom: true,
      }) as string[][];
      expect(filtered.slice(1).map((r) => r[0])).toEqual(['Benefits portal']);
      expect((await admin.get('/api/v1/systems/export?format=pdf')).statusCode).toBe(400);
      expect((await admin.get('/api/v1/systems/export?page=2')).statusCode).toBe(400);

      const xres = await admin.get('/api/v1/systems/export?format=xlsx');
      expect(xres.statusCode).toBe(200);
      expect(xres.headers['content-type']).toBe(XLSX);
      expect(xres.headers['content-disposition']).toMatch(/^attachment; filename="systems-\d{4}-\d{2}-\d{2}\.xlsx"$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xres.rawPayload as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      expect(ws?.getRow(1).getCell(1).value).toBe('Name');
      const names = [2, 3, 4].map((r) => ws?.getRow(r).getCell(1).value);
      expect(names).toEqual(["'+Plus system", 'Benefits portal', 'Case files']);
      expect(ws?.getRow(4).getCell(2).value).toBe(`'=HYPERLINK("http://evil.example","click")`);

      const comparable = (s: Listed) => {
        const { id: _id, ...rest } = s;
        return {
          name: rest.name,
          description: rest.description,
          ownerId: rest.ownerId,
          departmentId: rest.departmentId,
          sector: rest.sector,
          kind: rest.kind,
          personalData: rest.personalData,
          hosting: rest.hosting,
          supplier: rest.supplier,
          lifecycle: rest.lifecycle,
          tags: rest.tags,
          customFields: rest.customFields,
        };
      };
      const removeAll = async () => {
        for (const s of await all(admin)) expect((await admin.delete(`/api/v1/systems/${s.id}`)).statusCode).toBe(204);
      };
      for (const [type, file] of [
        ['text/csv', Buffer.from(res.body, 'utf8')],
        [XLSX, xres.rawPayload],
      ] as const) {
        await removeAll();
        const preview = await send(admin, '/preview', file, type);
        expect(preview.json().summary, type).toEqual({ total: 3, valid: 3, invalid: 0, duplicates: 0 });
        expect((await send(admin, '', file, type)).statusCode).toBe(201);
        expect((await all(admin)).map(comparable), type).toEqual(before.map(comparable));
      }
      // Exporting the same file again while it is stored: every row is a duplicate.
      const again = (await send(admin, '/preview', Buffer.from(res.body, 'utf8'))).json();
      expect(again.summary).toEqual({ total: 3, valid: 0, invalid: 3, duplicates: 3 });
    });
  },
  { env: { REGISTER_IMPORT_MAX_BYTES: String(MAX_BYTES) } },
);
