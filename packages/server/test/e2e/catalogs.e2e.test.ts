import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, SHARED } from '../support/shared.js';
import { CHROMIUM } from './browser.js';
import { type E2eInstance, SHOTS, startE2eInstance } from './instance.js';

const run = (existsSync(CHROMIUM) && hasShared) || process.env.CI === 'true';

/** A security officer's path through the catalog library in a real browser. */
describe.skipIf(!run)('catalog library end to end', () => {
  let instance: E2eInstance;

  beforeAll(async () => {
    instance = await startE2eInstance('City of Pärnu', 'ciso@parnu.example');
  });

  afterAll(async () => instance?.stop());

  it('imports NIST SP 800-53 with a progress bar, finds a control by search and opens it by link', async () => {
    const page = await instance.adminPage();
    await page.getByRole('navigation').getByRole('link', { name: 'Catalogs' }).click();
    await page.getByRole('cell', { name: 'CityShield City Baseline' }).first().waitFor();
    await page.screenshot({ path: join(SHOTS, '10-catalog-library.png') });

    await page.getByLabel('OSCAL file').setInputFiles(`${SHARED}nist-800-53-rev5/catalog.json`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByText(/1189 controls|1,189 controls/)
      .first()
      .waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(SHOTS, '11-imported.png') });

    await page
      .getByRole('link', { name: /NIST Special Publication 800-53/ })
      .first()
      .click();
    await page
      .getByRole('link', { name: /5\.0\.1/ })
      .first()
      .click();
    // The search runs on the server (debounced): wait for its answer, then for the list to show it.
    const searched = page.waitForResponse((r) => r.url().includes('/controls?') && r.url().includes('q=account'));
    await page.getByLabel('Search controls').fill('account management');
    const answer = (await (await searched).json()) as { total: number; items: Array<{ id: string }> };
    expect(answer.total).toBeLessThan(100);
    expect(answer.items.map((c) => c.id)).toContain('ac-2');
    await page.getByText(`${answer.total} controls`, { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('account management');
    await page.screenshot({ path: join(SHOTS, '12-browser-search.png') });
    await page
      .getByRole('link', { name: /AC-2\b/ })
      .first()
      .click();
    await page
      .getByRole('heading', { name: /Account Management/ })
      .first()
      .waitFor();
    await page.screenshot({ path: join(SHOTS, '13-control.png'), fullPage: true });

    // A direct link to an enhancement (an id with a dot) opens the app, not a 404.
    const enhancement = page.url().replace(/ac-2$/, 'ac-2.1');
    await page.goto(enhancement);
    await page
      .getByRole('heading', { name: /Automated System Account Management/ })
      .first()
      .waitFor();
    expect(new URL(page.url()).pathname).toMatch(/controls\/ac-2\.1$/);
  });
});
