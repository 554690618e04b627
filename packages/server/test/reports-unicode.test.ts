import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { LOW } from './support/answers.js';
import { newMember, newOrganisation, type TestClient } from './support/client.js';
import { describeOnEachDatabase } from './support/harness.js';
import { readPdf } from './support/pdf.js';

/**
 * Names and free text in Latvian, Lithuanian, Polish, Czech, Hungarian, Ukrainian and Greek print
 * as written in the PDF reports (the report fonts cover Latin Extended, Cyrillic and Greek), read
 * back with poppler as a person's viewer would.
 */

const ORG = 'Šiaulių miesto savivaldybė';
const DEPARTMENT = 'Департамент цифрових послуг';
const SYSTEM = 'Šiaulių registras — Київ портал Ελλάδα ąčęėįšųūž łő';
const OWNER = 'Jūratė Žukauskienė-Коваленко';
const DESCRIPTION = 'Реєстр мешканців міста. Δεδομένα πολιτών. Zażółć gęślą jaźń; příliš žluťoučký kůň; āēīū; árvíztűrő.';
const SUPPLIER = 'UAB „Informacinės technologijos“';

/** Set REPORTS_KEEP_DIR to keep the generated files for a look. */
const KEEP = process.env.REPORTS_KEEP_DIR;
function keep(name: string, bytes: Buffer) {
  if (!KEEP) return;
  mkdirSync(KEEP, { recursive: true });
  writeFileSync(join(KEEP, name), bytes);
}

/** Text of a PDF with runs of spaces collapsed (pdftotext -layout pads columns). */
const flat = (text: string) => text.replace(/[ \t]+/g, ' ');

async function post<T = { id: string }>(c: TestClient, url: string, body: unknown, status = 201): Promise<T> {
  const res = await c.post(url, body);
  if (res.statusCode !== status) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describeOnEachDatabase('reports in Latin Extended, Cyrillic and Greek', (get) => {
  let admin: TestClient;
  let systemId: string;

  beforeAll(async () => {
    const h = get();
    ({ admin } = await newOrganisation(h, ORG));
    const owner = await newMember(h, admin, 'system_owner');
    const renamed = await admin.patch(`/api/v1/users/${owner.id}`, { name: OWNER });
    if (renamed.statusCode !== 200) throw new Error(renamed.body);
    const department = await post(admin, '/api/v1/departments', { name: DEPARTMENT });
    systemId = (
      await post(admin, '/api/v1/systems', {
        name: SYSTEM,
        kind: 'application',
        departmentId: department.id,
        sector: 'public-administration',
        hosting: 'on-premises',
        description: DESCRIPTION,
        supplier: SUPPLIER,
        ownerId: owner.id,
      })
    ).id;
    await post(admin, `/api/v1/systems/${systemId}/classification`, { answers: LOW });
  });

  /** Asks for a report, runs the queued job and downloads the file. */
  async function generate(body: Record<string, unknown>): Promise<Buffer> {
    const h = get();
    const res = await admin.post('/api/v1/reports', body);
    expect(res.statusCode, res.body).toBe(202);
    const id = (res.json() as { id: string }).id;
    let status = { status: 'queued' } as { status: string };
    for (let i = 0; status.status !== 'done' && status.status !== 'failed' && i < 50; i++) {
      await h.runtime.runner.drain();
      status = (await admin.get(`/api/v1/reports/${id}`)).json();
      if (status.status !== 'done') await new Promise((r) => setTimeout(r, 50));
    }
    expect(status, JSON.stringify(status)).toMatchObject({ status: 'done', error: null });
    const file = await admin.get(`/api/v1/reports/${id}/file`);
    expect(file.statusCode).toBe(200);
    return file.rawPayload;
  }

  it('prints the city, department and system names as written in the council report', async () => {
    const bytes = await generate({ kind: 'council', format: 'pdf' });
    keep(`council-unicode-${get().kind}.pdf`, bytes);
    const f = flat(readPdf(bytes).text);
    expect(f).toContain(ORG);
    expect(f).toContain(DEPARTMENT);
    // The system's name wraps in its narrow table column: each of its words is there as written.
    for (const word of SYSTEM.split(' ')) expect(f).toContain(word);
  });

  it('prints the name, owner, supplier and description as written in the system security plan', async () => {
    const bytes = await generate({ kind: 'system', format: 'pdf', subjectId: systemId });
    keep(`system-unicode-${get().kind}.pdf`, bytes);
    const f = flat(readPdf(bytes).text);
    for (const s of [ORG, SYSTEM, DEPARTMENT, OWNER, SUPPLIER, DESCRIPTION]) expect(f).toContain(s);
  });
});
