import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './browser.js';
import { type E2eInstance, SHOTS, startE2eInstance } from './instance.js';

/** A security officer registers systems and their dependencies in a real browser. */
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('register end to end', () => {
  let instance: E2eInstance;

  beforeAll(async () => {
    instance = await startE2eInstance('City of Tartu', 'ciso@tartu.example');
  });

  afterAll(async () => instance?.stop());

  it('registers a website and the application it depends on, and refuses a cycle', async () => {
    const page = await instance.adminPage();

    for (const [name, kind] of [
      ['Permit application', 'Application'],
      ['City website', 'Website'],
    ] as const) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Systems' }).click();
      await page.getByRole('link', { name: 'Register a system' }).click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Kind').selectOption({ label: kind });
      await page.getByLabel('Sector').selectOption({ label: 'Public administration' });
      await page.getByLabel('Hosting').selectOption({ label: 'On premises' });
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    }

    // On the website's page: it depends on the application.
    await page.getByLabel('Depends on').selectOption({ label: 'Permit application' });
    await page.getByRole('button', { name: 'Add dependency' }).click();
    await page.getByText('City website now depends on Permit application.').waitFor();
    await page.getByRole('link', { name: /Permit application \(Application\)/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, '20-system-graph.png'), fullPage: true });

    // The application cannot then depend on the website.
    await page
      .getByRole('link', { name: /Permit application \(Application\)/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Permit application' }).waitFor();
    await page.getByLabel('Depends on').selectOption({ label: 'City website' });
    await page.getByRole('button', { name: 'Add dependency' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'cycle' }).first().textContent()).resolves.toContain(
      'Permit application → City website → Permit application',
    );

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Systems' }).click();
    await page.getByText('2 systems').first().waitFor();
    await page.screenshot({ path: join(SHOTS, '21-systems.png') });
  });
});
