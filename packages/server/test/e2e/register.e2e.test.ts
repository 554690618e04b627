import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ServerProcess, startServerProcess } from '../support/processes.js';
import { CHROMIUM, launchChromium } from './browser.js';

const SHOTS = join(process.cwd(), 'test-results', 'e2e');
const PASSWORD = 'granite orchard whistle 42';

/** A security officer registers systems and their dependencies in a real browser. */
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('register end to end', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dir: string;
  let base: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'cityshield-e2e-reg-'));
    const created = await runCli(
      ['admin', 'create', '--org', 'City of Tartu', '--email', 'ciso@tartu.example', '--password-stdin'],
      { DATA_DIR: dir },
      PASSWORD,
    );
    expect(created.code, created.out).toBe(0);
    const port = 20000 + Math.floor(Math.random() * 20000);
    base = `http://127.0.0.1:${port}`;
    server = await startServerProcess({ DATA_DIR: dir, PORT: String(port), BASE_URL: base });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a website and the application it depends on, and refuses a cycle', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill('ciso@tartu.example');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();

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
