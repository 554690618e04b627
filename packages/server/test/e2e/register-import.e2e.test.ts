import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './browser.js';
import { type E2eInstance, SHOTS, startE2eInstance } from './instance.js';

const HEADER = 'Name,Description,Sector,Kind,Hosting,Tags';

/** A security officer imports systems from a spreadsheet and exports the register, in a real browser. */
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('register import end to end', () => {
  let instance: E2eInstance;

  beforeAll(async () => {
    instance = await startE2eInstance('City of Narva', 'ciso@narva.example');
  });

  afterAll(async () => instance?.stop());

  it('checks a CSV file, shows its bad cells, imports the corrected file and exports the register', async () => {
    const page = await instance.adminPage();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Systems' }).click();
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Import systems' }).waitFor();

    const bad = `${HEADER}\nStreet lights,Lamps,energy,ot-iot,on-premises,"ot, critical"\nSpace port,,space,rocket,cloud,\n`;
    await page.getByLabel('Spreadsheet file').setInputFiles({ name: 'systems.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('heading', { name: 'Check result' }).waitFor();
    await page.getByText('unknown sector "space"').waitFor();
    await page.getByText('"rocket" is not one of').waitFor();
    expect(await page.getByRole('button', { name: 'Import 1 system' }).isDisabled()).toBe(true);
    await page.getByLabel('Show only rows with problems').uncheck();
    await page.getByRole('cell', { name: 'Street lights' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '30-import-preview.png'), fullPage: true });

    const good = `${HEADER}\nStreet lights,Lamps,energy,ot-iot,on-premises,"ot, critical"\nSpace port,=HYPERLINK("x"),transport,application,cloud,\n`;
    await page.getByLabel('Spreadsheet file').setInputFiles({ name: 'systems.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByRole('button', { name: 'Import 2 systems' }).click();
    await page.getByText('Imported 2 systems.').waitFor();
    await page.screenshot({ path: join(SHOTS, '31-import-done.png'), fullPage: true });

    await page.getByRole('link', { name: 'Go to the systems list' }).click();
    await page.getByRole('link', { name: 'Street lights' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '32-systems-export.png') });
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toBe('/api/v1/systems/export?format=csv');
    const csv = await (await page.request.get(`${instance.base}${href}`)).text();
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
    expect(await page.getByRole('link', { name: 'Export XLSX' }).getAttribute('href')).toBe('/api/v1/systems/export?format=xlsx');
  });
});
