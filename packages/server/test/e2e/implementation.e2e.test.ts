import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './browser.js';
import { ADMIN_PASSWORD, type E2eInstance, SHOTS, startE2eInstance } from './instance.js';

/** The questionnaire as a person answers it: K3T3S1, security level H. */
const QUESTIONNAIRE: Array<[question: string, answer: string]> = [
  ['What happens if this system is unavailable for a day?', "People's health or safety is at risk"],
  ['What is the longest outage the city can live with?', 'A few hours or less.'],
  ['Does it control physical equipment', 'Yes, it switches or steers equipment.'],
  ['Could wrong data in it lead to wrong decisions', 'Yes, with a risk to health, life or safety'],
  ['Is it an official register or record', 'No.'],
  ['Which information about people does it hold?', 'None.'],
  ['What harm would follow if its other (non-personal) information became public?', 'Some embarrassment'],
  ['Must the city be able to show later who did what', 'It would help to sort out mistakes.'],
];

async function csrf(page: Page, base: string): Promise<string> {
  return (await (await page.request.get(`${base}/api/v1/auth/me`)).json()).csrfToken;
}

async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, `40-implementation-${name}.png`), fullPage: true });
}

/** The first KPI tile of the compliance page: "N implemented and M partially of T applicable requirements". */
async function implementedTile(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/compliance`);
  await page.getByRole('heading', { level: 1, name: 'Compliance' }).waitFor();
  const detail = page.locator('.kpi').first().locator('.kpi__detail');
  await detail.waitFor();
  return (await detail.textContent()) ?? '';
}

/**
 * A system owner registers a system, which they classify by answering the questionnaire in the
 * browser, sees its level and requirement list on the system page, marks two
 * requirements implemented (one on the requirement page, one with the bulk edit), attaches an
 * evidence file, and the compliance dashboard counts them.
 */
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('implementation tracking end to end', () => {
  let instance: E2eInstance;

  beforeAll(async () => {
    instance = await startE2eInstance('City of Pärnu', 'ciso@parnu.example');
  });

  afterAll(async () => instance?.stop());

  it('tracks requirements of a classified system, with evidence, up to the compliance dashboard', async () => {
    const { base, browser } = instance;

    // The administrator invites a system owner; the owner accepts in their own browser context.
    const admin = await instance.adminPage();
    const invite = await admin.request.post(`${base}/api/v1/invitations`, {
      headers: { 'x-csrf-token': await csrf(admin, base) },
      data: { email: 'owner@parnu.example', role: 'system_owner' },
    });
    expect(invite.status(), await invite.text()).toBe(201);
    const token = new URL((await invite.json()).link).searchParams.get('token');
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const accepted = await page.request.post(`${base}/api/v1/invitations/accept`, {
      data: { token, name: 'Olga Owner', password: ADMIN_PASSWORD },
    });
    expect(accepted.status(), await accepted.text()).toBe(201);

    // The owner registers the system in the browser.
    await page.goto(`${base}/systems`);
    await page.getByRole('link', { name: 'Register a system' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Traffic signal control');
    await page.getByLabel('Kind').selectOption({ label: 'OT / IoT' });
    await page.getByLabel('Sector').selectOption({ label: 'Transport' });
    await page.getByLabel('Hosting').selectOption({ label: 'On premises' });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Traffic signal control' }).waitFor();
    const systemId = page.url().split('/systems/')[1]?.split(/[/?#]/)[0] ?? '';
    expect(systemId).not.toBe('');
    await page.getByText('Requirements appear once the system is classified').waitFor();

    // "My work" lists it as waiting for classification, with the way to the questionnaire.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    const waiting = page.locator('.work-list__item').filter({ hasText: 'Traffic signal control' });
    await waiting.getByText('Unclassified').waitFor();
    expect(await waiting.getByRole('link', { name: 'Classify Traffic signal control' }).getAttribute('href')).toBe(
      `/systems/${systemId}/classify`,
    );

    // Nothing to count yet on the dashboard.
    expect(await implementedTile(page, base)).toMatch(/^0 implemented and 0 partially of 0 applicable/);

    // The owner answers the questionnaire in the browser, from "My work".
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My work' }).click();
    await page
      .locator('.work-list__item')
      .filter({ hasText: 'Traffic signal control' })
      .getByRole('link', { name: 'Classify Traffic signal control' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Classify Traffic signal control' }).waitFor();
    for (const [question, answer] of QUESTIONNAIRE) {
      await page.getByRole('group', { name: question }).getByLabel(answer).check();
    }
    await page.getByRole('button', { name: 'Save classification' }).click();
    await page.getByRole('heading', { name: 'Result' }).waitFor();

    // The system page: the level, the list change and the requirements.
    await page.goto(`${base}/systems/${systemId}`);
    await page.getByRole('heading', { level: 1, name: 'Traffic signal control' }).waitFor();
    await page.locator('section.classification').getByText('High (H)').first().waitFor();
    const section = page.locator('section.requirements-section');
    await section.getByText(/Classified as High \(H\): \d+ requirements added/).waitFor();
    const counter = section.locator('.browser__heading [role="status"]').filter({ hasText: /\d+/ });
    await counter.waitFor();
    const total = Number((await counter.textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(10);
    await shot(page, 'system');

    // One requirement on its own page: status, statement, save.
    const rows = section.locator('table.table--requirements tbody tr');
    const firstName = (await rows.nth(0).locator('th a').textContent()) ?? '';
    await rows.nth(0).locator('th a').click();
    await page.getByRole('heading', { level: 1, name: firstName.trim() }).waitFor();
    await page.getByRole('heading', { name: 'What the control requires' }).waitFor();
    await page.getByLabel(/^Implemented/).check();
    await page.getByLabel('How it is implemented').fill('Accounts come from the central directory; leavers are disabled the same day.');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The requirement has been saved.').waitFor();

    // Evidence: a file, uploaded with progress, then listed with a download link.
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'access-review-2026.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% access review minutes\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('“access-review-2026.pdf” has been attached.').waitFor();
    const download = page.getByRole('link', { name: 'access-review-2026.pdf' });
    await download.waitFor();
    expect(await download.getAttribute('href')).toMatch(/^\/api\/v1\/evidence\/[\w-]+\/file$/);
    await shot(page, 'requirement');

    // A second one with the bulk edit on the system page.
    await page.getByRole('link', { name: 'Traffic signal control' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Traffic signal control' }).waitFor();
    const secondName = ((await rows.nth(1).locator('th a').textContent()) ?? '').trim();
    await section.getByRole('checkbox', { name: `Select ${secondName}` }).check();
    const bulk = section.locator('.bulk-bar');
    await bulk.getByRole('heading', { name: 'Change 1 selected requirement' }).waitFor();
    await bulk.getByLabel('Status').selectOption({ label: 'Implemented' });
    await bulk.getByRole('button', { name: 'Apply to 1 requirement' }).click();
    await section.getByText('Updated 1 requirement in 1 system.').waitFor();
    await section.getByRole('button', { name: /^Implemented 2\b/ }).waitFor();
    await expect(rows.nth(0).getByText('Implemented', { exact: true }).count()).resolves.toBe(1);
    await expect(rows.nth(0).locator('td.cell-num').textContent()).resolves.toBe('1');
    await expect(rows.nth(1).getByText('Implemented', { exact: true }).count()).resolves.toBe(1);
    await shot(page, 'system-after');

    // The dashboard counts both.
    expect(await implementedTile(page, base)).toMatch(new RegExp(`^2 implemented and 0 partially of ${total} applicable`));
    await shot(page, 'compliance');

    // The administrator's city-wide view includes them too.
    await admin.goto(`${base}/requirements?systemId=${systemId}&status=implemented`);
    await admin.getByText('2 requirements').waitFor();

    // A heatmap cell opens the requirements of its department at its level, with both filters set.
    const headers = { 'x-csrf-token': await csrf(admin, base) };
    const dept = await admin.request.post(`${base}/api/v1/departments`, { headers, data: { name: 'Traffic department' } });
    expect(dept.status(), await dept.text()).toBe(201);
    const departmentId = (await dept.json()).id as string;
    const moved = await admin.request.patch(`${base}/api/v1/systems/${systemId}`, { headers, data: { departmentId } });
    expect(moved.status(), await moved.text()).toBe(200);
    await admin.goto(`${base}/compliance`);
    await admin
      .locator('table.heatmap')
      .getByRole('link', { name: /^Traffic department, High \(H\):/ })
      .click();
    await admin.getByText(`${total} requirements`).waitFor();
    const drilled = new URL(admin.url()).searchParams;
    expect([drilled.get('departmentId'), drilled.get('securityLevel')]).toEqual([departmentId, 'H']);
    await expect(admin.getByLabel('Security level').inputValue()).resolves.toBe('H');
    await admin.locator('search.filters--requirements').screenshot({ path: join(SHOTS, '40-implementation-requirement-filters.png') });
  });
});
